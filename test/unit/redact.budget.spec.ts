import { describe, expect, it } from 'vitest';
import { type Json, keyed } from '../utils/keyed-object.js';
import { createRedactor, redact } from '../../lib/redaction/redact.js';
import {
  DEFAULT_CENSOR,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_OBJECT_KEYS,
  DEFAULT_MAX_TOTAL_STRING_LENGTH,
  RECORD_BUDGET_MARKER,
} from '../../lib/redaction/redact.constants.js';

// The limits on small inputs; redact.bounds.spec.ts holds the large and hostile ones.
const R = DEFAULT_CENSOR;

describe('maxObjectKeys', () => {
  it('keeps the first 1000 keys of a larger object and counts the rest under "…"', () => {
    const out = redact(keyed(1500)) as Json;
    const keys = Object.keys(out);
    expect(DEFAULT_MAX_OBJECT_KEYS).toBe(1000);
    expect(keys).toHaveLength(1001);
    expect(keys.slice(0, 1000)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `k${i}`),
    );
    expect(out.k999).toBe(999);
    expect(out['…']).toBe('[… 500 more keys]');
  });

  it('adds no marker to an object of exactly maxObjectKeys keys', () => {
    expect(redact(keyed(1000))).toEqual(keyed(1000));
    expect(redact({ a: 1, b: 2 }, { maxObjectKeys: 2 })).toEqual({
      a: 1,
      b: 2,
    });
  });

  it('is an option', () => {
    expect(redact({ a: 1, b: 2, c: 3 }, { maxObjectKeys: 2 })).toEqual({
      a: 1,
      b: 2,
      '…': '[… 1 more keys]',
    });
  });

  it('never writes a key past the cap, secret or not', () => {
    const input = {
      ...keyed(1000),
      password: 'hunter2-Correct-Horse',
      note: 'password=hunter2-Correct-Horse',
    };
    const text = JSON.stringify(redact(input));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('"note"');
    expect(text).toContain('"…":"[… 2 more keys]"');
  });

  it('caps class instances like plain objects', () => {
    class Bag {
      constructor() {
        Object.assign(this, keyed(3));
      }
    }
    expect(redact(new Bag(), { maxObjectKeys: 2 })).toEqual({
      k0: 0,
      k1: 1,
      '…': '[… 1 more keys]',
    });
  });

  it('caps an Error’s own fields; name, message, stack and cause are always read', () => {
    const err = Object.assign(
      new Error('boom', { cause: 'why' }),
      keyed(5, 'f'),
    );
    err.stack = 'Error: boom\n    at here';
    expect(redact(err, { maxObjectKeys: 2 })).toEqual({
      name: 'Error',
      message: 'boom',
      stack: 'Error: boom\n    at here',
      f0: 0,
      f1: 1,
      '…': '[… 3 more keys]',
      cause: 'why',
    });
  });

  it('is checked like the other limits', () => {
    expect(() => createRedactor({ maxObjectKeys: 0 })).toThrow(
      'redact.maxObjectKeys must be a positive integer',
    );
    expect(() => createRedactor({ maxNodes: 1.5 })).toThrow(
      'redact.maxNodes must be a positive integer',
    );
    expect(() => createRedactor({ maxTotalStringLength: -1 })).toThrow(
      'redact.maxTotalStringLength must be a positive integer',
    );
  });
});

describe('the per-call budget', () => {
  it('defaults to 10,000 values and 1 MiB of string characters', () => {
    expect(DEFAULT_MAX_NODES).toBe(10_000);
    expect(DEFAULT_MAX_TOTAL_STRING_LENGTH).toBe(2 ** 20);
  });

  it('ends each container that was still open with one marker', () => {
    const input = { a: 1, b: 2, c: { d: 1, e: 2, f: 3 }, g: [1, 2] };
    expect(redact(input, { maxNodes: 5 })).toEqual({
      a: 1,
      b: 2,
      c: { d: 1, e: 2, '…': RECORD_BUDGET_MARKER },
      '…': RECORD_BUDGET_MARKER,
    });
    expect(redact([[1, 2, 3], 4], { maxNodes: 3 })).toEqual([
      [1, 2, RECORD_BUDGET_MARKER],
      RECORD_BUDGET_MARKER,
    ]);
  });

  it('counts values censored by their key and values JSON drops', () => {
    const input = { password: 'x', fn: () => 1, token: 'y', ok: 1 };
    expect(redact(input, { maxNodes: 3 })).toEqual({
      password: R,
      token: R,
      '…': RECORD_BUDGET_MARKER,
    });
  });

  it('covers Maps, Sets and Errors', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(redact({ map }, { maxNodes: 3 })).toEqual({
      map: { a: 1, b: 2, '…': RECORD_BUDGET_MARKER },
    });
    expect(redact([new Set([1, 2, 3])], { maxNodes: 3 })).toEqual([
      [1, 2, RECORD_BUDGET_MARKER],
    ]);
    const err = new Error('boom');
    err.stack = 'Error: boom';
    expect(redact(err, { maxNodes: 2 })).toEqual({
      name: 'Error',
      message: 'boom',
      '…': RECORD_BUDGET_MARKER,
    });
  });

  it('cuts the string that spends the last characters, then ends the record', () => {
    expect(
      redact(['abcdef', 'ghijkl', 'mnop'], { maxTotalStringLength: 10 }),
    ).toEqual(['abcdef', 'ghij…[truncated 2 chars]', RECORD_BUDGET_MARKER]);
  });

  it('charges a cut string with what was read of it, not with the whole lookahead', () => {
    expect(
      redact(['a'.repeat(20), 'bbbbb'], {
        maxStringLength: 10,
        maxTotalStringLength: 1000,
      }),
    ).toEqual(['aaaaaaaaaa…[truncated 10 chars]', 'bbbbb']);
  });

  it('counts keys as characters read', () => {
    expect(
      redact({ abcdefgh: 1, ijklmnop: 2, q: 3 }, { maxTotalStringLength: 16 }),
    ).toEqual({ abcdefgh: 1, ijklmnop: 2, '…': RECORD_BUDGET_MARKER });
    // The key spent the last characters: its value is all cut.
    expect(
      redact({ abcdefghij: 'password=hunter2' }, { maxTotalStringLength: 10 }),
    ).toEqual({ abcdefghij: '…[truncated 16 chars]' });
  });

  it('is renewed on every call', () => {
    const redactor = createRedactor({ maxNodes: 3 });
    expect(redactor([1, 2, 3, 4])).toEqual([1, 2, 3, RECORD_BUDGET_MARKER]);
    expect(redactor([1, 2, 3, 4])).toEqual([1, 2, 3, RECORD_BUDGET_MARKER]);
  });

  it('survives a toJSON that redacts with the same redactor', () => {
    const redactor = createRedactor({ maxNodes: 5 });
    const inner = {
      toJSON: () => {
        redactor(Array.from({ length: 100 }, (_, i) => i));
        return 'inner';
      },
    };
    // Had the inner call spent this call's budget, 'after' would be a marker.
    expect(redactor([inner, 'after'])).toEqual(['inner', 'after']);
  });
});

describe('a value that is the censor', () => {
  it('is left as it is, and the pairs after it are still read', () => {
    const redactor = createRedactor({ censor: '***' });
    expect(redactor('pwd=***,token=abc')).toBe('pwd=***,token=***');
    expect(redactor('Cookie: ***; sid=abc')).toBe('Cookie: ***; sid=***');
    expect(redactor('pwd="***" secret=\\"x\\"')).toBe(
      'pwd="***" secret=\\"***\\"',
    );
    // One bare value that only starts with the censor: it is a value, censored whole.
    expect(redactor('pwd=***pwd=***pwd=x')).toBe('pwd=***');
    expect(redact(`password=${R} token={"a":1}`)).toBe(
      `password=${R} token=${R}`,
    );
  });

  // The default censor is public: a secret that starts with it must not pass for one scrubbed before.
  it.each([
    [`password=${R}hunter2 ok`, `password=${R} ok`],
    [`{"password":"${R}hunter2"}`, `{"password":"${R}"}`],
    [`<password>${R}hunter2</password>`, `<password>${R}</password>`],
    [`app --password ${R}hunter2 x`, `app --password ${R} x`],
  ])('is still censored when it only starts with it: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
    expect(redact(expected)).toBe(expected);
  });
});
