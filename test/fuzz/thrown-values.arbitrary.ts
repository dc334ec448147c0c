import fc from 'fast-check';
import { hostileProxy, withThrowingGetters } from '../utils/hostile-values.js';

/** A marker every planted secret starts with, so a leak is easy to see. */
export const SECRET_PREFIX = 'PLNT';

const secret = fc
  .stringMatching(/^[A-Za-z0-9]{10,20}$/)
  .map((s) => `${SECRET_PREFIX}${s}`);

function circularCauses(length: number, message: string): Error {
  const first = new Error(message);
  let last = first;
  for (let i = 1; i < length; i++) {
    const next = new Error(`cause ${i}`);
    (last as { cause?: unknown }).cause = next;
    last = next;
  }
  (last as { cause?: unknown }).cause = first;
  return first;
}

function deepCauses(depth: number, message: string): Error {
  let err = new Error(message);
  for (let i = 0; i < depth; i++) err = new Error(`level ${i}`, { cause: err });
  return err;
}

/** Every kind of value a handler can throw, hostile ones included; each may carry a planted secret. */
export const thrownValue: fc.Arbitrary<{
  make: () => unknown;
  secret: string;
}> = secret.chain((s) =>
  fc.oneof(
    fc
      .anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withTypedArray: true,
        withSparseArray: true,
        withObjectString: true,
      })
      .map((v) => ({ make: () => v, secret: s })),
    fc.constant({ make: () => Symbol(`password=${s}`), secret: s }),
    fc.bigInt().map((b) => ({ make: () => b, secret: s })),
    fc.constant({ make: hostileProxy, secret: s }),
    fc
      .subarray(['message', 'stack', 'name', 'constructor'], { minLength: 1 })
      .map((keys) => ({
        make: () => withThrowingGetters(keys, `password=${s}`),
        secret: s,
      })),
    fc
      .integer({ min: 1, max: 50 })
      .map((n) => ({ make: () => circularCauses(n, `token=${s}`), secret: s })),
    fc
      .oneof(fc.integer({ min: 1, max: 100 }), fc.constant(10_000))
      .map((d) => ({
        make: () => deepCauses(d, `postgres://u:${s}@db/x`),
        secret: s,
      })),
    fc
      .oneof(fc.integer({ min: 1, max: 4096 }), fc.constant(1024 * 1024))
      .map((n) => ({
        make: () => new Error(`password=${s} ${'x'.repeat(n)}`),
        secret: s,
      })),
    fc
      .constantFrom(
        '\r\n',
        '\n{"level":"error","message":"forged"}',
        '\u001b[31m',
        '\u0000',
        '\u2028',
      )
      .map((c) => ({
        make: () => new TypeError(`${c}api_key=${s}${c}`),
        secret: s,
      })),
    fc
      .record({
        statusCode: fc.integer({ min: 100, max: 599 }),
        message: fc.string(),
      })
      .map((o) => ({ make: () => ({ ...o, password: s }), secret: s })),
  ),
);
