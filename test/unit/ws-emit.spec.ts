import type { ArgumentsHost } from '@nestjs/common';
import { BaseWsExceptionFilter, WsException } from '@nestjs/websockets';
import { describe, expect, it, vi } from 'vitest';
import { useModuleFilter } from '../utils/filter-module.js';

const ID = /^[0-9a-f]{16}$/;

/**
 * A Socket.IO socket as a gateway receives it: `emit()` reaches the client, and it has a `send()` too
 * (Socket.IO's shorthand for a "message" event), but no numeric `readyState`.
 */
function socketIoClient() {
  return { id: 'sock-1', emit: vi.fn(), send: vi.fn() };
}

function wsHost(client: unknown): ArgumentsHost {
  return {
    getType: () => 'ws',
    switchToWs: () => ({
      getClient: () => client,
      getPattern: () => 'orders.create',
      getData: () => ({ orderId: 'x' }),
    }),
  } as unknown as ArgumentsHost;
}

describe('WebSocket answers to a Socket.IO client go out through emit()', () => {
  const safe = useModuleFilter();
  const logs = safe.logs;

  it.each([
    ['a string', () => new WsException('Order id must be a number')],
    [
      'an object',
      () => new WsException({ code: 'INVALID_ORDER', message: 'Order id bad' }),
    ],
  ])(
    'a WsException with %s: the payload bare Nest emits, cause included',
    (_what, make) => {
      const ours = socketIoClient();
      const nest = socketIoClient();
      safe.filter().catch(make(), wsHost(ours));
      new BaseWsExceptionFilter().catch(make(), wsHost(nest));
      expect(ours.emit).toHaveBeenCalledTimes(1);
      expect(ours.emit.mock.calls).toEqual(nest.emit.mock.calls);
      expect(ours.send).not.toHaveBeenCalled();
    },
  );

  it('spells the string case out: status, message and the cause Nest adds', () => {
    const client = socketIoClient();
    safe
      .filter()
      .catch(new WsException('Order id must be a number'), wsHost(client));
    expect(client.emit).toHaveBeenCalledExactlyOnceWith('exception', {
      status: 'error',
      message: 'Order id must be a number',
      cause: { pattern: 'orders.create', data: { orderId: 'x' } },
    });
  });

  it('an unknown error: an opaque payload with a request ID, the full story only in the log', async () => {
    const client = socketIoClient();
    safe
      .filter()
      .catch(
        new Error('socket handler failed: password=hunter2'),
        wsHost(client),
      );
    expect(client.emit).toHaveBeenCalledExactlyOnceWith('exception', {
      status: 'error',
      message: 'Internal server error',
      requestId: expect.stringMatching(ID),
    });
    expect(client.send).not.toHaveBeenCalled();
    const [, payload] = client.emit.mock.calls[0] as [
      string,
      { requestId: string },
    ];
    // Unlike bare Nest, nothing of the client's own data is echoed back as a cause.
    expect(payload).not.toHaveProperty('cause');
    await vi.waitFor(() =>
      expect(logs.withRequestId(payload.requestId)).toHaveLength(1),
    );
    const record = logs.withRequestId(payload.requestId)[0]!;
    expect(record).toMatchObject({
      level: 'error',
      message: 'Unhandled Error in a ws handler',
      transport: 'ws',
      pattern: 'orders.create',
      statusCode: 500,
    });
    expect((record.error as { message: string }).message).toBe(
      'socket handler failed: password=[REDACTED]',
    );
  });

  it('a client whose emit() throws (it disconnected) is given up on without throwing', () => {
    const client = {
      emit: vi.fn(() => {
        throw new Error('transport closed');
      }),
    };
    expect(() =>
      safe.filter().catch(new Error('x'), wsHost(client)),
    ).not.toThrow();
    expect(client.emit).toHaveBeenCalledTimes(1);
  });
});
