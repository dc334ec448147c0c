import type { HttpServer } from '@nestjs/common';
import { HttpAdapterHost, type AbstractHttpAdapter } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fastifyFrameworkErrors,
  SafeErrorsFilter,
  SafeErrorsModule,
} from 'nestjs-safe-errors';
import { MemoryTransport } from '../utils/memory.transport.js';

const ID = /^[0-9a-f]{16}$/;

/** A router error as Fastify raises it, with whatever `statusCode` a plugin may have put there. */
function routerError(statusCode: unknown): Error {
  return Object.assign(new Error("'/bad/%FF' is not a valid url component"), {
    name: 'FastifyError',
    code: 'FST_ERR_BAD_URL',
    statusCode,
  });
}

// What may reach the status line: 400..599 as is, anything else 400 (Fastify's own answer to a bad URL).
const STATUSES: [unknown, number, string][] = [
  [399, 400, 'Bad Request'],
  [400, 400, 'Bad Request'],
  [404, 404, 'Not Found'],
  [431, 431, 'Request Header Fields Too Large'],
  [599, 599, 'Error'],
  [600, 400, 'Bad Request'],
  ['404', 400, 'Bad Request'],
  [undefined, 400, 'Bad Request'],
];

describe('fastifyFrameworkErrors without SafeErrorsModule: status clamp and reason phrase', () => {
  it.each(STATUSES)(
    'statusCode %j → %i %s, never cached, nothing echoed',
    (statusCode, status, phrase) => {
      const sent: unknown[] = [];
      const reply = {
        code: vi.fn(() => reply),
        header: vi.fn(() => reply),
        send: vi.fn((payload: unknown) => sent.push(payload)),
      };
      fastifyFrameworkErrors(routerError(statusCode), { server: {} }, reply);
      expect(reply.code).toHaveBeenCalledExactlyOnceWith(status);
      expect(reply.header).toHaveBeenCalledExactlyOnceWith(
        'cache-control',
        'no-store',
      );
      expect(sent).toEqual([{ statusCode: status, message: phrase }]);
    },
  );
});

describe('answerFrameworkError (through SafeErrorsModule): status clamp and reason phrase', () => {
  const logs = new MemoryTransport();
  let moduleRef: TestingModule;
  let filter: SafeErrorsFilter;
  const calls: {
    headers: Record<string, string>;
    body?: unknown;
    status?: number;
  } = { headers: {} };

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [SafeErrorsModule.forRoot({ logger: { transports: [logs] } })],
    }).compile();
    // The parts of Fastify's adapter the filter answers through, recording what it is asked to send.
    const adapter: Partial<HttpServer> = {
      isHeadersSent: () => false,
      getRequestMethod: () => 'GET',
      getRequestUrl: () => '/bad/%FF',
      setHeader: (_reply: unknown, name: string, value: string) => {
        calls.headers[name] = value;
      },
      reply: (_reply: unknown, body: unknown, status?: number) => {
        // Opaque answers arrive serialized, as the adapter writes them to the wire.
        calls.body = typeof body === 'string' ? JSON.parse(body) : body;
        calls.status = status;
      },
    };
    moduleRef.get(HttpAdapterHost).httpAdapter =
      adapter as unknown as AbstractHttpAdapter;
    filter = moduleRef.get(SafeErrorsFilter);
  });
  afterAll(() => moduleRef.close());

  it.each(STATUSES)(
    'statusCode %j → %i %s, with an ID in header, body and log',
    async (statusCode, status, phrase) => {
      calls.headers = {};
      filter.answerFrameworkError(routerError(statusCode), { headers: {} }, {});
      const requestId = calls.headers['x-request-id']!;
      expect(requestId).toMatch(ID);
      expect(calls.status).toBe(status);
      expect(calls.body).toEqual({
        statusCode: status,
        message: phrase,
        requestId,
      });
      expect(calls.headers).toEqual({
        'x-request-id': requestId,
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      await vi.waitFor(() =>
        expect(logs.withRequestId(requestId)).toHaveLength(1),
      );
      expect(logs.withRequestId(requestId)[0]).toMatchObject({
        level: status >= 500 ? 'error' : 'warn',
        message: 'Unhandled FastifyError on GET /bad/%FF',
        statusCode: status,
        error: { code: 'FST_ERR_BAD_URL' },
      });
    },
  );

  it('a 500 reads exactly "Internal server error", as every opaque 500 does', () => {
    filter.answerFrameworkError(routerError(500), { headers: {} }, {});
    expect(calls.body).toEqual({
      statusCode: 500,
      message: 'Internal server error',
      requestId: calls.headers['x-request-id'],
    });
  });

  it('hands a router error to the filter of the app that serves the request', () => {
    const responder = vi.fn();
    const error = routerError(414);
    const request = {
      server: { [Symbol.for('nestjs-safe-errors.frameworkErrors')]: responder },
    };
    const reply = {};
    fastifyFrameworkErrors(error, request, reply);
    expect(responder).toHaveBeenCalledExactlyOnceWith(error, request, reply);
  });
});
