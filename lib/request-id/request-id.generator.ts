import { randomFillSync } from 'node:crypto';

const ID_BYTES = 8;
// 512 IDs per refill: one CSPRNG call amortised over many requests.
const POOL_BYTES = ID_BYTES * 512;

/**
 * @internal Returns a generator of 16-char lowercase hex IDs (64 random bits) drawn from a pool that is
 * refilled from node:crypto's CSPRNG; no byte is ever handed out twice.
 */
export function createRequestIdGenerator(): () => string {
  const pool = Buffer.allocUnsafe(POOL_BYTES);
  let offset = POOL_BYTES;
  return () => {
    // Stryker disable next-line ConditionalExpression: refilling on every call only costs time; the IDs are as random
    if (offset === POOL_BYTES) {
      randomFillSync(pool);
      offset = 0;
    }
    const id = pool.toString('hex', offset, offset + ID_BYTES);
    offset += ID_BYTES;
    return id;
  };
}
