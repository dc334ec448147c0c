import { describe, expect, it, vi } from 'vitest';

// Known bytes in place of the CSPRNG, so that each ID can be held to the bytes it was cut from.
const fills: Buffer[] = [];
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    randomFillSync: (buffer: Buffer) => {
      const k = fills.length;
      for (let i = 0; i < buffer.length; i++) {
        buffer[i] = (i * 37 + k * 101 + (i >> 5)) & 0xff;
      }
      // Planted 8-byte draws: all decimal, one `a` last, all `9`, an `a` first, all decimal at the end.
      Buffer.from('1234567890123456', 'hex').copy(buffer, 0);
      Buffer.from('123456789012345a', 'hex').copy(buffer, 8);
      Buffer.from('9999999999999999', 'hex').copy(buffer, 16);
      Buffer.from('a999999999999999', 'hex').copy(buffer, 24);
      Buffer.from('0000000000000000', 'hex').copy(buffer, buffer.length - 8);
      fills.push(Buffer.from(buffer));
      return buffer;
    },
  };
});

const { createRequestIdGenerator } =
  await import('../../lib/request-id/request-id.generator.js');

/** What the generator owes: every 8-byte draw of each fill in hex, in order, but those all in digits. */
function expectedIds(): string[] {
  return fills.flatMap((fill) =>
    (fill.toString('hex').match(/.{16}/g) ?? []).filter(
      (id) => !/^\d+$/.test(id),
    ),
  );
}

describe('request IDs, from known bytes', () => {
  it('are each draw of the pool in hex, in order, no byte twice, across refills; all-digit draws are dropped', () => {
    fills.length = 0;
    const next = createRequestIdGenerator();
    // 512 draws a fill: 1,200 IDs take three fills.
    const ids = Array.from({ length: 1_200 }, next);
    expect(fills.length).toBe(3);
    expect(ids).toEqual(expectedIds().slice(0, 1_200));
    expect(ids.slice(0, 2)).toEqual(['123456789012345a', 'a999999999999999']);
  });
});
