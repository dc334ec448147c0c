import { Controller, Get, Inject, Module } from '@nestjs/common';
import { WINSTON_MODULE_PROVIDER, WinstonModule } from 'nest-winston';
import {
  getRequestId,
  RedactingLogger,
  SafeErrorsModule,
} from 'nestjs-safe-errors';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import winston from 'winston';
import { expectOpaque500 } from '../utils/assertions.js';
import { bootApp, PLATFORMS } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';

const PASSWORD = 'Interop-Planted-Pw-31';

/** What pino wrote, a JSON object a line. */
function pinoCapture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

@Controller()
class PinoController {
  constructor(private readonly pino: PinoLogger) {}

  @Get('pino/ok')
  ok(): { ok: boolean } {
    this.pino.info('served by pino');
    return { ok: true };
  }

  @Get('pino/fail')
  fail(): never {
    throw new Error(`db down: postgres://app:${PASSWORD}@db.internal/prod`);
  }
}

@Controller()
class WinstonController {
  constructor(
    @Inject(WINSTON_MODULE_PROVIDER) private readonly winston: winston.Logger,
    private readonly logger: RedactingLogger,
  ) {}

  @Get('winston/fail')
  fail(): never {
    this.logger.log(`retrying with password=${PASSWORD}`, 'Orders');
    throw new Error(`db down: postgres://app:${PASSWORD}@db.internal/prod`);
  }
}

// nestjs-pino keeps its first pino logger for the whole process: one capture serves every app here.
const pino = pinoCapture();

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe.each(PLATFORMS)(
  'beside the loggers Nest teams use (%s)',
  (platform) => {
    it("nestjs-pino: with genReqId: () => getRequestId(), pino's lines and the library's carry one request ID", async () => {
      const logs = new MemoryTransport();
      @Module({
        imports: [
          SafeErrorsModule.forRoot({ logger: { transports: [logs] } }),
          LoggerModule.forRoot({
            pinoHttp: {
              // The recipe: pino-http takes the library's ID (the fallback is only for a request it never saw).
              genReqId: () => getRequestId() ?? randomUUID(),
              stream: pino.stream,
            },
            // nestjs-pino 5.2's default route, {/*splat}, matched no request on Fastify under Nest 12.
            forRoutes: ['{*path}'],
          }),
        ],
        controllers: [PinoController],
      })
      class AppModule {}
      const app = await bootApp(
        { imports: [AppModule] },
        // On Fastify, pino-http keeps the ID Fastify already gave the request: it must be the library's too.
        {
          platform,
          fastify: { genReqId: () => getRequestId() ?? randomUUID() },
        },
      );
      close = () => app.close();
      const http = request(app.getHttpServer());

      const ok = await http.get('/pino/ok');
      const okId = ok.headers['x-request-id'] as string;
      const failedId = expectOpaque500(await http.get('/pino/fail'));
      await vi.waitFor(() => {
        expect(logs.withRequestId(failedId)).toHaveLength(1);
        expect(
          pino.lines.filter(
            (l) => (l.req as { id?: unknown } | undefined)?.id === failedId,
          ).length,
        ).toBeGreaterThan(0);
      });
      const served = pino.lines.find(
        (l) =>
          l.msg === 'served by pino' &&
          (l.req as { id?: unknown } | undefined)?.id === okId,
      );
      expect(served).toBeDefined();
      const completed = pino.lines.find(
        (l) =>
          (l.req as { id?: unknown } | undefined)?.id === okId &&
          (l.res as { statusCode?: unknown } | undefined)?.statusCode === 200,
      );
      expect(completed).toBeDefined();
      expect(logs.withRequestId(failedId)[0]).toMatchObject({
        level: 'error',
        context: 'SafeErrorsFilter',
        statusCode: 500,
      });
      expect(JSON.stringify(logs.records())).not.toContain(PASSWORD);
    });

    it("nest-winston: logger.instance makes the library write through the app's winston logger, redacted", async () => {
      const logs = new MemoryTransport();
      @Module({
        imports: [
          WinstonModule.forRoot({ transports: [logs] }),
          SafeErrorsModule.forRootAsync({
            inject: [WINSTON_MODULE_PROVIDER],
            // The recipe: one winston logger, nest-winston's, for both.
            useFactory: (instance: winston.Logger) => ({
              logger: { instance },
            }),
          }),
        ],
        controllers: [WinstonController],
      })
      class AppModule {}
      const app = await bootApp({ imports: [AppModule] }, { platform });
      close = () => app.close();
      const failedId = expectOpaque500(
        await request(app.getHttpServer()).get('/winston/fail'),
      );
      await vi.waitFor(() =>
        expect(logs.withRequestId(failedId)).toHaveLength(2),
      );
      const [service, failure] = logs.withRequestId(failedId);
      expect(service).toMatchObject({
        level: 'info',
        context: 'Orders',
        message: 'retrying with password=[REDACTED]',
      });
      expect(failure).toMatchObject({
        level: 'error',
        context: 'SafeErrorsFilter',
        error: expect.objectContaining({
          message: 'db down: postgres://app:[REDACTED]@db.internal/prod',
        }),
      });
      expect(logs.lines.join('\n')).not.toContain(PASSWORD);
    });
  },
);
