import type { ArgumentsHost, HttpServer } from '@nestjs/common';
import { HttpAdapterHost, type AbstractHttpAdapter } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  fastifyFrameworkErrors,
  SafeErrorsFilter,
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { answerLastResort } from '../../lib/filter/last-resort.js';
import type { RequestFailure } from '../../lib/filter/request-failure.js';
import { REQUEST_ID } from '../../lib/request-id/request-context.js';
import { useModuleFilter } from '../utils/filter-module.js';
import { MemoryTransport, type LogRecord } from '../utils/memory.transport.js';

// Tests for what mutation testing (npm run mutate:filter) found unguarded in lib/filter/: each asserts
// what a client or an operator sees.

const ID = /^[0-9a-f]{16}$/;

/** What the fake adapter was asked to send. */
interface Sent {
  headers: Record<string, string>;
  body?: unknown;
  status?: number;
  replies: number;
}

/** The parts of an HTTP adapter the filter answers through, recording what it sends. */
function recordingAdapter(
  sent: Sent,
  overrides: Partial<HttpServer> = {},
): HttpServer {
  return {
    isHeadersSent: () => false,
    getRequestMethod: () => 'GET',
    getRequestUrl: () => '/orders/1',
    setHeader: (_response: unknown, name: string, value: string) => {
      sent.headers[name] = value;
    },
    reply: (_response: unknown, body: unknown, status?: number) => {
      // Opaque answers arrive serialized, as the adapter writes them to the wire.
      sent.body = typeof body === 'string' ? JSON.parse(body) : body;
      sent.status = status;
      sent.replies++;
    },
    ...overrides,
  } as unknown as HttpServer;
}

function httpHost(request: unknown, response: unknown): ArgumentsHost {
  return {
    getType: () => 'http',
    getArgByIndex: (i: number) => (i === 0 ? request : response),
  } as unknown as ArgumentsHost;
}

function routerError(statusCode: unknown): Error {
  return Object.assign(new Error("'/bad/%FF' is not a valid url component"), {
    name: 'FastifyError',
    code: 'FST_ERR_BAD_URL',
    statusCode,
  });
}

/** A module with the filter, its adapter replaced (or removed) as a test needs. */
async function filterWith(
  adapter: HttpServer | undefined,
  options: SafeErrorsModuleOptions = {},
): Promise<{
  filter: SafeErrorsFilter;
  logs: MemoryTransport;
  moduleRef: TestingModule;
}> {
  const logs = new MemoryTransport();
  const moduleRef = await Test.createTestingModule({
    imports: [
      SafeErrorsModule.forRoot({ ...options, logger: { transports: [logs] } }),
    ],
  }).compile();
  moduleRef.get(HttpAdapterHost).httpAdapter = adapter as
    AbstractHttpAdapter | undefined as AbstractHttpAdapter;
  return { filter: moduleRef.get(SafeErrorsFilter), logs, moduleRef };
}

async function linesOf(
  logs: MemoryTransport,
  requestId: string,
  count: number,
): Promise<LogRecord[]> {
  await vi.waitFor(() =>
    expect(logs.withRequestId(requestId)).toHaveLength(count),
  );
  return logs.withRequestId(requestId);
}

describe('the log line of a request that is only partly readable', () => {
  it('without a method, the line names only what was thrown', async () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent, {
        getRequestMethod: () => undefined as unknown as string,
        getRequestUrl: () => undefined as unknown as string,
      }),
    );
    try {
      filter.answerFrameworkError(routerError(400), { headers: {} }, {});
      const requestId = sent.headers['x-request-id']!;
      const [line] = await linesOf(logs, requestId, 1);
      expect(line!.message).toBe('Unhandled FastifyError');
      expect(line).toMatchObject({ level: 'warn', statusCode: 400 });
      expect(line).not.toHaveProperty('method');
      expect(line).not.toHaveProperty('url');
    } finally {
      await moduleRef.close();
    }
  });

  it('with a method but no URL or route, the failure is still logged', async () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent, {
        getRequestUrl: () => undefined as unknown as string,
      }),
    );
    try {
      filter.answerFrameworkError(routerError(414), { headers: {} }, {});
      const requestId = sent.headers['x-request-id']!;
      const [line] = await linesOf(logs, requestId, 1);
      expect(line).toMatchObject({
        level: 'warn',
        method: 'GET',
        statusCode: 414,
      });
      expect(line!.message).toMatch(/^Unhandled FastifyError on GET/);
    } finally {
      await moduleRef.close();
    }
  });

  it('a signed-in user whose id is null is not named', async () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent),
    );
    try {
      filter.answerFrameworkError(
        routerError(400),
        { headers: {}, user: { id: null } },
        {},
      );
      const [line] = await linesOf(logs, sent.headers['x-request-id']!, 1);
      expect(line).not.toHaveProperty('userId');
      filter.answerFrameworkError(
        routerError(400),
        { headers: {}, user: { id: 0 } },
        {},
      );
      const [second] = await linesOf(logs, sent.headers['x-request-id']!, 1);
      expect(second!.userId).toBe(0);
    } finally {
      await moduleRef.close();
    }
  });

  it.each([
    // A parameter without a value whose name, one letter shorter, is a credential's.
    ['/search?keys&sig=abc', '/search?keys&sig=[REDACTED]'],
    ['/search?codes&code=4/0AX4', '/search?codes&code=[REDACTED]'],
    // A request target that is the query alone.
    ['?access_token=abc123', '?access_token=[REDACTED]'],
  ])('logs the URL %s as %s', async (url, logged) => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent, { getRequestUrl: () => url }),
    );
    try {
      filter.answerFrameworkError(routerError(400), { headers: {} }, {});
      const [line] = await linesOf(logs, sent.headers['x-request-id']!, 1);
      expect(line!.url).toBe(logged);
    } finally {
      await moduleRef.close();
    }
  });
});

describe('the request ID of a failed request', () => {
  it('a router error keeps a trusted incoming ID in header, body and log', async () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent),
      { trustIncomingRequestId: true },
    );
    try {
      filter.answerFrameworkError(
        routerError(400),
        { headers: { 'x-request-id': 'client-id_0001' } },
        {},
      );
      expect(sent.headers['x-request-id']).toBe('client-id_0001');
      expect(sent.body).toEqual({
        statusCode: 400,
        message: 'Bad Request',
        requestId: 'client-id_0001',
      });
      await linesOf(logs, 'client-id_0001', 1);
    } finally {
      await moduleRef.close();
    }
  });

  it('outside the async context, the ID the middleware left on the request is the one answered', async () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const { filter, logs, moduleRef } = await filterWith(
      recordingAdapter(sent),
    );
    try {
      const requestId = '0123456789abcdef';
      filter.catch(
        new Error('db down'),
        httpHost({ headers: {}, [REQUEST_ID]: requestId }, {}),
      );
      expect(sent.status).toBe(500);
      expect(sent.body).toEqual({
        statusCode: 500,
        message: 'Internal server error',
        requestId,
      });
      // The middleware already put it in the header.
      expect(sent.headers).not.toHaveProperty('x-request-id');
      await linesOf(logs, requestId, 1);
    } finally {
      await moduleRef.close();
    }
  });
});

describe('an HTTP failure with no HTTP adapter to answer through', () => {
  it('is logged with why the answer failed, and the connection is closed', async () => {
    const { filter, logs, moduleRef } = await filterWith(undefined);
    try {
      const response = { destroy: vi.fn() };
      filter.catch(new Error('db down'), httpHost({ headers: {} }, response));
      expect(response.destroy).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(logs.records()).toHaveLength(2));
      const [failed, answer] = logs.records();
      expect(failed).toMatchObject({
        level: 'error',
        message: 'Unhandled Error',
        statusCode: 500,
        error: { message: 'db down' },
      });
      expect(answer).toMatchObject({
        level: 'error',
        message: 'SafeErrorsFilter could not answer normally',
        error: { message: 'no HTTP adapter' },
        requestId: failed!.requestId,
      });
    } finally {
      await moduleRef.close();
    }
  });
});

describe('the last-resort 500', () => {
  function failure(
    adapter: HttpServer | undefined,
    response: unknown,
  ): RequestFailure {
    return {
      exception: new Error('x'),
      request: {},
      response,
      adapter,
      requestId: '0123456789abcdef',
      idAssigned: false,
    };
  }

  it('is fixed JSON with the ID in header and body, never cached', () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const response = { destroy: vi.fn() };
    answerLastResort(
      failure(recordingAdapter(sent), response),
      'x-correlation-id',
    );
    expect(sent.headers).toEqual({
      'x-correlation-id': '0123456789abcdef',
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      message: 'Internal server error',
      requestId: '0123456789abcdef',
    });
    expect(response.destroy).not.toHaveBeenCalled();
  });

  it('on a response whose headers are out, writes nothing and closes the connection', () => {
    const sent: Sent = { headers: {}, replies: 0 };
    const response = { writableEnded: false, destroy: vi.fn() };
    answerLastResort(
      failure(recordingAdapter(sent, { isHeadersSent: () => true }), response),
      'x-request-id',
    );
    expect(sent.replies).toBe(0);
    expect(sent.headers).toEqual({});
    expect(response.destroy).toHaveBeenCalledTimes(1);
  });
});

describe('other contexts and transports', () => {
  const safe = useModuleFilter();
  const logs = safe.logs;

  it('a context of no known type is logged as an "unknown" handler', async () => {
    const host = { getType: () => undefined } as unknown as ArgumentsHost;
    const result = safe.filter().catch(new Error('resolver failed'), host) as {
      requestId: string;
    };
    const [line] = await linesOf(logs, result.requestId, 1);
    expect(line).toMatchObject({ level: 'error', transport: 'unknown' });
    expect(line!.message).toContain('unknown');
  });

  it('a WebSocket client with a readyState but no send() gets the answer through emit()', () => {
    const client = { readyState: 1, emit: vi.fn() };
    const host = {
      getType: () => 'ws',
      switchToWs: () => ({
        getClient: () => client,
        getPattern: () => 'orders.create',
        getData: () => ({}),
      }),
    } as unknown as ArgumentsHost;
    safe.filter().catch(new Error('handler failed'), host);
    expect(client.emit).toHaveBeenCalledTimes(1);
    const [event, payload] = client.emit.mock.calls[0] as [
      string,
      { requestId: string },
    ];
    expect(event).toBe('exception');
    expect(payload).toEqual({
      status: 'error',
      message: 'Internal server error',
      requestId: expect.stringMatching(ID),
    });
  });
});

describe('fastifyFrameworkErrors given a request without a server', () => {
  it('still answers with the status kept and nothing echoed', () => {
    const sent: unknown[] = [];
    const reply = {
      code: vi.fn(() => reply),
      header: vi.fn(() => reply),
      send: vi.fn((payload: unknown) => sent.push(payload)),
    };
    expect(() =>
      fastifyFrameworkErrors(routerError(414), {}, reply),
    ).not.toThrow();
    expect(reply.code).toHaveBeenCalledExactlyOnceWith(414);
    expect(sent).toEqual([{ statusCode: 414, message: 'URI Too Long' }]);
  });
});
