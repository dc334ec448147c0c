import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { redact, type RedactOptions } from 'nestjs-safe-errors';
import { seeded } from '../utils/seeded-random.js';

// Tests written for mutants that survived the rest of the suite. Every expectation is the whole output,
// so that any slip in the library changes what is compared.

const R = '[REDACTED]';

/* ------------------------------------------------------------ generators */

const random = seeded(0x5afe_e770);

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE64URL = ALNUM + '-_';
const BASE64 = ALNUM + '+/';

function chars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}

/** Random alphanumerics that hold a digit, a lowercase and an uppercase letter at fixed places. */
function mixed(length: number): string {
  return chars(ALNUM, length - 3) + '7' + 'q' + 'Z';
}

function luhnCheckDigit(payload: string): string {
  let sum = 0;
  // The check digit will be appended, so the rightmost payload digit is doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--) {
    let d = Number(payload[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 16-digit Visa-prefixed number with a valid Luhn checksum. */
function visaNumber(): string {
  const payload = '4' + chars(DIGITS, 14);
  return payload + luhnCheckDigit(payload);
}

function base64url(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function jwt(): string {
  return [
    base64url({ alg: 'HS256', typ: 'JWT' }),
    base64url({ sub: chars(DIGITS, 6) }),
    chars(BASE64URL, 43),
  ].join('.');
}

function pemBody(lines: number, width: number): string {
  return Array.from({ length: lines }, () => chars(BASE64, width)).join('\n');
}

/* ------------------------------------------------------ 1. replaceDefaults */

describe('replaceDefaults with custom keys: key=value in text still follows the keys given', () => {
  it.each<[string, RedactOptions['keys']]>([
    ['one string and one RegExp', ['pin', /^otp$/]],
    ['only strings', ['pin', 'otp']],
    ['only RegExps', [/^pin$/, /^otp$/]],
    ['two strings and one RegExp', ['pin', 'otp', /^cvn$/]],
    ['one string and two RegExps', ['pin', /^otp$/, /^cvn$/]],
  ])('with %s', (_what, keys) => {
    const options: RedactOptions = { replaceDefaults: true, keys };
    expect(redact('pin=1234 and more', options)).toBe(`pin=${R} and more`);
    expect(redact('otp: 987654, then more', options)).toBe(
      `otp: ${R}, then more`,
    );
    // The built-in vocabulary is off: its keys are left as they are.
    expect(redact('password=hunter2 pin=1234', options)).toBe(
      `password=hunter2 pin=${R}`,
    );
    expect(
      redact({ pin: '1234', otp: 5, password: 'hunter2' }, options),
    ).toEqual({ pin: R, otp: R, password: 'hunter2' });
  });

  it('without keys, replaceDefaults leaves key=value text alone', () => {
    expect(redact('pin=1234 password=hunter2', { replaceDefaults: true })).toBe(
      'pin=1234 password=hunter2',
    );
  });

  it('only the key detector comes back: the other built-in detectors stay off', () => {
    const token = jwt();
    expect(
      redact(`pin=1234 jwt ${token} card 4111111111111111`, {
        replaceDefaults: true,
        keys: ['pin', /^otp$/],
      }),
    ).toBe(`pin=${R} jwt ${token} card 4111111111111111`);
  });
});

/* --------------------------------------------------- 2. sticky / global */

describe('custom patterns with the sticky or global flag', () => {
  it('a /y pattern censors a match that is not at index 0', () => {
    expect(redact('a secret-XYZ here', { patterns: [/secret-[A-Z]+/y] })).toBe(
      `a ${R} here`,
    );
  });

  it('a /y pattern censors every match, and so does a /g one', () => {
    const text = 'a secret-XYZ and secret-ABC end';
    expect(redact(text, { patterns: [/secret-[A-Z]+/y] })).toBe(
      `a ${R} and ${R} end`,
    );
    expect(redact(text, { patterns: [/secret-[A-Z]+/g] })).toBe(
      `a ${R} and ${R} end`,
    );
  });

  it.each([
    ['sticky', /secret-[A-Z]+/y],
    ['global', /secret-[A-Z]+/g],
    ['sticky and global', /secret-[A-Z]+/gy],
  ])(
    'the caller’s %s RegExp keeps its lastIndex, and a second call gives the same result',
    (_what, pattern) => {
      pattern.lastIndex = 5;
      const options: RedactOptions = { patterns: [pattern] };
      const first = redact('a secret-XYZ here', options);
      expect(pattern.lastIndex).toBe(5);
      const second = redact('a secret-XYZ here', options);
      expect(pattern.lastIndex).toBe(5);
      expect(first).toBe(`a ${R} here`);
      expect(second).toBe(`a ${R} here`);
      // Within one call, every string is scanned from its start.
      expect(
        redact(['x secret-AB', 'y secret-CD', 'z secret-EF'], options),
      ).toEqual([`x ${R}`, `y ${R}`, `z ${R}`]);
      expect(pattern.lastIndex).toBe(5);
    },
  );

  it('keeps the pattern’s other flags', () => {
    expect(redact('a Secret-xyz here', { patterns: [/secret-[a-z]+/iy] })).toBe(
      `a ${R} here`,
    );
  });

  it('a /g or /y RegExp key matches every key, not only the first one tested', () => {
    const g = /^otp/g;
    const y = /otp/y;
    g.lastIndex = 2;
    y.lastIndex = 1;
    expect(
      redact(
        { otp: '1', otpCode: '2', otpBackup: '3', other: 4 },
        { keys: [g] },
      ),
    ).toEqual({ otp: R, otpCode: R, otpBackup: R, other: 4 });
    expect(
      redact({ myotp: '1', yourotp: '2', other: 3 }, { keys: [y] }),
    ).toEqual({ myotp: R, yourotp: R, other: 3 });
    expect(g.lastIndex).toBe(2);
    expect(y.lastIndex).toBe(1);
  });
});

/* ------------------------------------------------------ 3. toJSON in Map */

describe('toJSON of values held in a Map or Set', () => {
  it('a Map value’s toJSON result is what gets redacted', () => {
    const m = new Map([['a', { toJSON: () => ({ password: 'x', ok: 1 }) }]]);
    expect(redact({ m })).toEqual({ m: { a: { password: R, ok: 1 } } });
  });

  it('a Map value whose toJSON returns a string has that string scrubbed', () => {
    const m = new Map([
      ['a', { toJSON: () => 'login failed: password=hunter2 for ada' }],
    ]);
    expect(redact({ m })).toEqual({
      m: { a: `login failed: password=${R} for ada` },
    });
  });

  it('a Map value’s toJSON is called with the entry’s key, as JSON.stringify would', () => {
    const m = new Map([
      ['first', { toJSON: (key: string) => ({ key }) }],
      ['second', { toJSON: (key: string) => `key=${key}` }],
    ]);
    expect(redact(m)).toEqual({
      first: { key: 'first' },
      second: 'key=second',
    });
  });

  it('a Set item’s toJSON is honoured too', () => {
    const s = new Set([{ toJSON: () => ({ token: 't', ok: true }) }, 'plain']);
    expect(redact({ s })).toEqual({ s: [{ token: R, ok: true }, 'plain'] });
  });
});

/* ----------------------------------------------- 4. util.inspect output */

describe('text printed by util.inspect (single-quoted keys and values)', () => {
  it('censors quoted and unquoted keys and keeps the rest byte for byte', () => {
    const text = inspect({
      'x-api-key': 'abc123def',
      password: 'hunter2',
      user: 'ada',
    });
    expect(text).toBe(
      "{ 'x-api-key': 'abc123def', password: 'hunter2', user: 'ada' }",
    );
    expect(redact(text)).toBe(
      `{ 'x-api-key': '${R}', password: '${R}', user: 'ada' }`,
    );
  });

  it('censors an array value under a quoted key', () => {
    const text = inspect({ 'set-cookie': ['sid=abc'], user: 'ada' });
    expect(text).toBe("{ 'set-cookie': [ 'sid=abc' ], user: 'ada' }");
    expect(redact(text)).toBe(`{ 'set-cookie': ${R}, user: 'ada' }`);
  });

  it('censors keys of a nested object printed over several lines', () => {
    const text = inspect({
      user: {
        name: 'ada',
        auth: { 'api-key': 'k1abc', token: 't1xyz', 'client-secret': 's3' },
      },
      id: 7,
    });
    expect(text).toBe(
      [
        '{',
        '  user: {',
        "    name: 'ada',",
        "    auth: { 'api-key': 'k1abc', token: 't1xyz', 'client-secret': 's3' }",
        '  },',
        '  id: 7',
        '}',
      ].join('\n'),
    );
    expect(redact(text)).toBe(
      [
        '{',
        '  user: {',
        "    name: 'ada',",
        `    auth: { 'api-key': '${R}', token: '${R}', 'client-secret': '${R}' }`,
        '  },',
        '  id: 7',
        '}',
      ].join('\n'),
    );
  });

  it('censors a value printed with escaped quotes, or in double quotes, whole', () => {
    const escaped = inspect({ password: 'a\'b"c`d', user: 'ada' });
    expect(escaped).toBe(`{ password: 'a\\'b"c\`d', user: 'ada' }`);
    expect(redact(escaped)).toBe(`{ password: '${R}', user: 'ada' }`);
    const doubled = inspect({ password: "it's", user: 'ada' });
    expect(doubled).toBe(`{ password: "it's", user: 'ada' }`);
    expect(redact(doubled)).toBe(`{ password: "${R}", user: 'ada' }`);
  });

  // util.inspect prints a string holding both ' and " between backticks; once read as an empty value.
  it('censors a value that util.inspect prints between backticks', () => {
    const text = inspect({ password: `it's "quoted"`, user: 'ada' });
    expect(text).toBe(`{ password: \`it's "quoted"\`, user: 'ada' }`);
    expect(redact(text)).toBe(`{ password: \`${R}\`, user: 'ada' }`);
  });
});

/* ----------------------------------------------------------- 5. merging */

describe('overlapping and adjacent secrets', () => {
  it('a card number under a secret key is censored whole, with no digits left behind', () => {
    expect(redact('card_number: 4111 1111 1111 1111 end')).toBe(
      `card_number: ${R} end`,
    );
    expect(redact('card_number=4111-1111-1111-1111 end')).toBe(
      `card_number=${R} end`,
    );
  });

  it('a Bearer JWT under authorization= is one censored value', () => {
    const token = jwt();
    expect(redact(`authorization=Bearer ${token} next`)).toBe(
      `authorization=Bearer ${R} next`,
    );
    expect(redact(`authorization: Bearer ${token}\nnext line`)).toBe(
      `authorization: Bearer ${R}\nnext line`,
    );
  });

  it('two patterns that overlap become one censored span', () => {
    expect(redact('xxabcdefyy', { patterns: [/abcd/, /cdef/] })).toBe(
      `xx${R}yy`,
    );
    expect(redact('xxabcdefyy', { patterns: [/cdef/, /abcd/] })).toBe(
      `xx${R}yy`,
    );
    // One span inside another.
    expect(redact('xxabcdefyy', { patterns: [/abcdef/, /cd/] })).toBe(
      `xx${R}yy`,
    );
  });

  it('adjacent secrets are each censored and what lies between is kept', () => {
    expect(redact('password=a1&token=b2&page=3')).toBe(
      `password=${R}&token=${R}&page=3`,
    );
    const aws = 'AKIA' + chars(UPPER + DIGITS, 16);
    const card = visaNumber();
    expect(redact(`${aws} ${card}`)).toBe(`${R} ${R}`);
    // Spans that touch, without overlapping, each keep their own censor.
    expect(redact('xabcdefx', { patterns: [/abc/, /def/] })).toBe(`x${R}${R}x`);
  });
});

/* ----------------------------------------------------- 6. token families */

// Plain prose with none of the markers the detectors look for (no digits, `_`, `:`, `=`, `@`, capitals).
const PROSE_BEFORE =
  'the nightly export finished after a long wait, and the operator wrote a short note about it in the ' +
  'shared journal, so that whoever reads the journal next week knows why the numbers in the report look ' +
  'a little different from the ones people are used to seeing, and why nobody needs to worry about it. ' +
  'the note was reviewed by two people before it went out. ';
const PROSE_AFTER =
  ' was what the message said, and nothing else was printed after it, not even a newline or a hint ' +
  'about which job had produced it, which made the whole thing harder to follow than it should have ' +
  'been, so the team agreed to add more context to messages like this one in the future, and to keep ' +
  'every line readable without any secret in it at all, as they always try to do.';

interface Family {
  readonly name: string;
  /** The secret as it appears in text. */
  readonly secret: string;
  /** What the text holds instead. */
  readonly censored: string;
}

function family(name: string, secret: string, censored = R): Family {
  return { name, secret, censored };
}

function families(short: boolean): Family[] {
  const bearer = mixed(32);
  const basic = Buffer.from(`ada:${mixed(12)}`).toString('base64');
  const password = mixed(14);
  const pemLines = short ? pemBody(1, 24) : pemBody(6, 64);
  return [
    ...['ghp', 'gho', 'ghu', 'ghs', 'ghr'].map((p) =>
      family(`GitHub ${p}_`, `${p}_${mixed(36)}`),
    ),
    family('GitHub github_pat_', `github_pat_${mixed(22)}_${mixed(59)}`),
    family('GitHub github_pat_ (short form)', `github_pat_${mixed(22)}`),
    family('Stripe sk_live_', `sk_live_${mixed(24)}`),
    family('Stripe sk_test_', `sk_test_${mixed(24)}`),
    family('Stripe rk_live_', `rk_live_${mixed(24)}`),
    family('Stripe rk_test_', `rk_test_${mixed(24)}`),
    family(
      'Slack xoxb-',
      `xoxb-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${mixed(24)}`,
    ),
    family(
      'Slack xoxp-',
      `xoxp-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${mixed(24)}`,
    ),
    family('Google AIza', `AIza${mixed(35)}`),
    family('AWS AKIA', `AKIA${chars(UPPER + DIGITS, 15)}7`),
    family('AWS ASIA', `ASIA${chars(UPPER + DIGITS, 15)}7`),
    family('bare JWT', jwt()),
    family('Bearer token', `Bearer ${bearer}`, `Bearer ${R}`),
    family('bearer token (lowercase)', `bearer ${bearer}`, `bearer ${R}`),
    family('BEARER token (uppercase)', `BEARER ${bearer}`, `BEARER ${R}`),
    family('Basic credentials', `Basic ${basic}`, `Basic ${R}`),
    family('basic credentials (lowercase)', `basic ${basic}`, `basic ${R}`),
    family('BASIC credentials (uppercase)', `BASIC ${basic}`, `BASIC ${R}`),
    family(
      'connection string',
      `postgres://app:${password}@db.internal:5432/app`,
      `postgres://app:${R}@db.internal:5432/app`,
    ),
    family('Luhn-valid card number', visaNumber()),
    family(
      'Luhn-valid card number, grouped',
      visaNumber().replace(/(\d{4})(?!$)/g, '$1 '),
    ),
    family(
      'PEM private key',
      `-----BEGIN PRIVATE KEY-----\n${pemLines}\n-----END PRIVATE KEY-----`,
    ),
    family(
      'PEM RSA private key',
      `-----BEGIN RSA PRIVATE KEY-----\n${pemLines}\n-----END RSA PRIVATE KEY-----`,
    ),
  ];
}

describe('each token family, in short text and in long text', () => {
  const shortCases = families(true);
  const longCases = families(false);

  it.each(shortCases.map((f) => [f.name, f] as const))(
    '%s in a short string (< 128 characters)',
    (_name, { secret, censored }) => {
      const text = `saw ${secret} here`;
      expect(text.length).toBeLessThan(128);
      expect(redact(text)).toBe(`saw ${censored} here`);
    },
  );

  it.each(longCases.map((f) => [f.name, f] as const))(
    '%s padded into 300+ characters of prose on both sides',
    (_name, { secret, censored }) => {
      expect(PROSE_BEFORE.length).toBeGreaterThan(300);
      expect(PROSE_AFTER.length).toBeGreaterThan(300);
      const text = `${PROSE_BEFORE}${secret}${PROSE_AFTER}`;
      expect(redact(text)).toBe(`${PROSE_BEFORE}${censored}${PROSE_AFTER}`);
    },
  );

  it('the prose alone is left exactly as it is', () => {
    const text = PROSE_BEFORE + PROSE_AFTER;
    expect(redact(text)).toBe(text);
  });

  it('every family at once, in one long text, each in its place', () => {
    const text = longCases.map((f) => f.secret).join(' and then ');
    expect(redact(`${PROSE_BEFORE}${text}${PROSE_AFTER}`)).toBe(
      `${PROSE_BEFORE}${longCases.map((f) => f.censored).join(' and then ')}${PROSE_AFTER}`,
    );
  });
});

describe('Error fields: which own fields are copied, and in what order', () => {
  it('own enumerable name and cause do not count against maxObjectKeys; cause still comes last', () => {
    const err = new Error('charge declined');
    err.name = 'PaymentError';
    (err as Error & { cause: unknown }).cause = 'gateway said no';
    Object.assign(err, { code: 'E_PAY', attempt: 2 });
    const out = redact(err, { maxObjectKeys: 2 }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'name',
      'message',
      'stack',
      'code',
      'attempt',
      'cause',
    ]);
    expect(out).toStrictEqual({
      name: 'PaymentError',
      message: 'charge declined',
      stack: err.stack,
      code: 'E_PAY',
      attempt: 2,
      cause: 'gateway said no',
    });
  });

  it('own fields past maxObjectKeys become one marker with their count, before the cause', () => {
    const err = new Error('lookup failed', { cause: 'index missing' });
    Object.assign(err, { table: 'orders', shard: 3, region: 'eu-2' });
    const out = redact(err, { maxObjectKeys: 1 }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'name',
      'message',
      'stack',
      'table',
      '…',
      'cause',
    ]);
    expect(out).toStrictEqual({
      name: 'Error',
      message: 'lookup failed',
      stack: err.stack,
      table: 'orders',
      '…': '[… 2 more keys]',
      cause: 'index missing',
    });
  });

  it('an Error without a cause or errors gets neither key, not even as undefined', () => {
    const err = new TypeError('bad input');
    Object.assign(err, { field: 'email' });
    const out = redact(err) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['name', 'message', 'stack', 'field']);
    expect('cause' in out).toBe(false);
    expect('errors' in out).toBe(false);
  });

  it('an own enumerable errors field is read once: it costs maxNodes once, so the cause still fits', () => {
    const err = new AggregateError([], 'several', { cause: 'root' });
    Object.defineProperty(err, 'errors', {
      value: ['only one'],
      enumerable: true,
    });
    // name, message, stack, errors and its item, then the cause: six values.
    expect(redact(err, { maxNodes: 6 })).toStrictEqual({
      name: 'AggregateError',
      message: 'several',
      stack: err.stack,
      errors: ['only one'],
      cause: 'root',
    });
  });

  it('an AggregateError whose errors is an own enumerable field copies it once, in field order', () => {
    const err = new AggregateError(['first failure'], 'several');
    Object.defineProperty(err, 'errors', {
      value: ['first failure', 'secret=hunter2x'],
      enumerable: true,
    });
    Object.assign(err, { batch: 7 });
    const out = redact(err) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'name',
      'message',
      'stack',
      'errors',
      'batch',
    ]);
    expect(out.errors).toStrictEqual(['first failure', `secret=${R}`]);
  });
});

describe('an error thrown while a container is read: [Unreadable], unless it is a stack overflow', () => {
  /** An object whose own keys cannot be listed: `ownKeys` throws `thrown`. */
  function unlistable(thrown: unknown): object {
    return new Proxy(
      {},
      {
        ownKeys(): never {
          throw thrown;
        },
      },
    );
  }

  it('a RangeError of another kind is [Unreadable], not [MaxDepth]', () => {
    expect(
      redact({ a: unlistable(new RangeError('Invalid array length')), b: 1 }),
    ).toStrictEqual({ a: '[Unreadable]', b: 1 });
  });

  it("a plain Error that says 'Maximum call stack size exceeded' is [Unreadable] too", () => {
    expect(
      redact({
        a: unlistable(new Error('Maximum call stack size exceeded')),
        b: 1,
      }),
    ).toStrictEqual({ a: '[Unreadable]', b: 1 });
  });

  it('a RangeError that says so is a depth limit: [MaxDepth]', () => {
    expect(
      redact({
        a: unlistable(new RangeError('Maximum call stack size exceeded')),
        b: 1,
      }),
    ).toStrictEqual({ a: '[MaxDepth]', b: 1 });
  });
});

describe('the walk: budgets, unreadable items and keys, toJSON on arrays, errors of other realms', () => {
  it('a censored header value costs one value of maxNodes, a censored entry three', () => {
    expect(
      redact(['Authorization', 'a1b2', 'Cookie', 'c3d4', 'Host', 'h.test'], {
        maxNodes: 3,
      }),
    ).toStrictEqual(['Authorization', R, 'Cookie', '[… record too large]']);
    expect(
      redact(
        [
          ['password', 'p1x'],
          ['token', 't1x'],
          ['user', 'ada'],
        ],
        { maxNodes: 4 },
      ),
    ).toStrictEqual([['password', R], ['token', R], '[… record too large]']);
  });

  it('an array item whose getter throws is [Unreadable] and costs one value', () => {
    const throwing = (): unknown[] => {
      const arr: unknown[] = ['', 'second', 'third'];
      Object.defineProperty(arr, 0, {
        get(): never {
          throw new Error('no index 0');
        },
      });
      return arr;
    };
    expect(redact(throwing())).toStrictEqual([
      '[Unreadable]',
      'second',
      'third',
    ]);
    expect(redact(throwing(), { maxNodes: 2 })).toStrictEqual([
      '[Unreadable]',
      'second',
      '[… record too large]',
    ]);
  });

  it('a Map key that String() cannot convert is [Unreadable]; the rest of the Map is copied', () => {
    const noString = Object.create(null) as object;
    expect(
      redact(
        new Map<unknown, unknown>([
          [noString, 'kept'],
          ['b', 2],
        ]),
      ),
    ).toStrictEqual({ '[Unreadable]': 'kept', b: 2 });
  });

  it('a Map key counts against maxTotalStringLength', () => {
    expect(
      redact(
        new Map([
          ['k'.repeat(10), 'v1'],
          ['b', 'v2'],
        ]),
        { maxTotalStringLength: 10 },
      ),
    ).toStrictEqual({
      ['k'.repeat(10)]: '…[truncated 2 chars]',
      '…': '[… record too large]',
    });
  });

  it('a key longer than what is left of maxTotalStringLength leaves nothing of its value', () => {
    expect(
      redact({ ['k'.repeat(12)]: 'value' }, { maxTotalStringLength: 10 }),
    ).toStrictEqual({ ['k'.repeat(12)]: '…[truncated 5 chars]' });
  });

  it('a censored driver row field of an Error costs one value of maxNodes', () => {
    const err = new Error('insert failed');
    Object.assign(err, { parameters: ['ada@example.test'], table: 'users' });
    expect(redact(err, { maxNodes: 4 })).toStrictEqual({
      name: 'Error',
      message: 'insert failed',
      stack: err.stack,
      parameters: R,
      '…': '[… record too large]',
    });
  });

  it('when the budget runs out before the cause, the cause is left out with the marker', () => {
    const err = new Error('outer', { cause: 'inner' });
    expect(redact(err, { maxNodes: 3 })).toStrictEqual({
      name: 'Error',
      message: 'outer',
      stack: err.stack,
      '…': '[… record too large]',
    });
  });

  it('an Error from another realm (vm) is copied as an Error', () => {
    const err = runInNewContext('new TypeError("from the sandbox")') as Error;
    expect(err instanceof Error).toBe(false);
    expect(redact(err)).toStrictEqual({
      name: 'TypeError',
      message: 'from the sandbox',
      stack: err.stack,
    });
  });

  it("an array's own toJSON is used, like JSON.stringify does", () => {
    const arr = Object.assign(['password=hunter2'], {
      toJSON: (): string => 'as json: token=abc123',
    });
    expect(redact({ list: arr })).toStrictEqual({
      list: `as json: token=${R}`,
    });
  });

  it('an array returned by toJSON is copied as it is: its own toJSON is not called', () => {
    const inner = Object.assign(['first', 'second'], {
      toJSON: (): string => 'must not be called',
    });
    expect(redact({ v: { toJSON: (): unknown => inner } })).toStrictEqual({
      v: ['first', 'second'],
    });
  });

  it('a value whose thrown error cannot even be inspected is [Unreadable], not undefined', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const unlistable = new Proxy(
      {},
      {
        ownKeys(): never {
          throw proxy;
        },
      },
    );
    expect(redact(unlistable)).toBe('[Unreadable]');
  });
});

describe('command-line flags: a tab is a blank between a flag and its value, a line break is not', () => {
  it.each([
    ['run --password\thunter2x now', `run --password\t${R} now`],
    ['run --password \t hunter2x now', `run --password \t ${R} now`],
    ['mysql -u\troot -pS3cr3tx db', `mysql -u\troot -p${R} db`],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'run --password\nhunter2x now',
    'run --password\u000bhunter2x now',
    'run --password\fhunter2x now',
  ])('%j is left as it is', (input) => {
    expect(redact(input)).toBe(input);
  });
});
