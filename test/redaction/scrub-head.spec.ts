import { describe, expect, it } from 'vitest';
import { createDefaultScanner } from '../../lib/redaction/scanner/text-scanner.js';
import { redact } from '../../lib/redaction/redact.js';

// How a string cut by maxStringLength is scrubbed: at most `maxLength` characters out (a censor may end
// past it), read from the first `maxSource`; a secret goes whole or stays out whole.
const X = '[X]';
const { scrubHead } = createDefaultScanner(X);

//            0         1         2         3
//            0123456789012345678901234567890123
const LINE = 'a password=hunter2 b token=abc9 tail';
// The two values: hunter2 at 11..18, abc9 at 27..31.

describe('scrubHead', () => {
  it('cuts text without secrets at the shorter of the two limits', () => {
    expect(scrubHead('abcdefghij', 4, 6)).toBe('abcd');
    expect(scrubHead('abcdefghij', 8, 6)).toBe('abcdef');
    expect(scrubHead('abc', 8, 10)).toBe('abc');
  });

  it('scrubs the whole line when both limits are past it', () => {
    expect(scrubHead(LINE, 100, 100)).toBe(`a password=${X} b token=${X} tail`);
  });

  it('stops before a secret the output has no room for', () => {
    expect(scrubHead(LINE, 10, 100)).toBe('a password');
    expect(scrubHead(LINE, 11, 100)).toBe('a password=');
  });

  it('writes the censor whole once the text before it fits', () => {
    expect(scrubHead(LINE, 12, 100)).toBe(`a password=${X}`);
  });

  it('counts the censor, not the secret, against the output limit', () => {
    // 14 characters out so far; two more fit: " b".
    expect(scrubHead(LINE, 16, 100)).toBe(`a password=${X} b`);
    // Up to the second censor: 14 + 9 = 23 characters, then the censor.
    expect(scrubHead(LINE, 24, 100)).toBe(`a password=${X} b token=${X}`);
    expect(scrubHead(LINE, 28, 100)).toBe(`a password=${X} b token=${X} t`);
  });

  it('censors a secret that crosses the source limit, and reads nothing past it', () => {
    expect(scrubHead(LINE, 100, 14)).toBe(`a password=${X}`);
    expect(scrubHead(LINE, 100, 20)).toBe(`a password=${X} b`);
  });

  it('leaves a secret out whole when the source limit falls where it starts', () => {
    expect(scrubHead(LINE, 100, 11)).toBe('a password=');
  });

  it('starts afresh after a call that found secrets', () => {
    expect(scrubHead(LINE, 100, 100)).toBe(`a password=${X} b token=${X} tail`);
    expect(scrubHead('plain words only', 100, 100)).toBe('plain words only');
  });
});

describe('custom patterns on short strings', () => {
  it('censors a match in a string shorter than any built-in secret', () => {
    expect(redact({ a: 'ab', b: 'xy' }, { patterns: [/ab/g] })).toEqual({
      a: '[REDACTED]',
      b: 'xy',
    });
  });
});
