import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';

const R = '[REDACTED]';

// Under a broad key (`code`, `auth`, `session`, `sig`…) a value is censored only when it is shaped like a
// credential: one run of token characters, 16 or more, letters and digits, both cases or 32 and more.
const CREDENTIALS: readonly (readonly [string, string])[] = [
  ['16 characters, both cases and digits', 'Ab3dEf6hIj9kLm2n'],
  ['with +', 'Ab3dEf6h+Ij9kLm2n'],
  ['with -', 'Ab3dEf6h-Ij9kLm2n'],
  ['with .', 'Ab3dEf6h.Ij9kLm2n'],
  ['with /', 'Ab3dEf6h/Ij9kLm2n'],
  ['with =', 'Ab3dEf6h=Ij9kLm2n'],
  ['with _', 'Ab3dEf6h_Ij9kLm2n'],
  ['with ~', 'Ab3dEf6h~Ij9kLm2n'],
  ['32 characters, digits and one lower-case letter', `${'0'.repeat(31)}a`],
  ['32 characters, a to the digit 0', `${'a'.repeat(31)}0`],
  ['32 characters, z to the digit 0', `${'z'.repeat(31)}0`],
  ['32 characters, A to the digit 0', `${'A'.repeat(31)}0`],
  ['32 characters, Z to the digit 9', `${'Z'.repeat(31)}9`],
  ['a long one', `${'Ab3'.repeat(2000)}`],
];

const NOT_CREDENTIALS: readonly (readonly [string, string])[] = [
  ['15 characters', 'Ab3dEf6hIj9kLm2'],
  ['upper case and digits, under 32', 'AB3DEF6HIJ9KLM2N'],
  ['letters without a digit', 'AbcdEfghIjklMnop'],
  ['digits without a letter', '12345678901234567890'],
  ['with !', 'Ab3dEf6h!Ij9kLm2n'],
  ['with :', 'Ab3dEf6h:Ij9kLm2n'],
  ['31 characters, digits and one letter', `${'0'.repeat(30)}a`],
  ['31 characters, one case and a digit', `${'a'.repeat(30)}0`],
  ['16 characters, one case and a digit', `${'a'.repeat(15)}0`],
];

describe('a value under a broad key', () => {
  it.each(CREDENTIALS)(
    'is censored when credential-shaped: %s',
    (_what, value) => {
      expect(redact({ code: value })).toEqual({ code: R });
      expect(redact(`code=${value} ok`)).toBe(`code=${R} ok`);
      expect(redact(`sent session: ${value}`)).toBe(`sent session: ${R}`);
    },
  );

  it.each(NOT_CREDENTIALS)('is kept otherwise: %s', (_what, value) => {
    expect(redact({ code: value })).toEqual({ code: value });
    expect(redact(`code=${value} ok`)).toBe(`code=${value} ok`);
    expect(redact(`sent session: ${value}`)).toBe(`sent session: ${value}`);
  });

  it('is kept when it is not a string', () => {
    expect(redact({ code: 1234567890123456 })).toEqual({
      code: 1234567890123456,
    });
  });
});

describe('a value under a secret key', () => {
  it('is censored whatever its type', () => {
    expect(redact({ password: 123456 })).toEqual({ password: R });
    expect(redact({ password: true })).toEqual({ password: R });
    expect(redact({ password: 'x' })).toEqual({ password: R });
  });
});
