import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestId, SafeErrorsModule } from 'nestjs-safe-errors';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestLogRecorder, PLATFORMS } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';

const ID = /^[0-9a-f]{16}$/;

@Controller('items')
class ItemsController {
  @Get()
  list(): { requestId: string | undefined } {
    return { requestId: getRequestId() };
  }
}

describe.each(PLATFORMS)(
  'an ID before any middleware of main.ts (%s)',
  (platform) => {
    let app: INestApplication;
    const nestLines = new NestLogRecorder();

    beforeAll(async () => {
      @Module({
        imports: [
          SafeErrorsModule.forRoot({
            logger: { transports: [new MemoryTransport()] },
          }),
        ],
        controllers: [ItemsController],
      })
      class AppModule {}
      // As a user's main.ts: NestFactory, then CORS, a rate limiter and a tracing middleware, then listen().
      app =
        platform === 'fastify'
          ? await NestFactory.create(AppModule, new FastifyAdapter(), {
              logger: nestLines,
            })
          : await NestFactory.create(AppModule, { logger: nestLines });
      app.setGlobalPrefix('api');
      app.enableCors({ origin: 'https://app.example' });
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        res.setHeader('x-seen-by-main-ts', getRequestId() ?? 'none');
        if (req.headers['x-flood'] === '1') {
          res.statusCode = 429;
          res.setHeader('content-type', 'application/json');
          res.end('{"statusCode":429,"message":"Too Many Requests"}');
          return;
        }
        next();
      });
      await app.listen(0, '127.0.0.1');
    });
    afterAll(() => app.close());

    it('a CORS preflight, answered before any middleware, carries an ID', async () => {
      const res = await request(app.getHttpServer())
        .options('/api/items')
        .set('origin', 'https://app.example')
        .set('access-control-request-method', 'GET');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(
        'https://app.example',
      );
      expect(res.headers['x-request-id']).toMatch(ID);
    });

    it("a 429 from main.ts's app.use carries an ID, which that middleware sees through getRequestId()", async () => {
      const res = await request(app.getHttpServer())
        .get('/api/items')
        .set('x-flood', '1');
      expect(res.status).toBe(429);
      expect(res.text).toBe('{"statusCode":429,"message":"Too Many Requests"}');
      expect(res.headers['x-request-id']).toMatch(ID);
      expect(res.headers['x-seen-by-main-ts']).toBe(
        res.headers['x-request-id'],
      );
    });

    it('a handler sees the same ID as the header', async () => {
      const res = await request(app.getHttpServer()).get('/api/items');
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toMatch(ID);
      expect(res.body).toEqual({ requestId: res.headers['x-request-id'] });
    });

    it('gives each request a different ID', async () => {
      const a = await request(app.getHttpServer()).get('/api/items');
      const b = await request(app.getHttpServer()).get('/api/items');
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });

    it('boots with a global prefix without a warning from Nest (no LegacyRouteConverter)', () => {
      expect(nestLines.lines.filter((l) => l.level === 'warn')).toEqual([]);
      expect(JSON.stringify(nestLines.lines)).not.toContain(
        'LegacyRouteConverter',
      );
    });
  },
);
