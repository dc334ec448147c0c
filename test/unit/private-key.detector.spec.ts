import { describe, expect, it } from 'vitest';
import { redact } from 'nestjs-safe-errors';

const R = '[REDACTED]';
const BODY =
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nq3Zz0rGZs1XyQ2x9';

describe('private key blocks', () => {
  it.each([
    ['PKCS#8', 'PRIVATE KEY'],
    ['RSA', 'RSA PRIVATE KEY'],
    ['EC', 'EC PRIVATE KEY'],
    ['OpenSSH', 'OPENSSH PRIVATE KEY'],
    ['encrypted PKCS#8', 'ENCRYPTED PRIVATE KEY'],
    ['PGP', 'PGP PRIVATE KEY BLOCK'],
  ])(
    'censors a %s block, armour included, and nothing around it',
    (_name, label) => {
      const block = `-----BEGIN ${label}-----\n${BODY}\n-----END ${label}-----`;
      expect(redact(`key:\n${block}\nloaded`)).toBe(`key:\n${R}\nloaded`);
    },
  );

  it('censors a block without its end line to the end of the text', () => {
    expect(
      redact(`read -----BEGIN PRIVATE KEY-----\n${BODY}\n(truncated)`),
    ).toBe(`read ${R}`);
  });

  it('censors each of several blocks, keeping the text between them', () => {
    const block = `-----BEGIN PRIVATE KEY-----\n${BODY}\n-----END PRIVATE KEY-----`;
    expect(redact(`a ${block} b ${block} c`)).toBe(`a ${R} b ${R} c`);
  });

  it('leaves public keys, certificates and the bare words alone', () => {
    for (const text of [
      `-----BEGIN PUBLIC KEY-----\n${BODY}\n-----END PUBLIC KEY-----`,
      `-----BEGIN CERTIFICATE-----\n${BODY}\n-----END CERTIFICATE-----`,
      'set PRIVATE KEY path in the config',
      '-----BEGIN  PRIVATE KEY----- (two spaces is no armour)',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('a header repeated thousands of times is one block: nothing of it is written', () => {
    const text = '-----BEGIN PRIVATE KEY-----'.repeat(4000);
    expect(redact(text, { maxStringLength: 200_000 })).toBe(R);
  });
});

describe('a bracketed value that never closes', () => {
  it('censors everything after a secret key whose [ or { is never closed, across lines', () => {
    expect(redact('login password=[hunter2\nsecond line\nthird')).toBe(
      `login password=${R}`,
    );
    expect(redact('pwd=[\n'.repeat(3))).toBe(`pwd=${R}`);
  });

  it('keeps the text after a bracketed value that closes', () => {
    expect(redact('password=[hunter2] then ok')).toBe(`password=${R} then ok`);
    expect(redact('{"token":{"a":"x"},"user":"ada"}')).toBe(
      `{"token":${R},"user":"ada"}`,
    );
  });
});
