import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';

const R = '[REDACTED]';
// A generated opaque credential: 32 characters, both cases and digits, as most vendors issue them.
const CREDENTIAL = 'q7Wm2Xz9Kp4Lr8Tn1Vb6Hc3Jd5Fg0Sa2';

// Config keys that name secrets, as people write them: each censors a readable value too.
const SECRET_KEYS = [
  'stripeKey',
  'sendgridKey',
  'accessKey',
  'signingKey',
  'accountKey',
  'encryptionKey',
  'masterKey',
  'dsn',
  'SENTRY_DSN',
  'connectionString',
  'databaseUrl',
  'DATABASE_URL',
  'webhookUrl',
  'credentials',
  'pass',
  'pw',
  'pin',
  'otp',
  'jwt',
  'tokens',
  'tokenValue',
  'access_key_id',
  'AWS_SECRET_ACCESS_KEY',
  'resetPassword',
  'passwordHash',
  'password2',
  'clientSecretValue',
  'xapi_key',
  'APIKey',
  'oauth2Token',
  'private_key_pem',
  'passwords',
  'apiKeys',
  'password_new',
  'passwordList',
  'MY_DB_PW',
  // Edges of the word rules.
  'connection_string_value',
  'databaseUrlValue2',
  'cc_number',
  'stripe_key',
  'token_2',
  '2_token',
  'a_b_c_pw',
  'a1_b_pw',
  'dbpassword',
  'token_value_2',
  'api_key_value',
  'secret_',
  '_secret',
  // A trailing number of any digit is dropped: 0 and 9 too.
  'password_0',
  'password_9',
  // Few short parts, in one case or in both without a digit: a name, not a random id.
  'S3_DB_PW',
  'My_Db_Pw',
];

// Broad words: a credential-shaped value is censored, a readable one stays.
const GUARDED_KEYS = [
  'signature',
  'sig',
  'auth',
  'code',
  'session',
  'key',
  'cacheKey',
  'licenseNumberKey',
  'key_1',
  'key2',
];

const READABLE: readonly (readonly [string, unknown])[] = [
  ['cacheKey', 'user:42:orders'],
  ['primaryKey', 'id'],
  ['sortKey', 'createdAt'],
  ['partitionKey', 'tenant-7'],
  ['idempotencyKey', 'order-2026-12-01-0042'],
  ['tokenType', 'Bearer'],
  ['tokensUsed', 1234],
  ['code', 'ERR_INVALID_ARG_TYPE'],
  ['code', '/usr/lib/python3/dist-packages/app/views.py'],
  ['signature', 'SHA256withRSA'],
  ['session', 'expired'],
  ['auth', 'jwt'],
  ['secretaryName', 'Ada Lovelace'],
  ['passwordResetRequired', true],
  ['passwordPolicy', 'min 12 characters'],
  ['isSecret', false],
  ['hasPassword', true],
  ['tokenizer', 'cl100k'],
  ['passage', 'Call me Ishmael.'],
  ['author', 'bob'],
  ['authorId', 42],
  ['keyboard', 'dvorak'],
  ['compass', 'north'],
  ['bypass', 'cache'],
  // A word that only ends like a short sequence's first word, predicates, ids that split into scraps.
  ['acc_number', 'ACC-42'],
  ['is_password', 'yes'],
  ['isPassword', 'yes'],
  ['value', 'plain'],
  ['x_api', 'v2'],
  ['BcqZs5hQrOJ9qMYHLPw', 'ok'],
  ['a_b_c_d_pw', 'ok'],
  ['A_B_C_D_PW', 'ok'],
  ['aB1_c_d_pw', 'ok'],
  // Both cases and a digit, three short parts: a random id that happens to end in pw.
  ['Tq8Pw', 'ok'],
  // A vendor's name before a word other than key names no secret.
  ['stripeCustomer', 'cus_42'],
  ['sentry_project', 'web'],
];

// Keys that only start like a broad word are not one: even a credential-shaped value stays.
const NOT_BROAD: readonly string[] = ['keyboard', 'keynote', 'keystrokes'];

describe('keys: natural config keys censor their value', () => {
  it.each(SECRET_KEYS)('%s', (key) => {
    expect(redact({ [key]: 'hunter2', keep: 'x' })).toEqual({
      [key]: R,
      keep: 'x',
    });
    expect(redact(`${key}=hunter2 next`)).toBe(`${key}=${R} next`);
    expect(redact(`{"${key}":"hunter2","n":1}`)).toBe(
      `{"${key}":"${R}","n":1}`,
    );
  });
});

describe('keys: broad words censor credential-shaped values only', () => {
  it.each(GUARDED_KEYS)('%s', (key) => {
    expect(redact({ [key]: CREDENTIAL })).toEqual({ [key]: R });
    expect(redact(`${key}=${CREDENTIAL} next`)).toBe(`${key}=${R} next`);
    expect(redact({ [key]: 'order-42' })).toEqual({ [key]: 'order-42' });
    expect(redact(`${key}=order-42 next`)).toBe(`${key}=order-42 next`);
  });
});

describe('keys: readable keys and values stay readable', () => {
  it.each(READABLE)('%s', (key, value) => {
    expect(redact({ [key]: value })).toEqual({ [key]: value });
    const text = `${key}=${String(value)}`;
    expect(redact(text)).toBe(text);
  });
});

describe('keys: a word that starts with key is not a key', () => {
  it.each(NOT_BROAD)('%s', (key) => {
    expect(redact({ [key]: CREDENTIAL })).toEqual({ [key]: CREDENTIAL });
    expect(redact(`${key}=${CREDENTIAL} next`)).toBe(
      `${key}=${CREDENTIAL} next`,
    );
  });
});

describe('keys: lookalikes and invisibles fold to the key they show', () => {
  it.each([
    ['Cyrillic а', 'p\u0430ssword'],
    ['Greek ο', 't\u03bfken'],
    ['fullwidth letters', '\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44'],
    ['zero-width space', 'pass\u200bword'],
    ['zero-width joiner', 'sec\u200dret'],
    ['soft hyphen', 'api\u00adkey'],
    ['combining mark', 'pa\u0301ssword'],
  ])('%s', (_what, key) => {
    expect(redact({ [key]: 'hunter2' })).toEqual({ [key]: R });
    expect(redact(`${key}=hunter2 ok`)).toBe(`${key}=${R} ok`);
  });
});

describe('header lists: flat rawHeaders and entry arrays', () => {
  it("censors a value after a secret name in Node's req.rawHeaders", () => {
    const rawHeaders = [
      'Host',
      'api.example.org',
      'Cookie',
      'session=s%3Aabc.def',
      'Authorization',
      'Bearer abc.def-123',
      'X-Api-Key',
      'k3y',
      'Accept',
      'application/json',
    ];
    expect(redact({ rawHeaders })).toEqual({
      rawHeaders: [
        'Host',
        'api.example.org',
        'Cookie',
        R,
        'Authorization',
        R,
        'X-Api-Key',
        R,
        'Accept',
        'application/json',
      ],
    });
  });

  it('censors the value of a secret-named entry: [...headers.entries()], Object.entries()', () => {
    const headers = new Headers({ cookie: 'sid=abc', accept: 'text/html' });
    expect(redact([...headers.entries()])).toEqual([
      ['accept', 'text/html'],
      ['cookie', R],
    ]);
    expect(
      redact(Object.entries({ password: 'hunter2', user: 'ada' })),
    ).toEqual([
      ['password', R],
      ['user', 'ada'],
    ]);
  });

  it('an entry array of one entry is an entry array', () => {
    expect(redact([['password', 'hunter2']])).toEqual([['password', R]]);
  });

  it('leaves a list of words alone, even one that names secret fields', () => {
    const list = ['password', 'email', 'token', 'name'];
    expect(redact({ missing: list })).toEqual({ missing: list });
  });

  it('two items, a common header name in any case then its value, are a header list', () => {
    expect(redact(['AUTHORIZATION', 'opaque-v4lue'])).toStrictEqual([
      'AUTHORIZATION',
      R,
    ]);
    expect(redact(['Cookie', 'plain'])).toStrictEqual(['Cookie', R]);
  });

  it('each value is judged by the name just before it', () => {
    expect(
      redact(['Authorization', 'opaque-v4lue', 'Host', 'h.example.test']),
    ).toStrictEqual(['Authorization', R, 'Host', 'h.example.test']);
  });

  it('is not a header list: an odd count, a name that is not a header token, a name that is not a string', () => {
    const odd = ['Host', 'h.example.test', 'X-Api-Key', 'k3y', 'Accept'];
    expect(redact(odd)).toStrictEqual(odd);
    const spaced = ['Host', 'h.example.test', 'Api Key', 'k3y'];
    expect(redact(spaced)).toStrictEqual(spaced);
    const numbered = ['Host', 'h.example.test', 42, 'k3y', 'X-Api-Key', 'k4y'];
    expect(redact(numbered)).toStrictEqual(numbered);
  });

  it('only the items kept by maxArrayLength decide the shape', () => {
    expect(
      redact(['Authorization', 'a1b2', 'Host', 'h.test', 'not a header'], {
        maxArrayLength: 4,
      }),
    ).toStrictEqual(['Authorization', R, 'Host', 'h.test', '[… 1 more items]']);
    expect(
      redact([['password', 'p1x'], ['token', 't1x'], 'loose'], {
        maxArrayLength: 2,
      }),
    ).toStrictEqual([['password', R], ['token', R], '[… 1 more items]']);
  });

  it('is not an entry array: an entry of three items, a non-string name, a loose item', () => {
    const triple = [
      ['password', 'hunter2'],
      ['user', 'ada', 'extra'],
    ];
    expect(redact(triple)).toStrictEqual(triple);
    const numbered = [
      ['password', 'hunter2'],
      [7, 'x'],
    ];
    expect(redact(numbered)).toStrictEqual(numbered);
    const loose = [['password', 'hunter2'], 'loose'];
    expect(redact(loose)).toStrictEqual(loose);
  });
});
