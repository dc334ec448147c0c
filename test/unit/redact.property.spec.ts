import fc from 'fast-check';
import { redact } from '../../lib/redaction/redact.js';

const RUNS = { numRuns: 1000 };

// Unique enough that no generated noise can contain it by chance.
const secretArb = fc
  .stringMatching(/^[A-Za-z0-9]{12,24}$/)
  .map((s) => `S3CR3T${s}`);

// Keys that cannot spell any secret key name, so only the planted key can trigger censoring.
const safeKeyArb = fc.stringMatching(/^[a-h]{1,8}$/);

const denyKeyArb = fc.constantFrom(
  'password',
  'Password',
  'passwd',
  'secret',
  'clientSecret',
  'api_key',
  'X-API-KEY',
  'authorization',
  'Cookie',
  'set-cookie',
  'token',
  'access_token',
  'refreshToken',
  'id_token',
  'x-auth-token',
  'sessionId',
  'connect.sid',
  'csrfToken',
  'cvv',
  'cardNumber',
  'private_key',
  'ssn',
  'dbPassword',
  'stripeSecretKey',
  'githubToken',
);

const textTemplateArb = fc.constantFrom(
  (s: string) => `password=${s}`,
  (s: string) => `?a=1&api_key=${s}&b=2`,
  (s: string) => `token: ${s}`,
  (s: string) => `{"client_secret":"${s}","user":"bob"}`,
  (s: string) => `postgres://app:${s}@db:5432/orders`,
  (s: string) => `mongodb+srv://u:${s}@cluster0.example.net/x`,
  (s: string) => `Bearer ${s}`,
  (s: string) => `Authorization: Basic ${s}`,
);

type Wrap = {
  kind: 'object' | 'array' | 'map';
  key: string;
  at: number;
  noise: unknown[];
};

const wrapArb: fc.Arbitrary<Wrap> = fc.record({
  kind: fc.constantFrom('object', 'array', 'map'),
  key: safeKeyArb,
  at: fc.nat(4),
  noise: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
});

/** Puts `leaf` `wraps.length` levels deep, among noise, in objects, arrays and Maps. */
function nest(leaf: unknown, wraps: readonly Wrap[]): unknown {
  let inner = leaf;
  for (const { kind, key, at, noise } of wraps) {
    if (kind === 'array') {
      const list = [...noise];
      list.splice(Math.min(at, list.length), 0, inner);
      inner = list;
    } else {
      // Noise keys are numbered, so they never clash with the path key.
      const entries: [string, unknown][] = noise.map((n, i) => [`n${i}`, n]);
      entries.splice(Math.min(at, entries.length), 0, [key, inner]);
      inner = kind === 'map' ? new Map(entries) : Object.fromEntries(entries);
    }
  }
  return inner;
}

/** Only what JSON.stringify can represent faithfully. */
function isJsonSafe(value: unknown, inArray: boolean): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'undefined':
      return !inArray;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isJsonSafe(value[i], true)) return false;
        }
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      return Object.entries(Object.getOwnPropertyDescriptors(value)).every(
        ([, d]) =>
          d.enumerable === true && 'value' in d && isJsonSafe(d.value, false),
      );
    }
    default:
      return false;
  }
}

const anythingArb = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
});

describe('redact properties', () => {
  it('never leaks a secret planted under a denylisted key at any depth', () => {
    fc.assert(
      fc.property(
        secretArb,
        denyKeyArb,
        fc.dictionary(safeKeyArb, fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 3,
        }),
        fc.array(wrapArb, { maxLength: 12 }),
        (secret, denyKey, siblings, wraps) => {
          const value = nest({ ...siblings, [denyKey]: secret }, wraps);
          const out = JSON.stringify(redact(value));
          expect(out).not.toContain(secret);
          expect(out).toContain('[REDACTED]');
        },
      ),
      RUNS,
    );
  });

  it('never leaks a secret planted in free text at any depth', () => {
    fc.assert(
      fc.property(
        secretArb,
        textTemplateArb,
        fc.string(),
        fc.string(),
        fc.array(wrapArb, { maxLength: 12 }),
        (secret, template, before, after, wraps) => {
          const value = nest(`${before} ${template(secret)} ${after}`, wraps);
          const out = JSON.stringify(redact(value));
          expect(out).not.toContain(secret);
          expect(out).toContain('[REDACTED]');
        },
      ),
      RUNS,
    );
  });

  it('never mutates planted inputs, deep-equal to a copy taken before', () => {
    fc.assert(
      fc.property(
        secretArb,
        denyKeyArb,
        textTemplateArb,
        fc.array(wrapArb, { maxLength: 8 }),
        (secret, denyKey, template, wraps) => {
          const value = nest(
            { [denyKey]: secret, note: template(secret) },
            wraps,
          );
          const before = structuredClone(value);
          redact(value);
          expect(value).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it('never mutates arbitrary inputs', () => {
    fc.assert(
      fc.property(anythingArb, (value) => {
        const before: unknown = structuredClone(value);
        redact(value);
        expect(value).toEqual(before);
      }),
      RUNS,
    );
  });

  it('never throws, and always returns JSON-safe data', () => {
    fc.assert(
      fc.property(anythingArb, (value) => {
        const out = redact(value);
        expect(() => JSON.stringify(out)).not.toThrow();
        expect(isJsonSafe(out, false)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps JSON values without secrets exactly', () => {
    const plainString = fc.stringMatching(/^[a-h ]{0,20}$/);
    const plainJson = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        plainString,
        fc.integer(),
        // A whole number of 13 to 19 digits that passes Luhn is a card number, censored by design.
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .filter((d) => !(Number.isInteger(d) && Math.abs(d) >= 1e12)),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(safeKeyArb, tie('value'), {
          maxKeys: 4,
          noNullPrototype: true,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(plainJson, (value) => {
        expect(redact(value)).toStrictEqual(value);
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anythingArb, (value) => {
        const once = redact(value);
        expect(redact(once)).toStrictEqual(once);
      }),
      RUNS,
    );
  });

  it('redact() shares no object with its input', () => {
    const objectsOf = (root: unknown): Set<unknown> => {
      const found = new Set<unknown>();
      const visit = (v: unknown): void => {
        if (typeof v !== 'object' || v === null || found.has(v)) return;
        found.add(v);
        for (const child of Object.values(v)) visit(child);
      };
      visit(root);
      return found;
    };
    fc.assert(
      fc.property(anythingArb, (value) => {
        const inputs = objectsOf(value);
        for (const o of objectsOf(redact(value)))
          expect(inputs.has(o)).toBe(false);
      }),
      RUNS,
    );
  });
});
