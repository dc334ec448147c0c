/** @internal Which fields of an error are copied, in order, and how many own fields are left out. */
export interface ErrorFields {
  /** `name`, `message`, `stack`, then at most `maxObjectKeys` own fields. */
  readonly fields: readonly string[];
  /** Own fields past the cap. */
  readonly more: number;
  /** Read last: `errors` of an AggregateError (when not an own field), then `cause`. */
  readonly tail: readonly string[];
}

const FIXED: ReadonlySet<string> = new Set([
  'name',
  'message',
  'stack',
  'cause',
]);

/**
 * @internal name/message/stack are usually inherited or non-enumerable, so they are named outright; the
 * own fields follow, then errors and cause, which may be deep and so come after everything shallow.
 */
export function errorFields(err: Error, maxObjectKeys: number): ErrorFields {
  const fields = ['name', 'message', 'stack'];
  let more = 0;
  for (const key of Object.keys(err)) {
    if (FIXED.has(key)) continue;
    if (fields.length - 3 < maxObjectKeys) fields.push(key);
    else more++;
  }
  const tail: string[] = [];
  if (err instanceof AggregateError && !fields.includes('errors'))
    tail.push('errors');
  if ('cause' in err) tail.push('cause');
  return { fields, more, tail };
}
