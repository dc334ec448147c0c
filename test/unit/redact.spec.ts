import {
  createRedactor,
  redact,
  type RedactOptions,
} from '../../lib/redaction/redact.js';
import { hostileProxy } from '../utils/hostile-values.js';
import {
  DEFAULT_CENSOR,
  DEFAULT_MAX_ARRAY_LENGTH,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_STRING_LENGTH,
} from '../../lib/redaction/redact.constants.js';

const R = DEFAULT_CENSOR;
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

type Json = Record<string, unknown>;

/** Follows `key` `times` levels down. */
function descend(value: unknown, key: string, times: number): unknown {
  let at = value;
  for (let i = 0; i < times; i++) at = (at as Json)[key];
  return at;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Json)[key]);
  }
  return value;
}

describe('redact: keys censored by default', () => {
  it.each([
    'password',
    'Password',
    'PASSWORD',
    'passwd',
    'pwd',
    'passphrase',
    'secret',
    'client_secret',
    'clientSecret',
    'api_key',
    'apiKey',
    'API-KEY',
    'x-api-key',
    'X-Api-Key',
    'authorization',
    'Authorization',
    'proxy-authorization',
    'cookie',
    'Cookie',
    'set-cookie',
    'token',
    'access_token',
    'accessToken',
    'refreshToken',
    'refresh_token',
    'id_token',
    'auth_token',
    'x-auth-token',
    'sessionId',
    'session_id',
    'sid',
    'connect.sid',
    'jsessionid',
    'csrf',
    '_csrf',
    'csrfToken',
    'x-csrf-token',
    'X-XSRF-TOKEN',
    'cvv',
    'cvc',
    'cvv2',
    'cardCvv',
    'cardNumber',
    'card_number',
    'ccnumber',
    'cc_number',
    'private_key',
    'privateKey',
    'rsaPrivateKey',
    'ssn',
    'dbPassword',
    'password_confirmation',
    'newPassword',
    'stripeSecretKey',
    'aws_secret_access_key',
    'githubToken',
    'stripeApiKey',
    'accessKeyId',
  ])('%s', (key) => {
    expect(redact({ [key]: 'v4lue', keep: 'x' })).toEqual({
      [key]: R,
      keep: 'x',
    });
  });

  it.each([
    ['object', { nested: { a: 1 } }],
    ['array', ['a', 'b']],
    ['number', 1234],
    ['null', null],
    ['boolean', false],
    ['Map', new Map([['a', 1]])],
  ])('censors a %s value whole', (_name, value) => {
    expect(redact({ password: value })).toEqual({ password: R });
  });

  it('censors at any depth, in arrays and in Maps', () => {
    const input = {
      a: { b: [{ c: { token: 't', ok: 1 } }] },
      m: new Map<unknown, unknown>([
        ['apiKey', 'k'],
        ['inner', new Map([['Password', 'p']])],
      ]),
      list: [{ secret: 's' }, 'plain'],
    };
    expect(redact(input)).toEqual({
      a: { b: [{ c: { token: R, ok: 1 } }] },
      m: { apiKey: R, inner: { Password: R } },
      list: [{ secret: R }, 'plain'],
    });
  });

  it('does not call a getter under a secret key', () => {
    const get = vi.fn(() => 'x');
    const input = Object.defineProperty({}, 'password', {
      get,
      enumerable: true,
    });
    expect(redact(input)).toEqual({ password: R });
    expect(get).not.toHaveBeenCalled();
  });
});

describe('redact: keys left alone', () => {
  it.each([
    'author',
    'authorId',
    'authorName',
    'auth_method',
    'status',
    'total',
    'tokenType',
    'tokens_used', // an LLM usage counter, not a credential
    'tokenCount',
    'tokenizer',
    'id',
    'orderId',
    'cardBrand',
    'cardLast4',
    'cardholderName',
    'cardNumberLast4',
    'sessionCount',
    'session',
    'key',
    'keyId',
    'passage',
    'email',
    'username',
    'accountNumber',
    'accNumber',
    'pan',
  ])('%s', (key) => {
    expect(redact({ [key]: 'value-1' })).toEqual({ [key]: 'value-1' });
  });
});

describe('redact: free-text secrets in strings', () => {
  it.each([
    ['login failed password=hunter2', `login failed password=${R}`],
    ['?a=1&password=x&b=2', `?a=1&password=${R}&b=2`],
    [
      'GET /cb?code=1&access_token=abc123&state=x',
      `GET /cb?code=${R}&access_token=${R}&state=x`,
    ],
    ['token=abc&x=1', `token=${R}&x=1`],
    ['api_key: AbC123', `api_key: ${R}`],
    ['secret = topsecret', `secret = ${R}`],
    ['client_secret=s3cr3t; path=/', `client_secret=${R}; path=/`],
    ['{"password":"hunter2","user":"bob"}', `{"password":"${R}","user":"bob"}`],
    ['{"token": "abc", "n": 1}', `{"token": "${R}", "n": 1}`],
    [
      "{ password: 'hunter2', user: 'bob' }",
      `{ password: '${R}', user: 'bob' }`,
    ],
    ['postgres://admin:s3cret@db:5432/x', `postgres://admin:${R}@db:5432/x`],
    ['redis://:hunter2@cache:6379', `redis://:${R}@cache:6379`],
    ['Authorization: Bearer abc.def-ghi', `Authorization: Bearer ${R}`],
    ['authorization: Basic dXNlcjpwYXNz', `authorization: Basic ${R}`],
    ['sent Bearer 0123456789abcdef to api', `sent Bearer ${R} to api`],
    ['Cookie: sid=abc; theme=dark', `Cookie: ${R}`],
    [`jwt ${JWT}`, `jwt ${R}`],
    ['paid with 4111 1111 1111 1111 today', `paid with ${R} today`],
    ['card 4111-1111-1111-1111', `card ${R}`],
    ['amex 378282246310005', `amex ${R}`],
    ['key AKIAIOSFODNN7EXAMPLE used', `key ${R} used`],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
    expect(redact({ deep: [{ deeper: input }] })).toEqual({
      deep: [{ deeper: expected }],
    });
  });

  it.each([
    '1732233600000',
    'created at 1732233600000',
    '550e8400-e29b-41d4-a716-446655440000',
    'order 4111111111111112',
    'order 1234567890123456',
    'The payment was declined: insufficient funds.',
    'Tokens and secrets are rotated nightly',
    'author=bob',
    'status=paid',
    'tokens_used=42',
    'https://example.com/orders?page=2&sort=asc',
    'https://example.com:8443/a@b',
    '2024-11-22T10:00:00.000Z',
    '2024-11-22',
    'Basic authentication is required',
    'user@example.com',
  ])('leaves %j untouched', (input) => {
    expect(redact(input)).toBe(input);
    expect(redact({ note: input })).toEqual({ note: input });
  });

  it('scrubs Error messages, stacks and cause chains', () => {
    const cause = new TypeError('db down postgres://app:pw1@db/x');
    const err = new Error('login failed password=hunter2', { cause });
    const out = redact(err) as Json;
    expect(out.message).toBe(`login failed password=${R}`);
    expect(out.stack).toBe(err.stack?.replace('hunter2', R));
    expect(out.stack).not.toContain('hunter2');
    const outCause = out.cause as Json;
    expect(outCause).toEqual({
      name: 'TypeError',
      message: `db down postgres://app:${R}@db/x`,
      stack: cause.stack?.replace('pw1', R),
    });
  });

  it('scrubs URL and header strings in request-like objects', () => {
    const input = {
      url: '/login?user=bob&password=hunter2',
      headers: {
        authorization: 'Bearer abc',
        'x-request-id': 'r-1',
        'user-agent': 'curl/8',
      },
      rawHeaders: ['Authorization', 'Bearer abc123def', 'Cookie', 'sid=1'],
      href: new URL('https://u:pw@example.com/cb?token=abc&x=1'),
    };
    expect(redact(input)).toEqual({
      url: `/login?user=bob&password=${R}`,
      headers: {
        authorization: R,
        'x-request-id': 'r-1',
        'user-agent': 'curl/8',
      },
      // A header list: the value after a secret header name goes whole, as under `headers`.
      rawHeaders: ['Authorization', R, 'Cookie', R],
      href: `https://u:${R}@example.com/cb?token=${R}&x=1`,
    });
  });

  it('censors numbers shaped like card numbers, not timestamps', () => {
    expect(
      redact({ n: 4111111111111111, ts: 1732233600000, small: 42 }),
    ).toEqual({
      n: R,
      ts: 1732233600000,
      small: 42,
    });
  });
});

describe('redact: robustness', () => {
  it('marks circular references', () => {
    const a: Json = { name: 'a' };
    a.self = a;
    const b: Json = { a };
    a.b = b;
    const list: unknown[] = [1];
    list.push(list);
    expect(redact(a)).toEqual({
      name: 'a',
      self: '[Circular]',
      b: { a: '[Circular]' },
    });
    expect(redact(list)).toEqual([1, '[Circular]']);
  });

  it('marks circular Maps, Sets and Error causes', () => {
    const m = new Map<string, unknown>();
    m.set('me', m);
    const s = new Set<unknown>();
    s.add(s);
    const err = new Error('loop');
    err.cause = err;
    expect(redact(m)).toEqual({ me: '[Circular]' });
    expect(redact(s)).toEqual(['[Circular]']);
    expect((redact(err) as Json).cause).toBe('[Circular]');
  });

  it('copies a repeated, non-circular reference each time', () => {
    const shared = { x: 1 };
    expect(redact({ a: shared, b: shared, c: [shared, shared] })).toEqual({
      a: { x: 1 },
      b: { x: 1 },
      c: [{ x: 1 }, { x: 1 }],
    });
  });

  it('caps a 20,000-level object chain at maxDepth', () => {
    let chain: Json = { leaf: true };
    for (let i = 0; i < 20_000; i++) chain = { next: chain };
    const out = redact(chain);
    expect(descend(out, 'next', DEFAULT_MAX_DEPTH - 1)).toEqual({
      next: '[MaxDepth]',
    });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('caps a 20,000-level Error cause chain at maxDepth', () => {
    let err = new Error('leaf');
    for (let i = 0; i < 20_000; i++)
      err = new Error(`level ${i}`, { cause: err });
    const out = redact(err);
    const last = descend(out, 'cause', DEFAULT_MAX_DEPTH - 1) as Json;
    expect(last.message).toBe(`level ${20_000 - DEFAULT_MAX_DEPTH}`);
    expect(last.cause).toBe('[MaxDepth]');
  });

  it('never overflows the stack, even with a huge maxDepth', () => {
    let chain: Json = { leaf: true };
    for (let i = 0; i < 20_000; i++) chain = { next: chain };
    const out = redact(chain, { maxDepth: 1_000_000 });
    expect(() => JSON.stringify(out)).not.toThrow();
    let last = out;
    while (typeof last === 'object' && last !== null)
      last = (last as Json).next;
    expect(last).toBe('[MaxDepth]');
  });

  it('keeps maxArrayLength items of a huge array, then a marker', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => i);
    const out = redact(big) as unknown[];
    expect(out).toHaveLength(DEFAULT_MAX_ARRAY_LENGTH + 1);
    expect(out.slice(0, 3)).toEqual([0, 1, 2]);
    expect(out[DEFAULT_MAX_ARRAY_LENGTH - 1]).toBe(
      DEFAULT_MAX_ARRAY_LENGTH - 1,
    );
    expect(out[DEFAULT_MAX_ARRAY_LENGTH]).toBe('[… 9000 more items]');
  });

  it('does not walk a huge sparse array', () => {
    const sparse: unknown[] = [];
    sparse.length = 4_000_000_000;
    const out = redact(sparse) as unknown[];
    expect(out).toHaveLength(DEFAULT_MAX_ARRAY_LENGTH + 1);
    expect(out[0]).toBeNull();
    expect(out.at(-1)).toBe(
      `[… ${4_000_000_000 - DEFAULT_MAX_ARRAY_LENGTH} more items]`,
    );
  });

  it('caps Sets and Maps like arrays', () => {
    const set = new Set(Array.from({ length: 1500 }, (_, i) => i));
    const outSet = redact(set) as unknown[];
    expect(outSet).toHaveLength(1001);
    expect(outSet[1000]).toBe('[… 500 more items]');
    const map = new Map(
      Array.from({ length: 1001 }, (_, i) => [`k${i}`, i] as const),
    );
    const outMap = redact(map) as Json;
    expect(Object.keys(outMap)).toHaveLength(1001);
    expect(outMap.k999).toBe(999);
    expect(outMap['…']).toBe('[… 1 more entries]');
  });

  it('cuts a huge string with a marker', () => {
    const s = 'a'.repeat(DEFAULT_MAX_STRING_LENGTH + 12_345);
    expect(redact(s)).toBe(
      `${'a'.repeat(DEFAULT_MAX_STRING_LENGTH)}…[truncated 12345 chars]`,
    );
  });

  it('recognises a secret that straddles the cut', () => {
    const head = `${'a'.repeat(DEFAULT_MAX_STRING_LENGTH - 23)} `;
    const s = `${head}${JWT} tail`;
    expect(redact(s)).toBe(
      `${head}${R} tail…[truncated ${s.length - DEFAULT_MAX_STRING_LENGTH} chars]`,
    );
  });

  it('turns throwing getters into [Unreadable]', () => {
    const input = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('nope');
      },
    });
    expect(redact(input)).toEqual({ ok: 1, bad: '[Unreadable]' });
  });

  it('turns a Proxy whose every trap throws into [Unreadable]', () => {
    const proxy = hostileProxy();
    expect(redact(proxy)).toBe('[Unreadable]');
    expect(redact({ p: proxy, ok: true })).toEqual({
      p: '[Unreadable]',
      ok: true,
    });
    expect(redact([proxy])).toEqual(['[Unreadable]']);
    expect(redact(new Map([['p', proxy]]))).toEqual({ p: '[Unreadable]' });
  });

  it('turns a revoked Proxy into [Unreadable]', () => {
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    expect(redact({ proxy })).toEqual({ proxy: '[Unreadable]' });
  });

  it('copies null-prototype objects into plain objects', () => {
    const input = Object.assign(Object.create(null) as Json, {
      a: 1,
      token: 't',
    });
    const out = redact(input);
    expect(out).toEqual({ a: 1, token: R });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('copies own enumerable fields of class instances', () => {
    class User {
      name = 'bob';
      password = 'pw';
      get upper(): string {
        return this.name.toUpperCase();
      }
      greet(): string {
        return 'hi';
      }
    }
    expect(redact(new User())).toEqual({ name: 'bob', password: R });
  });

  it('keeps a __proto__ key as data', () => {
    const input = JSON.parse(
      '{"__proto__":{"password":"x","a":1},"b":2}',
    ) as unknown;
    const out = redact(input) as Json;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({
      password: R,
      a: 1,
    });
    expect(JSON.stringify(out)).toBe(
      `{"__proto__":{"password":"${R}","a":1},"b":2}`,
    );
  });

  describe('toJSON', () => {
    it('uses its result and scrubs it', () => {
      const input = {
        v: { toJSON: () => ({ password: 'x', ok: 1, note: 'token=abc' }) },
      };
      expect(redact(input)).toEqual({
        v: { password: R, ok: 1, note: `token=${R}` },
      });
    });

    it('passes the key like JSON.stringify does', () => {
      const echo = { toJSON: (key: string) => `key:${key}` };
      expect(redact({ a: echo, list: [echo] })).toEqual({
        a: 'key:a',
        list: ['key:0'],
      });
      expect(redact(echo)).toBe('key:');
    });

    it('turns a throwing toJSON into [Unreadable]', () => {
      const bad = {
        toJSON(): never {
          throw new Error('no');
        },
      };
      expect(redact({ bad, ok: 1 })).toEqual({ bad: '[Unreadable]', ok: 1 });
    });

    it('serialises the fields of a self-returning toJSON', () => {
      class Self {
        a = 1;
        secret = 's';
        toJSON(): this {
          return this;
        }
      }
      expect(redact(new Self())).toEqual({ a: 1, secret: R });
    });

    it("does not call the result's own toJSON again", () => {
      const inner = { v: 1, toJSON: () => 'inner called' };
      expect(redact({ x: { toJSON: () => inner } })).toEqual({ x: { v: 1 } });
    });

    it('marks a result that points back at its owner as circular', () => {
      const owner: Json = {
        toJSON(): unknown {
          return { me: owner };
        },
      };
      expect(redact(owner)).toEqual({ me: '[Circular]' });
    });
  });

  describe('Errors', () => {
    it('copies name, message and stack', () => {
      const err = new RangeError('out of range');
      const out = redact(err) as Json;
      expect(Object.keys(out)).toEqual(['name', 'message', 'stack']);
      expect(out).toEqual({
        name: 'RangeError',
        message: 'out of range',
        stack: err.stack,
      });
    });

    it('adds own enumerable fields, censoring secret keys, and the cause last', () => {
      class HttpError extends Error {
        override name = 'HttpError';
        status = 502;
        token = 't';
        constructor(message: string, options?: ErrorOptions) {
          super(message, options);
        }
      }
      const err = new HttpError('bad gateway', { cause: 'upstream' });
      const out = redact(err) as Json;
      expect(Object.keys(out)).toEqual([
        'name',
        'message',
        'stack',
        'status',
        'token',
        'cause',
      ]);
      expect(out).toMatchObject({
        name: 'HttpError',
        message: 'bad gateway',
        status: 502,
        token: R,
        cause: 'upstream',
      });
    });

    it('copies AggregateError errors', () => {
      const err = new AggregateError(
        [new Error('one'), 'two password=x'],
        'many',
      );
      const out = redact(err) as Json;
      expect(out.name).toBe('AggregateError');
      expect(out.message).toBe('many');
      expect(out.errors).toEqual([
        {
          name: 'Error',
          message: 'one',
          stack: (err.errors[0] as Error).stack,
        },
        `two password=${R}`,
      ]);
    });

    it('never comes out as {}, even when message and stack getters throw', () => {
      const err = new Error('hidden');
      const fail = (): never => {
        throw new Error('getter');
      };
      // V8's own `stack` must be deleted before it can be replaced by a getter.
      delete err.stack;
      Object.defineProperty(err, 'message', { get: fail });
      Object.defineProperty(err, 'stack', { get: fail });
      expect(redact(err)).toEqual({
        name: 'Error',
        message: '[Unreadable]',
        stack: '[Unreadable]',
      });
    });

    it('handles Errors nested in objects and arrays', () => {
      const err = new Error('x');
      expect(redact({ list: [err] })).toEqual({
        list: [{ name: 'Error', message: 'x', stack: err.stack }],
      });
    });
  });

  describe('special values', () => {
    it.each([
      ['Buffer', Buffer.alloc(1024, 1), '[Buffer 1024 bytes]'],
      ['Uint8Array', new Uint8Array(3), '[Uint8Array 3 bytes]'],
      ['Float64Array', new Float64Array(2), '[Float64Array 16 bytes]'],
      ['DataView', new DataView(new ArrayBuffer(4)), '[DataView 4 bytes]'],
      ['ArrayBuffer', new ArrayBuffer(8), '[ArrayBuffer 8 bytes]'],
      [
        'SharedArrayBuffer',
        new SharedArrayBuffer(2),
        '[SharedArrayBuffer 2 bytes]',
      ],
      ['Date', new Date(0), '1970-01-01T00:00:00.000Z'],
      ['invalid Date', new Date(Number.NaN), 'Invalid Date'],
      ['BigInt', 12345678901234567890n, '12345678901234567890'],
      ['Symbol', Symbol('desc'), 'Symbol(desc)'],
      ['Symbol without description', Symbol(), 'Symbol()'],
      ['NaN', Number.NaN, 'NaN'],
      ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
      ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
      ['boxed string', new String('password=x'), `password=${R}`],
      ['boxed number', new Number(3), 3],
      ['boxed boolean', new Boolean(false), false],
      ['boxed BigInt', Object(5n) as object, '5'],
      ['boxed Symbol', Object(Symbol('q')) as object, 'Symbol(q)'],
      ['RegExp', /a+b/gi, '/a+b/gi'],
      ['null', null, null],
      ['boolean', true, true],
      ['plain string', 'hello', 'hello'],
    ])('%s', (_name, input, expected) => {
      expect(redact(input)).toEqual(expected);
      expect(redact({ v: input })).toEqual({ v: expected });
    });

    it('never dumps Buffer contents', () => {
      const out = JSON.stringify(
        redact({ body: Buffer.from('password=hunter2') }),
      );
      expect(out).toBe('{"body":"[Buffer 16 bytes]"}');
    });

    it('keeps -0 and other finite numbers exactly', () => {
      const out = redact({
        z: -0,
        f: 1.5,
        big: Number.MAX_SAFE_INTEGER,
      }) as Json;
      expect(Object.is(out.z, -0)).toBe(true);
      expect(out).toEqual({ z: -0, f: 1.5, big: Number.MAX_SAFE_INTEGER });
    });

    it('turns Maps into objects keyed by String(key)', () => {
      const input = new Map<unknown, unknown>([
        ['a', 1],
        [2, 'b'],
        [{}, 'obj'],
        [Symbol('s'), 's'],
        ['apiKey', 'k'],
      ]);
      expect(redact(input)).toEqual({
        a: 1,
        '2': 'b',
        '[object Object]': 'obj',
        'Symbol(s)': 's',
        apiKey: R,
      });
    });

    it('turns Sets into arrays', () => {
      expect(redact(new Set([1, 'password=x', { token: 't' }]))).toEqual([
        1,
        `password=${R}`,
        { token: R },
      ]);
    });

    it('drops symbol-keyed properties', () => {
      const out = redact({ [Symbol('s')]: 1, a: 2 }) as Json;
      expect(out).toEqual({ a: 2 });
      expect(Object.getOwnPropertySymbols(out)).toEqual([]);
    });

    it('drops functions from objects and nulls them in arrays', () => {
      const out = redact({
        f(): void {},
        a: 1,
        list: [() => 1, 2, undefined],
      }) as Json;
      expect(Object.keys(out)).toEqual(['a', 'list']);
      expect(out.list).toEqual([null, 2, null]);
      expect(redact(() => 1)).toBeUndefined();
    });

    it('keeps undefined properties (JSON drops them) and fills array holes with null', () => {
      // oxlint-disable-next-line no-sparse-arrays
      const out = redact({ u: undefined, holes: [1, , 3] }) as Json;
      expect(Object.keys(out)).toEqual(['u', 'holes']);
      expect(out.holes).toEqual([1, null, 3]);
      expect(JSON.stringify(out)).toBe('{"holes":[1,null,3]}');
    });
  });

  it('never mutates its input', () => {
    const shared = { n: 1 };
    const input = {
      password: 'pw',
      text: 'token=abc',
      list: [shared, shared, { secret: 's', deep: { apiKey: 'k' } }],
      map: new Map([['token', 't']]),
      set: new Set(['Bearer abc12345']),
      date: new Date(0),
      err: new Error('password=x'),
    };
    const before = structuredClone(input);
    redact(input);
    expect(input).toEqual(before);
    expect(input.list[0]).toBe(input.list[1]);
    expect(input.map.get('token')).toBe('t');
  });

  it('works on deeply frozen input', () => {
    const input = deepFreeze({
      a: { password: 'x', list: [{ token: 't', ok: 'token=abc' }] },
    });
    expect(redact(input)).toEqual({
      a: { password: R, list: [{ token: R, ok: `token=${R}` }] },
    });
  });

  it('loses nothing but censored values', () => {
    const input = {
      id: 42,
      orderId: 'ord_123',
      total: 19.99,
      status: 'paid',
      author: { id: 7, name: 'Ada', email: 'ada@example.com' },
      items: [{ sku: 'A-1', qty: 2 }, null, true, 'note: keep me'],
      createdAt: '2024-11-22T10:00:00.000Z',
      password: 'hunter2',
    };
    expect(redact(input)).toEqual({ ...input, password: R });
  });

  it('returns unchanged strings as they are', () => {
    const s = 'x'.repeat(100) + ': no secrets';
    expect(redact(s)).toBe(s);
  });
});

describe('redact: options', () => {
  it('keys: strings match case- and separator-insensitively, defaults still apply', () => {
    const r = createRedactor({ keys: ['pin', 'x-tenant'] });
    expect(
      r({
        pin: 1,
        PIN: 2,
        p_i_n: 3,
        X_Tenant: 't',
        password: 'p',
        note: 'pin=1234',
      }),
    ).toEqual({
      pin: R,
      PIN: R,
      p_i_n: R,
      X_Tenant: R,
      password: R,
      note: `pin=${R}`,
    });
  });

  it('keys shorter than the built-in ones are found in text too, down to the shortest text', () => {
    expect(redact('zq=x', { keys: ['zq'] })).toBe(`zq=${R}`);
    expect(redact({ note: 'a zq: 1234 b' }, { keys: ['zq'] })).toEqual({
      note: `a zq: ${R} b`,
    });
    expect(redact('k=v', { keys: [/^k$/] })).toBe(`k=${R}`);
    // Without such a key, short pairs stay as they are.
    expect(redact('zq=x')).toBe('zq=x');
  });

  it('keys: RegExps are tested against the raw key, statelessly', () => {
    const r = createRedactor({ keys: [/^x-internal-/, /foo/g] });
    expect(
      r({
        'x-internal-trace': 1,
        'X-Internal-Trace': 2,
        foo: 3,
        afoo: 4,
        bar: 5,
      }),
    ).toEqual({
      'x-internal-trace': R,
      'X-Internal-Trace': 2,
      foo: R,
      afoo: R,
      bar: 5,
    });
  });

  it('patterns: every match is censored, the caller regex is untouched', () => {
    const invoice = /INV-\d+/g;
    invoice.lastIndex = 3;
    const r = createRedactor({ patterns: [invoice, /\bacct_[a-z]+\b/] });
    expect(r('INV-1 and INV-22 for acct_abc')).toBe(`${R} and ${R} for ${R}`);
    expect(r({ s: 'x INV-3' })).toEqual({ s: `x ${R}` });
    expect(invoice.lastIndex).toBe(3);
  });

  it('censor: used for keys and text', () => {
    expect(
      redact(
        { password: 'p', s: 'token=abc', n: 4111111111111111 },
        { censor: '***' },
      ),
    ).toEqual({
      password: '***',
      s: 'token=***',
      n: '***',
    });
  });

  it('replaceDefaults: only the given keys and patterns apply', () => {
    const r = createRedactor({
      replaceDefaults: true,
      keys: ['pin'],
      patterns: [/INV-\d+/],
    });
    expect(
      r({
        password: 'p',
        pin: 1,
        s: 'pin=12 password=x Bearer abc12345 INV-9 4111111111111111',
        n: 4111111111111111,
      }),
    ).toEqual({
      password: 'p',
      pin: R,
      s: `pin=${R} password=x Bearer abc12345 ${R} 4111111111111111`,
      n: 4111111111111111,
    });
  });

  it('replaceDefaults without keys or patterns censors nothing', () => {
    const input = { password: 'p', s: `token=abc ${JWT}` };
    expect(redact(input, { replaceDefaults: true })).toEqual(input);
  });

  it.each([
    [1, { a: { b: 1 }, c: 2 }, { a: '[MaxDepth]', c: 2 }],
    [2, { a: { b: { c: 1 } } }, { a: { b: '[MaxDepth]' } }],
    [2, [[[1]]], [['[MaxDepth]']]],
    [3, { a: { b: { c: 1 } } }, { a: { b: { c: 1 } } }],
  ])('maxDepth %i', (maxDepth, input, expected) => {
    expect(redact(input, { maxDepth })).toEqual(expected);
  });

  it('maxArrayLength', () => {
    expect(redact([1, 2, 3, 4, 5], { maxArrayLength: 2 })).toEqual([
      1,
      2,
      '[… 3 more items]',
    ]);
    expect(redact([1, 2], { maxArrayLength: 2 })).toEqual([1, 2]);
  });

  it('maxStringLength', () => {
    expect(redact('hello world', { maxStringLength: 5 })).toBe(
      'hello…[truncated 6 chars]',
    );
    expect(redact('hello', { maxStringLength: 5 })).toBe('hello');
  });

  it('a redactor gives the same result as redact with the same options', () => {
    const options: RedactOptions = { keys: ['pin'], censor: '#' };
    const input = { pin: 1, s: 'password=x' };
    expect(createRedactor(options)(input)).toEqual(redact(input, options));
    expect(createRedactor()(input)).toEqual(redact(input));
  });

  it.each([
    [null, 'redact.options must be an object'],
    [[], 'redact.options must be an object'],
    ['x', 'redact.options must be an object'],
    [{ bogus: 1 }, 'redact.bogus is not a known option'],
    [{ keys: 'password' }, 'redact.keys must be an array'],
    [{ keys: ['ok', 1] }, 'redact.keys[1] must be a string or a RegExp'],
    [{ keys: ['--'] }, 'redact.keys[0] must contain a letter or digit'],
    [{ patterns: /a/ }, 'redact.patterns must be an array'],
    [{ patterns: [/a/, 'b'] }, 'redact.patterns[1] must be a RegExp'],
    [
      { patterns: [/a/, /b*/] },
      'redact.patterns[1] (/b*/) must not match the empty string',
    ],
    [
      { patterns: [/^$/] },
      'redact.patterns[0] (/^$/) must not match the empty string',
    ],
    [{ censor: 1 }, 'redact.censor must be a string'],
    [{ replaceDefaults: 'yes' }, 'redact.replaceDefaults must be a boolean'],
    [{ maxDepth: 0 }, 'redact.maxDepth must be a positive integer'],
    [{ maxDepth: -1 }, 'redact.maxDepth must be a positive integer'],
    [{ maxDepth: 1.5 }, 'redact.maxDepth must be a positive integer'],
    [{ maxDepth: Number.NaN }, 'redact.maxDepth must be a positive integer'],
    [
      { maxDepth: Number.POSITIVE_INFINITY },
      'redact.maxDepth must be a positive integer',
    ],
    [{ maxDepth: '3' }, 'redact.maxDepth must be a positive integer'],
    [{ maxArrayLength: 0 }, 'redact.maxArrayLength must be a positive integer'],
    [
      { maxStringLength: -5 },
      'redact.maxStringLength must be a positive integer',
    ],
  ])('rejects %j with %j', (options, message) => {
    const bad = options as RedactOptions;
    expect(() => createRedactor(bad)).toThrow(new TypeError(message));
    expect(() => redact({}, bad)).toThrow(new TypeError(message));
  });

  it('an error thrown by an option getter is passed on as it is, not turned into a TypeError', () => {
    const boom = new RangeError('options are not ready');
    const options = {
      get maxDepth(): number {
        throw boom;
      },
    };
    let caught: unknown;
    try {
      createRedactor(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(boom);
    expect(() => redact({}, options)).toThrow(boom);
  });
});

describe('secrets in symbols and BigInts (found by the error-path fuzzer)', () => {
  it.each([
    [
      'a symbol description',
      Symbol('password=hunter2'),
      'Symbol(password=[REDACTED])',
    ],
    [
      'a boxed symbol',
      Object(Symbol('token=abc123def')),
      'Symbol(token=[REDACTED])',
    ],
    ['a Luhn-valid BigInt', 4111111111111111n, '[REDACTED]'],
    ['an ordinary BigInt', 12345678901234567890n, '12345678901234567890'],
  ])('%s', (_what, value, expected) => {
    expect(redact({ v: value })).toEqual({ v: expected });
  });
});

describe('redact: a full copy', () => {
  it('returns no object of the input, even where nothing changed', () => {
    const input = { a: { b: [{ c: 1 }], d: 'text' }, e: [1, 2] };
    const out = redact(input) as typeof input;
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.a).not.toBe(input.a);
    expect(out.a.b).not.toBe(input.a.b);
    expect(out.a.b[0]).not.toBe(input.a.b[0]);
    expect(out.e).not.toBe(input.e);
  });
});
