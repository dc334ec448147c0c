import type { ArgumentsHost } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it, vi } from 'vitest';
import { SafeErrorsFilter, SafeErrorsModule } from 'nestjs-safe-errors';
import { MemoryTransport } from '../utils/memory.transport.js';

function hostOf(type: string): ArgumentsHost {
  return { getType: () => type } as unknown as ArgumentsHost;
}

describe('contexts other than http, rpc and ws (e.g. GraphQL resolvers)', () => {
  it('log the failure with an ID and hand back only an opaque error', async () => {
    const logs = new MemoryTransport();
    const moduleRef = await Test.createTestingModule({
      imports: [SafeErrorsModule.forRoot({ logger: { transports: [logs] } })],
    }).compile();
    const filter = moduleRef.get(SafeErrorsFilter);
    const result = filter.catch(
      new Error('resolver failed: password=hunter2'),
      hostOf('graphql'),
    );
    expect(result).toBeInstanceOf(Error);
    const { message, requestId } = result as Error & { requestId: string };
    expect(message).toBe('Internal server error');
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);
    // GraphQL servers may send stacks and read `extensions`: no frames, the ID where clients see it.
    expect((result as Error).stack).toBe('Error: Internal server error');
    expect((result as { extensions?: unknown }).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId,
    });
    await vi.waitFor(() =>
      expect(logs.withRequestId(requestId)).toHaveLength(1),
    );
    const record = logs.withRequestId(requestId)[0]!;
    expect(record).toMatchObject({
      level: 'error',
      transport: 'graphql',
      statusCode: 500,
    });
    expect((record.error as { message: string }).message).toBe(
      'resolver failed: password=[REDACTED]',
    );
    await moduleRef.close();
  });

  it('a host whose getType() throws is still answered without throwing', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        SafeErrorsModule.forRoot({
          logger: { transports: [new MemoryTransport()] },
        }),
      ],
    }).compile();
    const filter = moduleRef.get(SafeErrorsFilter);
    const host = {
      getType: () => {
        throw new Error('no type');
      },
    } as unknown as ArgumentsHost;
    expect(() => filter.catch(new Error('x'), host)).not.toThrow();
    await moduleRef.close();
  });
});
