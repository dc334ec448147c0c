import { describe, expect, it } from 'vitest';
import {
  cardDetector,
  cardNetwork,
  luhnValid,
} from '../../lib/redaction/detectors/card.detector.js';
import { bearerDetector } from '../../lib/redaction/detectors/bearer.detector.js';
import { connectionStringDetector } from '../../lib/redaction/detectors/connection-string.detector.js';
import { credentialPairDetector } from '../../lib/redaction/detectors/credential-pair.detector.js';
import { jwtDetector } from '../../lib/redaction/detectors/jwt.detector.js';
import { privateKeyDetector } from '../../lib/redaction/detectors/private-key.detector.js';
import type {
  ScanContext,
  SecretDetector,
} from '../../lib/redaction/detectors/secret-detector.interface.js';
import { twoCharKeyVerdicts } from '../../lib/redaction/keys/two-char-keys.js';
import { isSecretKeyName } from '../../lib/redaction/keys/secret-key.matcher.js';
import { createDefaultScanner } from '../../lib/redaction/scanner/text-scanner.js';
import {
  mergeSpans,
  type SecretMatch,
} from '../../lib/redaction/scanner/secret-span.js';
import { redact } from '../../lib/redaction/redact.js';
import { UNREADABLE_MARKER } from '../../lib/redaction/redact.constants.js';

// Each detector on its own: through redact() another detector or a key often censors the same text,
// which would hide a detector that stopped seeing it.
const CONTEXT: ScanContext = {
  censor: '[REDACTED]',
  keyVerdict: isSecretKeyName,
  twoCharKeyVerdict: twoCharKeyVerdicts(isSecretKeyName),
  minKeyLength: isSecretKeyName.minLength,
};

function spans(detector: SecretDetector, text: string): string[] {
  const found: SecretMatch[] = [];
  detector.scan(text, CONTEXT, found);
  return found.map((m) => text.slice(m.start, m.end));
}

/** `prefix` and digits up to `length`, the last one making the Luhn checksum valid. */
function card(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '3');
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(body + d)) return body + d;
  }
  throw new Error('unreachable: one check digit always fits');
}

/** The same digits with the last one changed, so the checksum fails. */
function broken(digits: string): string {
  const last = Number(digits.at(-1));
  return digits.slice(0, -1) + String((last + 5) % 10);
}

/** Digits split into groups of the given sizes, joined by `sep`. */
function grouped(digits: string, sizes: number[], sep = ' '): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  expect(at).toBe(digits.length);
  return out.join(sep);
}

describe('card detector, on its own', () => {
  const visa = card('4111', 16);

  it('reads a checksum over digits only', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid(visa)).toBe(true);
    // ':' and '/' sit just past and before the digits: read as 10 and -1, one of these ten would pass.
    for (const odd of [':', '/']) {
      const rest = visa.slice(1);
      for (let d = 0; d <= 9; d++) {
        expect(luhnValid(`${odd}${rest.slice(0, -1)}${d}`)).toBe(false);
        expect(luhnValid(`${rest.slice(0, -1)}${d}${odd}`)).toBe(false);
      }
    }
  });

  it.each([
    ['Visa, 16 digits', card('4111', 16), 'visa'],
    ['Visa, 19 digits', card('4111', 19), 'visa'],
    ['Mastercard', card('5500', 16), 'mastercard'],
    ['Mastercard 2-series', card('2221', 16), 'mastercard'],
    ['Amex', card('3782', 15), 'amex'],
    ['Discover, 16', card('6011', 16), 'discover'],
    ['Discover 65, 19', card('6500', 19), 'discover'],
    ['JCB', card('3528', 16), 'jcb'],
    ['Diners, 14', card('3056', 14), 'diners'],
  ])('knows %s', (_name, digits, network) => {
    expect(cardNetwork(digits)).toBe(network);
    expect(spans(cardDetector, `paid with ${digits} today`)).toEqual([digits]);
  });

  it.each([
    ['Visa, 13 digits (an EAN-13 barcode)', card('4006', 13)],
    ['Visa, 20 digits', card('4111', 20)],
    ['Discover, 15 digits', card('6011', 15)],
    ['JCB, 15 digits', card('3528', 15)],
    ['Diners, 13 digits', card('3056', 13)],
    ['Mastercard, 15 digits', card('5500', 15)],
    ['Amex, 16 digits', card('3782', 16)],
    ['an unknown prefix', card('9111', 16)],
  ])('refuses %s', (_name, digits) => {
    expect(spans(cardDetector, `ref ${digits} today`)).toEqual([]);
  });

  it('needs the checksum', () => {
    expect(spans(cardDetector, `paid with ${broken(visa)}`)).toEqual([]);
  });

  it.each([
    ['a letter before', `x${visa}`],
    ['an underscore before', `_${visa}`],
    ['a letter after', `${visa}x`],
    ['an underscore after', `${visa}_`],
    ['a decimal point before', `0.${visa}`],
    ['a decimal comma before', `0,${visa}`],
    ['a decimal point after', `${visa}.5`],
    ['a decimal comma after', `${visa},5`],
  ])('leaves digits with %s', (_name, text) => {
    expect(spans(cardDetector, text)).toEqual([]);
  });

  it.each([
    ['at the very start', `${visa} paid`],
    ['at the very end', `paid ${visa}`],
    ['after a lone point', `.${visa} paid`],
    ['after a word and a point', `ref.${visa} paid`],
    ['after a word and a comma', `ref,${visa} paid`],
    ['before a full stop', `paid with ${visa}.`],
    ['before a comma and a word', `paid with ${visa}, thanks`],
    ['before a point and a word', `paid ${visa}.ok`],
  ])('finds a card %s', (_name, text) => {
    expect(spans(cardDetector, text)).toEqual([visa]);
  });

  it.each([
    ['4-4-4-4 with spaces', [4, 4, 4, 4], ' '],
    ['4-4-4-4 with dashes', [4, 4, 4, 4], '-'],
  ])('finds a grouped card, %s', (_name, sizes, sep) => {
    const text = grouped(visa, sizes, sep);
    expect(spans(cardDetector, `card ${text} ok`)).toEqual([text]);
  });

  it('finds Amex as 4-6-5 and Diners as 4-6-4', () => {
    const amex = grouped(card('3782', 15), [4, 6, 5]);
    const diners = grouped(card('3056', 14), [4, 6, 4]);
    expect(spans(cardDetector, `a ${amex} b ${diners} c`)).toEqual([
      amex,
      diners,
    ]);
  });

  it('takes a 19-digit card whose last group has 3 digits, though its first 16 fail the checksum', () => {
    const long = ['41110', '41111', '41112', '41113']
      .map((prefix) => card(prefix, 19))
      .find((digits) => !luhnValid(digits.slice(0, 16)));
    if (long === undefined) throw new Error('no such number among the four');
    const text = grouped(long, [4, 4, 4, 4, 3]);
    expect(spans(cardDetector, `card ${text} ok`)).toEqual([text]);
  });

  it.each([
    ['a first group of 3', [3, 4, 4, 5]],
    ['a group of 2', [4, 2, 4, 4, 2]],
    ['a group of 7', [4, 7, 5]],
  ])('refuses groups shaped with %s', (_name, sizes) => {
    const text = grouped(visa, sizes);
    expect(spans(cardDetector, `ref ${text} ok`)).toEqual([]);
  });

  it('keeps the groups of a run apart from a glued neighbour', () => {
    const text = grouped(visa, [4, 4, 4, 4]);
    // The first group is glued to a word: the rest (12 digits) is no card.
    expect(spans(cardDetector, `x${text}`)).toEqual([]);
    // Glued at the end only: the groups before the last still are not 16 digits.
    expect(spans(cardDetector, `${text}x`)).toEqual([]);
    // A second card in the same run after a glued head is still found.
    expect(spans(cardDetector, `x1234 ${text}`)).toEqual([text]);
  });

  it('is admitted by the pre-check only with a run of four digits and a dozen more', () => {
    const scanner = createDefaultScanner('[REDACTED]');
    expect(scanner.candidates(`paid with ${visa}`)).toContain('card');
    expect(scanner.candidates(`order 123 456 789 012 345 ok`)).not.toContain(
      'card',
    );
  });
});

describe('bearer detector, on its own', () => {
  it('takes a token of six characters and no shorter', () => {
    expect(spans(bearerDetector, 'Authorization: Bearer ab12cd ok')).toEqual([
      'ab12cd',
    ]);
    expect(spans(bearerDetector, 'Authorization: Bearer ab12c ok')).toEqual([]);
  });
});

describe('JWT detector, on its own', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVz';

  it.each([' ', '@', '[', '`', '{', '/', ':', '"', '=', '('])(
    'finds a token after %j',
    (before) => {
      expect(spans(jwtDetector, `x${before}${jwt} y`)).toEqual([jwt]);
    },
  );

  it.each(['A', 'Z', 'a', 'z', '0', '9', '_', '-'])(
    'leaves a token glued after %j (part of a longer word)',
    (before) => {
      expect(spans(jwtDetector, `x${before}${jwt} y`)).toEqual([]);
    },
  );

  it('finds two tokens one space apart', () => {
    expect(spans(jwtDetector, `${jwt} ${jwt}`)).toEqual([jwt, jwt]);
  });

  it('takes two parts only when both are JSON', () => {
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiI0MiJ9';
    expect(spans(jwtDetector, `t=${unsigned} ok`)).toEqual([unsigned]);
    expect(spans(jwtDetector, 't=eyJhbGciOiJub25lIn0.c2lnbmF0dXJl ok')).toEqual(
      [],
    );
  });
});

describe('private key detector, on its own', () => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw';

  it('closes at the real end line, past an end line of something else', () => {
    const block = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END CERTIFICATE-----\n${body}\n-----END PRIVATE KEY-----`;
    expect(spans(privateKeyDetector, `a ${block} b`)).toEqual([block]);
  });

  it('runs to the end of the text when only an end line of something else follows', () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END CERTIFICATE----- tail`;
    expect(spans(privateKeyDetector, `a ${text}`)).toEqual([text]);
  });

  it('skips a BEGIN line that is no private key and finds the one after it', () => {
    const block = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`;
    expect(
      spans(privateKeyDetector, `-----BEGIN CERTIFICATE----- x ${block}`),
    ).toEqual([block]);
  });
});

describe('connection-string detector, on its own', () => {
  it('finds the password, and leaves one already censored', () => {
    expect(
      spans(connectionStringDetector, 'postgres://app:s3cret@db:5432/app'),
    ).toEqual(['s3cret']);
    expect(
      spans(connectionStringDetector, 'postgres://app:[REDACTED]@db:5432/app'),
    ).toEqual([]);
  });

  it('is admitted by the pre-check only with an @ after ://', () => {
    const scanner = createDefaultScanner('[REDACTED]');
    expect(scanner.candidates('see postgres://app:x@db/a')).toContain(
      'connection-string',
    );
    expect(scanner.candidates('see https://example.com/docs')).not.toContain(
      'connection-string',
    );
    expect(
      scanner.candidates('mail a@b.io, docs https://x.io/a'),
    ).not.toContain('connection-string');
  });
});

describe('credential-pair detector, on its own', () => {
  // Digits alone before a separator are skipped without reading a key: only where nothing before them
  // could belong to one.
  it.each([
    ['password2: hunter2hunter2', 'hunter2hunter2'],
    ['db_password_2=hunter2hunter2', 'hunter2hunter2'],
    ['secret-42 = hunter2hunter2', 'hunter2hunter2'],
    ['p\u0430ssword1=hunter2hunter2', 'hunter2hunter2'],
    ['(password1: hunter2hunter2)', 'hunter2hunter2'],
    [
      '\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff441=hunter2hunter2',
      'hunter2hunter2',
    ],
    ['at x (/app/a.js:42:11) password3=hunter2hunter2', 'hunter2hunter2'],
  ])('finds the value of a key ending in digits: %j', (text, value) => {
    expect(spans(credentialPairDetector, text)).toEqual([value]);
  });

  it.each([
    '    at OrdersService.find (/app/dist/orders.service.js:42:11)',
    '12:30:45 job done',
    '2026-12-04T10:00:00Z ok',
    '(404:not found)',
  ])('finds no key in line numbers and times: %j', (text) => {
    expect(spans(credentialPairDetector, text)).toEqual([]);
  });

  // A two-letter key after a `.` is judged like any other: a file extension is no key, `pw` is one.
  it.each([
    ['db.pw=hunter2hunter2', 'hunter2hunter2'],
    ['config.pw: hunter2hunter2', 'hunter2hunter2'],
    ['at x (/app/a.js:42:11) db.pw:="hunter2hunter2"', 'hunter2hunter2'],
    ['opts.pw=>"hunter2hunter2"', 'hunter2hunter2'],
  ])('finds the value of a two-letter key after a dot: %j', (text, value) => {
    expect(spans(credentialPairDetector, text)).toEqual([value]);
  });

  it('reads no two-letter key after a dot when keys must be longer', () => {
    const context: ScanContext = { ...CONTEXT, minKeyLength: 3 };
    const found: SecretMatch[] = [];
    credentialPairDetector.scan(
      'db.pw=hunter2hunter2 a.pwd=hunter3hunter3',
      context,
      found,
    );
    expect(found.map((m) => [m.start, m.end])).toEqual([[27, 41]]);
  });
});

describe('span merging', () => {
  const at = (kind: string, start: number, end: number): SecretMatch => ({
    kind,
    start,
    end,
  });

  it('lets the longer of two spans that start together name the merge, whatever their order', () => {
    for (const input of [
      [at('short', 0, 5), at('long', 0, 9)],
      [at('long', 0, 9), at('short', 0, 5)],
    ]) {
      expect(mergeSpans(input)).toEqual([at('long', 0, 9)]);
    }
  });

  it('joins touching spans only when asked', () => {
    expect(mergeSpans([at('a', 0, 4), at('b', 4, 8)])).toEqual([
      at('a', 0, 4),
      at('b', 4, 8),
    ]);
    expect(mergeSpans([at('a', 0, 4), at('b', 4, 8)], true)).toEqual([
      at('a', 0, 8),
    ]);
    expect(mergeSpans([at('a', 0, 4), at('b', 5, 8)], true)).toEqual([
      at('a', 0, 4),
      at('b', 5, 8),
    ]);
  });

  it('keeps the outer end when a span lies inside another', () => {
    expect(mergeSpans([at('a', 0, 10), at('b', 2, 4)])).toEqual([
      at('a', 0, 10),
    ]);
  });
});

describe('unreadable values', () => {
  it('marks a value whose keys cannot be listed as unreadable, not as too deep', () => {
    for (const error of [
      new RangeError('no keys today'),
      new Error('Maximum call stack size exceeded'),
    ]) {
      const hostile = new Proxy(
        {},
        {
          ownKeys() {
            throw error;
          },
        },
      );
      expect(redact({ a: hostile, b: 1 })).toEqual({
        a: UNREADABLE_MARKER,
        b: 1,
      });
    }
  });
});
