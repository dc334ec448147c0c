import { randomFillSync } from 'node:crypto';

const ID_BYTES = 8;
// 512 IDs per refill: one CSPRNG call amortised over many requests.
const POOL_BYTES = ID_BYTES * 512;
// Half an ID, in hex: V8 copies a slice shorter than 13 characters, where a longer one would keep the
// whole pool's text alive for as long as any one ID lives.
const HALF = ID_BYTES;

/**
 * Whether every hex digit drawn from these bytes is decimal. One ID in about 1,850 is all digits, and one
 * in ten of those passes Luhn: a "card number" that redaction would censor and leak checks would report.
 */
function allDecimal(pool: Buffer, from: number): boolean {
  for (let i = from; i < from + ID_BYTES; i++) {
    if (pool[i] >> 4 > 9 || (pool[i] & 0x0f) > 9) return false;
  }
  return true;
}

/**
 * @internal Returns a generator of 16-char lowercase hex IDs (64 random bits) drawn from a pool that is
 * refilled from node:crypto's CSPRNG; no byte is ever handed out twice. Never all digits.
 */
export function createRequestIdGenerator(): () => string {
  const pool = Buffer.allocUnsafe(POOL_BYTES);
  // The pool in hex, converted once per refill: a native call per ID cost about 3× the rest of it.
  let hex = '';
  let offset = POOL_BYTES;
  return () => {
    for (;;) {
      // Stryker disable next-line ConditionalExpression: refilling on every call only costs time; the IDs are as random
      if (offset === POOL_BYTES) {
        randomFillSync(pool);
        hex = pool.toString('hex');
        offset = 0;
      }
      const at = 2 * offset;
      const decimal = allDecimal(pool, offset);
      offset += ID_BYTES;
      // Such draws are thrown away.
      if (!decimal)
        return hex.slice(at, at + HALF) + hex.slice(at + HALF, at + 2 * HALF);
    }
  };
}
