import { describe, expect, it } from 'vitest';
import { redact, redactJson } from 'nestjs-safe-errors';
import { createRedactor } from '../../lib/redact.js';

const R = '[REDACTED]';

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
}

// Values whose JSON rules are easy to get wrong when parts are serialised where they are.
const CASES: [string, () => unknown][] = [
  [
    'a plain record',
    () => ({ a: 1, b: 'two', c: [true, null], d: { e: 'f' } }),
  ],
  ['a secret key', () => ({ user: { name: 'ada', password: 'hunter2' } })],
  ['a secret in text', () => ({ note: ['ok', 'password=hunter2 here'] })],
  [
    'functions, undefined and symbols',
    () => ({
      f: () => 1,
      u: undefined,
      s: Symbol('password=x'),
      list: [() => 1, undefined, Symbol('y')],
    }),
  ],
  // oxlint-disable-next-line no-sparse-arrays -- a hole is the point
  ['holes', () => ({ list: [1, , 3] })],
  ['non-finite numbers', () => ({ n: [Number.NaN, Infinity, -0] })],
  ['a card number as a number', () => ({ card: 4111111111111111, qty: 3 })],
  ['BigInt', () => ({ big: 12345678901234567890n })],
  [
    'dates and class instances',
    () => ({ at: new Date(0), price: new Money(5, 'EUR') }),
  ],
  ['Map and Set', () => ({ m: new Map([['token', 'x']]), s: new Set(['a']) })],
  [
    'toJSON at any level',
    () => ({
      outer: {
        toJSON: () => ({ inner: { toJSON: () => 'password=hunter2' } }),
      },
    }),
  ],
  [
    "a toJSON result's own toJSON is not called",
    () => {
      const result = { toJSON: () => 'called', kept: 1 };
      return { x: { toJSON: () => result } };
    },
  ],
  [
    'an Error',
    () => ({ error: Object.assign(new Error('boom'), { code: 'E1' }) }),
  ],
  [
    'a circular record',
    () => {
      const a: Record<string, unknown> = { name: 'a' };
      a.self = a;
      return a;
    },
  ],
  [
    'an own __proto__ key',
    () => JSON.parse('{"__proto__":{"password":"x"},"a":1}') as unknown,
  ],
  [
    'a null-prototype object',
    () => Object.assign(Object.create(null), { a: 1 }),
  ],
  [
    'an array subclass',
    () => {
      class Tags extends Array<string> {}
      return { tags: Tags.from(['a', 'b']) };
    },
  ],
  ['a long array', () => ({ list: Array.from({ length: 1005 }, (_, i) => i) })],
  ['a long string', () => ({ text: 'x'.repeat(20_000) })],
  ['a bare string', () => 'password=hunter2'],
  ['a bare function', () => () => 1],
  ['undefined', () => undefined],
];

describe('redactJson', () => {
  it.each(CASES)(
    'writes exactly JSON.stringify(redact(x)) for %s',
    (_name, make) => {
      const value = make();
      expect(redactJson(value)).toBe(JSON.stringify(redact(value)));
    },
  );

  it('censors like redact() and leaves the input as it was', () => {
    const input = {
      headers: { authorization: 'Bearer abc.def-123', accept: 'json' },
      items: [{ sku: 'A1', note: 'api_key=sk_live_abcdefghijklmn' }],
    };
    const before = structuredClone(input);
    const text = redactJson(input)!;
    expect(JSON.parse(text)).toEqual({
      headers: { authorization: R, accept: 'json' },
      items: [{ sku: 'A1', note: `api_key=${R}` }],
    });
    expect(input).toEqual(before);
  });

  it('takes the same options as redact()', () => {
    const options = { keys: ['orderRef'], censor: '***' };
    const input = { orderRef: 'x1', password: 'p', text: 'orderRef=x2' };
    expect(redactJson(input, options)).toBe(
      JSON.stringify(redact(input, options)),
    );
    expect(JSON.parse(redactJson(input, options)!)).toEqual({
      orderRef: '***',
      password: '***',
      text: 'orderRef=***',
    });
  });

  it('calls each toJSON once, as JSON.stringify does', () => {
    let calls = 0;
    const value = {
      a: {
        toJSON() {
          calls++;
          return { ok: true };
        },
      },
    };
    expect(redactJson(value)).toBe('{"a":{"ok":true}}');
    expect(calls).toBe(1);
  });

  it('reads a Proxy once: a trap that answers differently later cannot slip a secret in', () => {
    const reads: string[] = [];
    const target = { note: 'fine', nested: { n: 1 } };
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string') reads.push(key);
        // Clean on the first read of a field, a secret on every later one.
        if (key === 'note' && reads.filter((k) => k === 'note').length > 1)
          return 'password=hunter2';
        return Reflect.get(t, key, receiver) as unknown;
      },
    });
    const text = redactJson({ wrapped: proxy })!;
    expect(text).toBe('{"wrapped":{"note":"fine","nested":{"n":1}}}');
    expect(reads.filter((k) => k === 'note')).toHaveLength(1);
  });

  it('never throws: an unreadable value becomes a marker', () => {
    const hostile = {
      get boom(): never {
        throw new Error('getter failed');
      },
      ok: 1,
    };
    expect(JSON.parse(redactJson(hostile)!)).toEqual({
      boom: '[Unreadable]',
      ok: 1,
    });
  });

  it('a compiled redactor offers the same as .json', () => {
    const redactor = createRedactor({ keys: ['pin'] });
    const input = { pin: '1234', user: { pin: '5678', name: 'ada' } };
    expect(redactor.json(input)).toBe(JSON.stringify(redactor(input)));
    expect(redactor.json(input)).toBe(
      `{"pin":"${R}","user":{"pin":"${R}","name":"ada"}}`,
    );
  });
});

describe('redact() still copies everything', () => {
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
