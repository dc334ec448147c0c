import type { KeyVerdict } from './secret-key.matcher.js';

/** @internal `keyVerdict` for a key of two ASCII characters, given by their codes. */
export type TwoCharKeyVerdict = (first: number, second: number) => KeyVerdict;

const UNKNOWN = -1;

/**
 * @internal Memoises `keyVerdict` on keys of two ASCII characters in a table of their codes. The pair scan
 * meets one at every stack frame (`file.js:42`), where slicing it out and hashing it for the matcher's
 * cache cost more than reading the key did.
 */
export function twoCharKeyVerdicts(
  keyVerdict: (rawKey: string) => KeyVerdict,
): TwoCharKeyVerdict {
  const table = new Int8Array(128 * 128).fill(UNKNOWN);
  return (first, second) => {
    const slot = first * 128 + second;
    let verdict = table[slot];
    if (verdict === UNKNOWN) {
      verdict = keyVerdict(String.fromCharCode(first, second));
      table[slot] = verdict;
    }
    return verdict as KeyVerdict;
  };
}
