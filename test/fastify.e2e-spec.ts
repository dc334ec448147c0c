import { Test } from '@nestjs/testing';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fastifyFrameworkErrors,
  getRequestId,
  SafeErrorsModule,
} from 'nestjs-safe-errors';
import { expectNothingLeaked } from './utils/assertions.js';
import { bootFixture, type BootedApp } from './utils/boot.js';
import { MemoryTransport } from './utils/memory.transport.js';

const LONG_PARAM = 'p'.repeat(150);

describe('Fastify: errors its router answers before Nest', () => {
  describe('with fastifyFrameworkErrors', () => {
    let booted: BootedApp;
    let http: ReturnType<typeof request>;
    beforeAll(async () => {
      booted = await bootFixture({}, 'fastify', {
        frameworkErrors: fastifyFrameworkErrors,
      });
      http = request(booted.app.getHttpServer());
    });
    afterAll(() => booted.close());

    it.each([
      ['a malformed URL', '/fail/pipe/%FF', 400, 'Bad Request', '%FF'],
      [
        'an over-long route parameter',
        `/fail/pipe/${LONG_PARAM}`,
        414,
        'URI Too Long',
        LONG_PARAM,
      ],
    ])(
      '%s keeps its status, carries an ID, echoes nothing, and is logged',
      async (_what, path, status, phrase, echo) => {
        const res = await http.get(path);
        const requestId = res.headers['x-request-id'] as string;
        expect(res.status).toBe(status);
        expect(requestId).toMatch(/^[0-9a-f]{16}$/);
        expect(res.text).toBe(
          JSON.stringify({ statusCode: status, message: phrase, requestId }),
        );
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.text).not.toContain(echo);
        expect(res.text).not.toMatch(/FST_ERR/);
        expectNothingLeaked(res);
        await expect
          .poll(() => booted.logs.withRequestId(requestId))
          .toEqual([
            expect.objectContaining({
              level: 'warn',
              statusCode: status,
              method: 'GET',
              error: expect.objectContaining({
                code: expect.stringMatching(/^FST_ERR_/),
              }),
            }),
          ]);
      },
    );

    it('still serves ordinary routes', async () => {
      expect((await http.get('/ok')).status).toBe(200);
    });
  });

  it('with problemDetails, the same answers are RFC 9457 problems', async () => {
    const booted = await bootFixture({ problemDetails: true }, 'fastify', {
      frameworkErrors: fastifyFrameworkErrors,
    });
    try {
      const res = await request(booted.app.getHttpServer()).get(
        '/fail/pipe/%FF',
      );
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(
        /^application\/problem\+json/,
      );
      expect(JSON.parse(res.text)).toEqual({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        requestId: res.headers['x-request-id'],
      });
    } finally {
      await booted.close();
    }
  });

  it("without it, Fastify's own answer echoes the URL and its error code (the gap the handler closes)", async () => {
    const booted = await bootFixture({}, 'fastify');
    try {
      const res = await request(booted.app.getHttpServer()).get(
        '/fail/pipe/%FF',
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain('FST_ERR_BAD_URL');
      expect(res.text).toContain('%FF');
      // The ID is given as the server receives the request, so even Fastify's own answer carries one.
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await booted.close();
    }
  });
});

describe('Fastify: routes of a plugin registered before init()', () => {
  it('get a request ID too, the same one the code behind them reads', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        SafeErrorsModule.forRoot({
          logger: { transports: [new MemoryTransport()] },
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter(),
      { logger: false },
    );
    // As main.ts does before listen(): an encapsulated context with its own route.
    // Typed by what it uses: a Nest 11 tree may hold two fastify copies whose instance types differ.
    await app.register(
      async (instance: {
        get(path: string, handler: () => unknown): unknown;
      }) => {
        instance.get('/plugin/route', () => ({
          seen: getRequestId() ?? 'none',
        }));
      },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const res = await request(app.getHttpServer()).get('/plugin/route');
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      expect(res.body).toEqual({ seen: res.headers['x-request-id'] });
    } finally {
      await app.close();
    }
  });
});
