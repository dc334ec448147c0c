import { randomFillSync } from 'node:crypto';

const ID_BYTES = 8;
// 512 IDs per refill: one CSPRNG call amortised over many requests.
const POOL_BYTES = ID_BYTES * 512;
// One ID in about 1,850 is all decimal digits, and one in ten of those passes Luhn: a "card number" that
// redaction would censor and leak checks would report. Such draws are thrown away.
const ALL_DIGITS = /^\d+$/;

/**
 * @internal Returns a generator of 16-char lowercase hex IDs (64 random bits) drawn from a pool that is
 * refilled from node:crypto's CSPRNG; no byte is ever handed out twice. Never all digits.
 */
export function createRequestIdGenerator(): () => string {
  const pool = Buffer.allocUnsafe(POOL_BYTES);
  let offset = POOL_BYTES;
  const draw = (): string => {
    // Stryker disable next-line ConditionalExpression: refilling on every call only costs time; the IDs are as random
    if (offset === POOL_BYTES) {
      randomFillSync(pool);
      offset = 0;
    }
    const id = pool.toString('hex', offset, offset + ID_BYTES);
    offset += ID_BYTES;
    return id;
  };
  return () => {
    let id = draw();
    while (ALL_DIGITS.test(id)) id = draw();
    return id;
  };
}
