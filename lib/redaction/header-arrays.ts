import { censorsValue } from './keys/credential-value.js';
import type { KeyVerdict } from './keys/secret-key.matcher.js';

// Node's `req.rawHeaders` is `[name, value, name, value, …]`; `[...headers.entries()]` and
// `Object.entries(x)` are `[[name, value], …]`. A secret under a name there is a secret like any other.
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
// Names that only a header list has: one of them marks a flat array as headers, not a list of words.
const COMMON_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'user-agent',
  'accept',
  'content-type',
  'content-length',
  'connection',
  'authorization',
  'cookie',
  'set-cookie',
  'x-forwarded-for',
  'origin',
  'referer',
]);

/** @internal How an array holds names and values, if it does. */
export type NamedArray = 'flat' | 'entries' | undefined;

/** @internal Reads the first `count` items once to tell: names at even places, or `[name, value]` pairs. */
export function namedArrayShape(
  arr: readonly unknown[],
  count: number,
): NamedArray {
  if (count < 1) return undefined;
  const first = arr[0];
  if (Array.isArray(first)) {
    for (let i = 0; i < count; i++) {
      const item = arr[i];
      if (
        !Array.isArray(item) ||
        item.length !== 2 ||
        typeof item[0] !== 'string'
      )
        return undefined;
    }
    return 'entries';
  }
  if (count < 2 || count % 2 !== 0) return undefined;
  let known = false;
  for (let i = 0; i < count; i += 2) {
    const name = arr[i];
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) return undefined;
    if (!known && COMMON_HEADERS.has(name.toLowerCase())) known = true;
  }
  return known ? 'flat' : undefined;
}

/**
 * @internal What item `i` (read as `raw`) of an array of that shape becomes when its name makes it
 * secret: the censor for a value after its name, `[name, censor]` for an entry; `undefined` otherwise.
 */
export function censoredItem(
  shape: NamedArray,
  arr: readonly unknown[],
  i: number,
  raw: unknown,
  keyVerdict: (key: string) => KeyVerdict,
  censor: string,
): unknown {
  if (shape === 'flat' && i % 2 === 1) {
    return censorsValue(keyVerdict(arr[i - 1] as string), raw)
      ? censor
      : undefined;
  }
  if (shape === 'entries') {
    const [name, value] = raw as [string, unknown];
    return censorsValue(keyVerdict(name), value) ? [name, censor] : undefined;
  }
  return undefined;
}
