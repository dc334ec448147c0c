import { defineDetector } from '../../lib/redaction/detectors/secret-detector.interface.js';
import {
  cardNetwork,
  isCardNumber,
  luhnValid,
} from '../../lib/redaction/detectors/card.detector.js';
import {
  SECRET_DETECTORS,
  type SecretKind,
} from '../../lib/redaction/detectors/secret-detector.registry.js';
import {
  NOT_SECRET,
  SECRET,
  createKeyMatcher,
  isSecretKeyName,
  normalizeKey,
} from '../../lib/redaction/keys/secret-key.matcher.js';
import {
  createDefaultScanner,
  createTextScanner,
  findSecretsInText,
  scrubText,
} from '../../lib/redaction/scanner/text-scanner.js';

const R = '[REDACTED]';
const DEFAULT_SCANNER = createDefaultScanner(R);
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('SECRET_DETECTORS', () => {
  it('lists every kind once, in a stable order', () => {
    expect(SECRET_DETECTORS.map((d) => d.kind)).toEqual([
      'bearer',
      'jwt',
      'credential-pair',
      'markup-pair',
      'command-line',
      'connection-string',
      'card',
      'aws-key',
      'token',
      'private-key',
      'row-data',
    ]);
    expect(Object.isFrozen(SECRET_DETECTORS)).toBe(true);
  });
});

// [kind, input, expected scrubbed text, the secret found]
const positives: [SecretKind, string, string, string][] = [
  [
    'bearer',
    'Authorization: Bearer abc.def-ghi',
    `Authorization: Bearer ${R}`,
    'abc.def-ghi',
  ],
  [
    'bearer',
    'sent bearer 0123456789abcdef to api',
    `sent bearer ${R} to api`,
    '0123456789abcdef',
  ],
  [
    'bearer',
    'header Basic dXNlcjpwYXNz==',
    `header Basic ${R}`,
    'dXNlcjpwYXNz==',
  ],
  [
    'bearer',
    'use Bearer Bearer tok3n_value',
    `use Bearer Bearer ${R}`,
    'tok3n_value',
  ],
  ['bearer', 'got Bearer abc.def123.', `got Bearer ${R}.`, 'abc.def123'],
  ['bearer', 'AUTH BEARER ABCDEF123', `AUTH BEARER ${R}`, 'ABCDEF123'],
  ['jwt', `jwt ${JWT} end`, `jwt ${R} end`, JWT],
  [
    'jwt',
    'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
    R,
    'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
  ],
  ['credential-pair', 'password=hunter2', `password=${R}`, 'hunter2'],
  ['credential-pair', '?a=1&password=x&b=2', `?a=1&password=${R}&b=2`, 'x'],
  [
    'credential-pair',
    '/cb?state=1&access_token=abc123&x=y',
    `/cb?state=1&access_token=${R}&x=y`,
    'abc123',
  ],
  [
    'credential-pair',
    'client_secret=s3cr3t; path=/',
    `client_secret=${R}; path=/`,
    's3cr3t',
  ],
  [
    'credential-pair',
    'API-KEY: k_live_123, next',
    `API-KEY: ${R}, next`,
    'k_live_123',
  ],
  ['credential-pair', 'secret = topsecret', `secret = ${R}`, 'topsecret'],
  [
    'credential-pair',
    '--db-password=pw1 --port=5432',
    `--db-password=${R} --port=5432`,
    'pw1',
  ],
  [
    'credential-pair',
    'sess connect.sid=s%3Aabc.def',
    `sess connect.sid=${R}`,
    's%3Aabc.def',
  ],
  [
    'credential-pair',
    '{"password":"hunter2","user":"bob"}',
    `{"password":"${R}","user":"bob"}`,
    'hunter2',
  ],
  [
    'credential-pair',
    '{"token": "a\\"b", "n": 1}',
    `{"token": "${R}", "n": 1}`,
    'a\\"b',
  ],
  [
    'credential-pair',
    '{"cvv":123,"brand":"visa"}',
    `{"cvv":${R},"brand":"visa"}`,
    '123',
  ],
  [
    'credential-pair',
    '{"apiKey":{"v":"k}"},"x":1}',
    `{"apiKey":${R},"x":1}`,
    '{"v":"k}"}',
  ],
  [
    'credential-pair',
    '{\\"password\\":\\"x1\\"}',
    `{\\"password\\":\\"${R}\\"}`,
    'x1',
  ],
  [
    'credential-pair',
    "{ password: 'hunter2', user: 'bob' }",
    `{ password: '${R}', user: 'bob' }`,
    'hunter2',
  ],
  [
    'credential-pair',
    'Cookie: sid=abc; theme=dark\nnext line',
    `Cookie: ${R}\nnext line`,
    'sid=abc; theme=dark',
  ],
  [
    'credential-pair',
    'authorization: Digest username="a"',
    `authorization: Digest ${R}`,
    'username="a"',
  ],
  ['credential-pair', 'token: Bearer', `token: ${R}`, 'Bearer'],
  [
    'credential-pair',
    'Password=pa55;User Id=sa',
    `Password=${R};User Id=sa`,
    'pa55',
  ],
  ['credential-pair', 'v1password=abc', `v1password=${R}`, 'abc'],
  ['credential-pair', 'id 1password=abc', `id 1password=${R}`, 'abc'],
  ['credential-pair', 'cfg.db.password: x9', `cfg.db.password: ${R}`, 'x9'],
  [
    'connection-string',
    'postgres://admin:s3cret@db:5432/x',
    `postgres://admin:${R}@db:5432/x`,
    's3cret',
  ],
  [
    'connection-string',
    'mongodb+srv://u:p4ss@c0.example.net/db',
    `mongodb+srv://u:${R}@c0.example.net/db`,
    'p4ss',
  ],
  [
    'connection-string',
    'redis://:hunter2@cache:6379',
    `redis://:${R}@cache:6379`,
    'hunter2',
  ],
  [
    'card',
    'paid with 4111 1111 1111 1111 today',
    `paid with ${R} today`,
    '4111 1111 1111 1111',
  ],
  ['card', '4111-1111-1111-1111', R, '4111-1111-1111-1111'],
  ['card', 'card=4111111111111111', `card=${R}`, '4111111111111111'],
  ['card', 'amex 3782 822463 10005', `amex ${R}`, '3782 822463 10005'],
  ['card', 'mc 5555555555554444.', `mc ${R}.`, '5555555555554444'],
  ['card', 'mc2 2223003122003222', `mc2 ${R}`, '2223003122003222'],
  ['card', 'disc 6011111111111117', `disc ${R}`, '6011111111111117'],
  ['card', 'jcb 3530111333300000', `jcb ${R}`, '3530111333300000'],
  ['card', 'diners 30569309025904', `diners ${R}`, '30569309025904'],
  ['card', 'order 12 4111111111111111', `order 12 ${R}`, '4111111111111111'],
  ['card', '4111 1111 1111 1111 2024', `${R} 2024`, '4111 1111 1111 1111'],
  [
    'aws-key',
    'key AKIAIOSFODNN7EXAMPLE used',
    `key ${R} used`,
    'AKIAIOSFODNN7EXAMPLE',
  ],
  ['aws-key', 'ASIAY34FZKBOKMUTVV7A', R, 'ASIAY34FZKBOKMUTVV7A'],
];

describe('scrubText', () => {
  it.each(positives)('%s: %j', (_kind, input, expected) => {
    expect(scrubText(input, R)).toBe(expected);
  });

  // Short text is pre-checked over its characters, longer text over its UTF-8 bytes: both must find everything.
  it.each(positives)(
    '%s: %j inside 300 characters of prose',
    (_kind, input, expected) => {
      const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(3);
      expect(scrubText(`${prose}\n${input}\n${prose}`, R)).toBe(
        `${prose}\n${expected}\n${prose}`,
      );
    },
  );

  it('finds a marker after a decoy: `yJ` first, the token later, in long text', () => {
    const text = `yJ ${'x'.repeat(200)} token ${JWT} end`;
    expect(scrubText(text, R)).toBe(`yJ ${'x'.repeat(200)} token ${R} end`);
  });

  it.each(positives)('%s: %j is stable when scrubbed again', (_kind, input) => {
    const once = scrubText(input, R);
    expect(scrubText(once, R)).toBe(once);
  });

  it('uses the given censor', () => {
    expect(scrubText('password=x and Bearer abc12345', '***')).toBe(
      'password=*** and Bearer ***',
    );
  });

  it('keeps scanning inside a censored value', () => {
    expect(scrubText('password= token: x1', R)).toBe(`password= ${R} ${R}`);
  });

  it('defaults the censor', () => {
    expect(scrubText('token=abc')).toBe(`token=${R}`);
  });

  it('replaces several secrets of different kinds in one text', () => {
    expect(
      scrubText(
        `a=1 password=x url=postgres://u:pw@h/db jwt=${JWT} AKIAIOSFODNN7EXAMPLE`,
        R,
      ),
    ).toBe(`a=1 password=${R} url=postgres://u:${R}@h/db jwt=${R} ${R}`);
  });

  it.each([
    ['13-digit epoch millis', 'created 1732233600000'],
    ['bare epoch millis', '1732233600000'],
    ['UUID', 'id 550e8400-e29b-41d4-a716-446655440000'],
    ['all-digit UUID', '41111111-1111-4111-8111-111111111111'],
    ['order number failing Luhn', 'order 4111111111111112'],
    ['order number without a network prefix', 'order 1234567890123452'],
    ['digits glued to letters', 'ref x4111111111111111'],
    ['digits glued to letters after', 'ref 4111111111111111x'],
    ['decimal fraction', 'ratio 0.4111111111111111'],
    ['20-digit run holding a card', 'n 41111111111111110000'],
    ['ISO date', '2024-11-22T10:00:00.000Z'],
    ['English', 'The quick brown fox jumps over the lazy dog.'],
    ['English about secrets', 'Tokens and secrets are rotated every night'],
    ['English with a colon', 'Note: the session expired, please retry'],
    ['Basic in prose', 'Basic authentication is required'],
    ['Bearer in prose', 'Bearer of bad news'],
    ['author pair', 'author=bob'],
    ['status pair', 'status=paid total=12'],
    ['tokens_used pair', 'tokens_used=42'],
    ['tokenType pair', 'tokenType=Bearer'],
    ['plain URL', 'https://example.com/path?page=2&sort=asc#top'],
    ['URL with port and @ in path', 'https://example.com:8443/a@b'],
    ['URL with user but no password', 'https://user@example.com/x'],
    ['email', 'mailto:user@example.com'],
    ['stack frame', 'at UserService.login (/app/src/password.service.ts:12:5)'],
    ['null literal', '{"password":null}'],
    ['already censored pair', `password=${R}`],
    ['already censored connection string', `postgres://u:${R}@h/db`],
    ['short text', 'pwd'],
    ['empty', ''],
    ['AKIA too short', 'AKIAIOSFODNN7EXAMP'],
    ['AKIA glued', 'xAKIAIOSFODNN7EXAMPLE'],
  ])('leaves %s untouched', (_name, text) => {
    expect(scrubText(text, R)).toBe(text);
    expect(findSecretsInText(text)).toEqual([]);
  });
});

describe('findSecretsInText', () => {
  it.each(positives)('%s: %j', (kind, input, _expected, secret) => {
    const found = findSecretsInText(input);
    expect(found).toHaveLength(1);
    expect(found[0].kind).toBe(kind);
    expect(input.slice(found[0].start, found[0].end)).toBe(secret);
  });

  it.each(positives)('%s detector pre-checks admit %j', (kind, input) => {
    expect(DEFAULT_SCANNER.candidates(input)).toContain(kind);
  });

  it.each([
    'info',
    'Ada Lovelace',
    'api.example.com',
    'GET /api/orders 200 12ms',
    'Basi c, Beare r, eyj, AKI A',
    'A fine product description',
  ])('the shared pre-check rejects %j', (text) => {
    expect(DEFAULT_SCANNER.candidates(text)).toEqual([]);
  });

  it('returns sorted, merged spans', () => {
    const text = `{"authorization":"Bearer ${JWT}"} card 4111111111111111`;
    const found = findSecretsInText(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([
      JWT,
      '4111111111111111',
    ]);
    expect(found.map((f) => f.kind)).toEqual(['bearer', 'card']);
  });
});

describe('luhnValid', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['0', true],
    ['59', true], // 5 doubled is 10, folded to 1
    ['18', true], // 1 doubled is 2
    ['91', true], // 9 doubled is 18, folded to 9
    ['', false],
    ['4111 1111 1111 1111', false],
    ['41111111111111a1', false],
  ])('%j → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe('cardNetwork', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['4222222222222', undefined], // retired 13-digit Visa: an EAN-13 shape
    ['4111111111111111111', 'visa'], // 19 digits
    ['411111111111', undefined], // 12 digits
    ['41111111111111111111', undefined], // 20 digits
    ['5105105105105100', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['5005105105105100', undefined], // 50 is not Mastercard
    ['5605105105105100', undefined], // 56 is not Mastercard
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['2220990000000000', undefined],
    ['2721000000000000', undefined],
    ['555555555555444', undefined], // Mastercard is 16 digits
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
    ['3782822463100050', undefined], // Amex is 15 digits
    ['6011111111111117', 'discover'],
    ['6500000000000002', 'discover'],
    ['6445644564456445', 'discover'],
    ['6495644564456445', 'discover'],
    ['6435644564456445', undefined],
    ['3528000000000007', 'jcb'],
    ['3589000000000000', 'jcb'],
    ['3527000000000000', undefined],
    ['3590000000000000', undefined],
    ['30569309025904', 'diners'],
    ['30069309025904', 'diners'],
    ['30669309025904', undefined],
    ['36227206271667', 'diners'],
    ['38520000023237', 'diners'],
    ['1732233600000', undefined],
  ])('%s → %s', (digits, network) => {
    expect(cardNetwork(digits)).toBe(network);
  });

  it('isCardNumber needs both a network and the checksum', () => {
    expect(isCardNumber('4111111111111111')).toBe(true);
    expect(isCardNumber('4111111111111112')).toBe(false);
    expect(isCardNumber('1234567890123452')).toBe(false); // Luhn-valid, no network
  });
});

describe('key vocabulary', () => {
  it('normalises case and separators', () => {
    expect(normalizeKey('X-Api_Key')).toBe('xapikey');
    expect(normalizeKey('connect.sid')).toBe('connectsid');
  });

  it.each([
    'password',
    'apiKey',
    'API-KEY',
    'x-api-key',
    'githubToken',
    'dbPassword',
    'stripeSecretKey',
    'connect.sid',
  ])('%s is a secret key', (key) => {
    expect(isSecretKeyName(key)).toBe(SECRET);
  });

  it.each([
    'author',
    'authorId',
    'status',
    'tokenType',
    'tokens_used',
    'sessionCount',
    'cardBrand',
    'id',
  ])('%s is not a secret key', (key) => {
    expect(isSecretKeyName(key)).toBe(NOT_SECRET);
  });

  it('createKeyMatcher combines names and patterns, with or without defaults', () => {
    const only = createKeyMatcher({
      defaults: false,
      names: ['pin'],
      patterns: [/^x-internal-/i],
    });
    expect(only('PIN')).toBe(SECRET);
    expect(only('X-Internal-Trace')).toBe(SECRET);
    expect(only('password')).toBe(NOT_SECRET);
    const both = createKeyMatcher({ defaults: true, names: ['zq'] });
    expect(both('z_q')).toBe(SECRET);
    expect(both('password')).toBe(SECRET);
    expect(both('author')).toBe(NOT_SECRET);
  });

  it('createKeyMatcher knows the shortest key it can accept', () => {
    expect(
      createKeyMatcher({ defaults: false, names: ['pin'] }).minLength,
    ).toBe(3);
    expect(
      createKeyMatcher({ defaults: false, names: ['pin', 'x-k'] }).minLength,
    ).toBe(2);
    // The built-in vocabulary's shortest word is `pw`.
    expect(createKeyMatcher({ defaults: true }).minLength).toBe(2);
    expect(createKeyMatcher({ defaults: true, names: ['q'] }).minLength).toBe(
      1,
    );
    // A pattern sees the raw key: any length.
    expect(
      createKeyMatcher({ defaults: false, names: ['pin'], patterns: [/^x$/] })
        .minLength,
    ).toBe(1);
    expect(createKeyMatcher({ defaults: false }).minLength).toBe(Infinity);
  });
});

describe('createTextScanner', () => {
  it('runs extra patterns on short text too, ignoring empty matches', () => {
    const scanner = createTextScanner({
      censor: '#',
      detectors: [],
      keyVerdict: () => 0,
      patterns: [/ab/g, /x*/g],
    });
    expect(scanner.scrub('ab')).toBe('#');
    expect(scanner.scrub('zabxxz')).toBe('z##z');
    expect(scanner.find('password=1')).toEqual([]);
  });

  it('returns the very same text when nothing matches', () => {
    const scanner = createTextScanner({
      censor: R,
      detectors: SECRET_DETECTORS,
      keyVerdict: isSecretKeyName,
    });
    const text = 'nothing to see here: all good';
    expect(scanner.scrub(text)).toBe(text);
  });
});

describe('hostile repetition (found by the leak audit)', () => {
  // Each `=` once read its value to the end of the text: 64 KB took seconds. The scan is linear now;
  // this test guards correctness on the shape (speed is the benchmark's business).
  it('scrubs a 1 MB run of `password=` into one censored value', () => {
    const text = 'password='.repeat(120_000);
    expect(scrubText(text, '[REDACTED]')).toBe('password=[REDACTED]');
    expect(findSecretsInText(text)).toEqual([
      { kind: 'credential-pair', start: 9, end: text.length },
    ]);
  });

  it('still finds a second pair after a censored value', () => {
    expect(scrubText('password= token: x', '[R]')).toBe('password= [R] [R]');
  });
});

describe('connection strings whose password holds an @', () => {
  it('censors the whole password, up to the last @ before the host', () => {
    expect(scrubText('postgres://admin:p@ss@db/x', '[R]')).toBe(
      'postgres://admin:[R]@db/x',
    );
    expect(
      scrubText('see postgres://u:pw@db:5432/app and mail a@b.c', '[R]'),
    ).toBe('see postgres://u:[R]@db:5432/app and mail a@b.c');
  });
});

describe('tokens with a known prefix, and private keys', () => {
  const gh = `ghp_${'a1B2'.repeat(9)}`;
  const stripe = `sk_live_${'9xY'.repeat(8)}`;
  const slack = 'xoxb-123456789012-abcdefABCDEF';
  const google = `AIza${'Sy0-_abc'.repeat(4)}xyz`;
  const pem =
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEow3Nza\nAAAAB3Nza==\n-----END RSA PRIVATE KEY-----';
  it.each([
    ['a GitHub token', `token ${gh} leaked`, 'token [R] leaked'],
    ['a Stripe secret key', `key ${stripe}.`, 'key [R].'],
    ['a Slack bot token', `slack ${slack}`, 'slack [R]'],
    ['a Google API key', `url?x=${google}&y=1`, 'url?x=[R]&y=1'],
    ['a PEM private key', `cert:\n${pem}\nend`, 'cert:\n[R]\nend'],
  ])('%s', (_what, text, expected) => {
    expect(scrubText(text, '[R]')).toBe(expected);
    expect(findSecretsInText(text).length).toBeGreaterThan(0);
  });

  it.each([
    'snake_case_identifier',
    'task-list-item',
    'the sk_ prefix alone',
    'ghp_short',
    'BEGIN PUBLIC KEY',
  ])('leaves %j alone', (text) => {
    expect(scrubText(text, '[R]')).toBe(text);
  });
});

describe('createTextScanner: dispatch, pattern kinds, the key length and recovery', () => {
  /** A detector that censors every occurrence of `marker` and counts the texts it was handed. */
  const markerDetector = (kind: string, marker: string) => {
    const seen: string[] = [];
    const detector = defineDetector({
      kind,
      reveals: 'secret',
      minLength: marker.length,
      markers: [marker],
      scan(text, _context, found) {
        seen.push(text);
        for (
          let i = text.indexOf(marker);
          i !== -1;
          i = text.indexOf(marker, i + 1)
        )
          found.push({ kind, start: i, end: i + marker.length });
      },
    });
    return { detector, seen };
  };

  it('hands a text only to the detectors its pre-check admits, not to those before an admitted one', () => {
    const first = markerDetector('first', 'zq#');
    const second = markerDetector('second', 'wv!');
    const scanner = createTextScanner({
      censor: '#',
      detectors: [first.detector, second.detector],
      keyVerdict: () => NOT_SECRET,
    });
    expect(scanner.scrub('a wv! b')).toBe('a # b');
    expect(first.seen).toEqual([]);
    expect(second.seen).toEqual(['a wv! b']);
  });

  it("reports a custom pattern's match as kind pattern", () => {
    const scanner = createTextScanner({
      censor: '#',
      detectors: [],
      keyVerdict: () => NOT_SECRET,
      patterns: [/ACME-[0-9]{4}/g],
    });
    expect(scanner.find('id ACME-1234 ok')).toEqual([
      { kind: 'pattern', start: 3, end: 12 },
    ]);
  });

  it('reads keys of one character when no minimum key length is given', () => {
    const scanner = createTextScanner({
      censor: R,
      detectors: SECRET_DETECTORS,
      keyVerdict: (key) => (key === 'q' ? SECRET : NOT_SECRET),
    });
    expect(scanner.scrub('q=hunter2 next')).toBe(`q=${R} next`);
    expect(scanner.scrub('x=hunter2 next')).toBe('x=hunter2 next');
  });

  it('knows the shortest text it can find anything in: 1 once there are patterns', () => {
    const make = (patterns?: RegExp[]) =>
      createTextScanner({
        censor: '#',
        detectors: [markerDetector('m', 'zq#1234').detector],
        keyVerdict: () => NOT_SECRET,
        patterns,
      });
    expect(make().minLength).toBe(7);
    expect(make([]).minLength).toBe(7);
    expect(make([/x/g]).minLength).toBe(1);
  });

  it('drops what a scan that threw left behind, for scrub and for scrubHead', () => {
    // A detector that finds a span and then throws, as a stack overflow part-way through would.
    const throwing = defineDetector({
      kind: 'throws',
      reveals: 'secret',
      minLength: 4,
      markers: ['boom'],
      scan(text, _context, found) {
        found.push({ kind: 'throws', start: 0, end: 4 });
        if (text.startsWith('boom')) throw new RangeError('overflow');
      },
    });
    const scanner = createTextScanner({
      censor: '#',
      detectors: [throwing],
      keyVerdict: () => NOT_SECRET,
    });
    expect(() => scanner.scrub('boom')).toThrow(RangeError);
    expect(scanner.scrub('nothing here')).toBe('nothing here');
    expect(() => scanner.scrubHead('boom', 10, 10)).toThrow(RangeError);
    expect(scanner.scrubHead('nothing here', 100, 100)).toBe('nothing here');
  });
});
