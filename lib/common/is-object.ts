/**
 * @internal Nest's own test (its `isObject`) for a body it sends as is rather than wrapping: using the
 * same one keeps every pass-through answer exactly as bare Nest builds it.
 */
export function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
