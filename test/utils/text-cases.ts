import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';

/** [what, input, expected]: the secret goes, everything around it stays byte for byte. */
export type CensoredCase = readonly [string, string, string];
/** [what, input]: text that must come back unchanged. */
export type KeptCase = readonly [string, string];

// From 64 characters on the pre-check takes its other road (the text read as UTF-8 bytes): LEAD sends
// every case down it.
const LEAD =
  'The upstream service answered after three retries and the job went on.\n'.repeat(
    2,
  );

/**
 * Each censored case alone, inside an object under an innocuous key and at the end of long text; each
 * kept case alone and at the end of long text.
 */
export function describeTextCases(
  title: string,
  censored: readonly CensoredCase[],
  kept: readonly KeptCase[],
): void {
  describe(`${title}: the secret goes, the rest stays`, () => {
    it.each(censored)('%s', (_what, input, expected) => {
      expect(redact(input)).toBe(expected);
    });
    it.each(censored)(
      '%s, inside an object under an innocuous key',
      (_what, input, expected) => {
        expect(redact({ note: input })).toEqual({ note: expected });
      },
    );
    it.each(censored)(
      '%s, at the end of long text',
      (_what, input, expected) => {
        expect(redact(LEAD + input)).toBe(LEAD + expected);
      },
    );
  });
  describe(`${title}: what holds no secret is left alone`, () => {
    it.each(kept)('%s', (_what, input) => {
      expect(redact(input)).toBe(input);
    });
    it.each(kept)('%s, at the end of long text', (_what, input) => {
      expect(redact(LEAD + input)).toBe(LEAD + input);
    });
  });
}
