import {
  Catch,
  Controller,
  Get,
  Module,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
  type ModuleMetadata,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { SafeErrorsModule } from 'nestjs-safe-errors';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOpaque500 } from '../utils/assertions.js';
import { MemoryTransport } from '../utils/memory.transport.js';
import { PLATFORMS, type Platform } from '../utils/boot.js';

class DomainError extends Error {}

interface Reply {
  status(code: number): {
    json?(body: unknown): void;
    send(body: unknown): void;
  };
  json?: unknown;
}

// Express's response has json(); Fastify's reply only send(), which serialises an object itself.
function answer(res: Reply, status: number, body: unknown): void {
  const sending = res.status(status);
  if (typeof res.json === 'function' && sending.json) sending.json(body);
  else sending.send(body);
}

/** The user's own filter: a domain error is a 409 with the app's own body. */
@Catch(DomainError)
class ConflictFilter implements ExceptionFilter {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Reply>();
    const body = {
      statusCode: 409,
      error: 'Conflict',
      detail: 'order already exists',
    };
    answer(res, 409, body);
  }
}

/** A catch-all of the user's: it claims everything, so the library answers nothing. */
@Catch()
class UserCatchAllFilter implements ExceptionFilter {
  catch(_exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Reply>();
    const body = { statusCode: 503, message: 'mine' };
    answer(res, 503, body);
  }
}

@Controller('orders')
class OrdersController {
  @Get('conflict')
  conflict(): never {
    throw new DomainError(
      'duplicate key value violates unique constraint "orders_pkey"',
    );
  }

  @Get('crash')
  crash(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
  }
}

@Controller('scoped')
@UseFilters(ConflictFilter)
class ControllerScopedController extends OrdersController {}

@Controller('method')
class MethodScopedController {
  @Get('conflict')
  @UseFilters(ConflictFilter)
  conflict(): never {
    throw new DomainError('duplicate');
  }

  @Get('crash')
  @UseFilters(ConflictFilter)
  crash(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
  }
}

@Module({ providers: [{ provide: APP_FILTER, useClass: ConflictFilter }] })
class DomainErrorsModule {}

async function boot(
  metadata: ModuleMetadata,
  platform: Platform,
  globalFilters: ExceptionFilter[] = [],
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule(metadata).compile();
  const app =
    platform === 'fastify'
      ? moduleRef.createNestApplication(new FastifyAdapter(), { logger: false })
      : moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(...globalFilters);
  await app.init();
  if (platform === 'fastify')
    await (
      app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }
    ).ready();
  await app.listen(0, '127.0.0.1');
  return app;
}

const logs = () => new MemoryTransport();
const safeErrors = (transport: MemoryTransport) =>
  SafeErrorsModule.forRoot({ logger: { transports: [transport] } });

type Registration = [
  string,
  (t: MemoryTransport) => {
    metadata: ModuleMetadata;
    globalFilters?: ExceptionFilter[];
  },
  string,
];

const REGISTRATIONS: Registration[] = [
  [
    'APP_FILTER in the root module',
    (t) => ({
      metadata: {
        imports: [safeErrors(t)],
        controllers: [OrdersController],
        providers: [{ provide: APP_FILTER, useClass: ConflictFilter }],
      },
    }),
    '/orders',
  ],
  [
    'APP_FILTER in a module imported before SafeErrorsModule',
    (t) => ({
      metadata: {
        imports: [DomainErrorsModule, safeErrors(t)],
        controllers: [OrdersController],
      },
    }),
    '/orders',
  ],
  [
    'APP_FILTER in a module imported after SafeErrorsModule',
    (t) => ({
      metadata: {
        imports: [safeErrors(t), DomainErrorsModule],
        controllers: [OrdersController],
      },
    }),
    '/orders',
  ],
  [
    'app.useGlobalFilters()',
    (t) => ({
      metadata: { imports: [safeErrors(t)], controllers: [OrdersController] },
      globalFilters: [new ConflictFilter()],
    }),
    '/orders',
  ],
  [
    '@UseFilters on the controller',
    (t) => ({
      metadata: {
        imports: [safeErrors(t)],
        controllers: [ControllerScopedController],
      },
    }),
    '/scoped',
  ],
  [
    '@UseFilters on the method',
    (t) => ({
      metadata: {
        imports: [safeErrors(t)],
        controllers: [MethodScopedController],
      },
    }),
    '/method',
  ],
];

describe.each(PLATFORMS)(
  "the app's own filters win over the library's catch-all (%s)",
  (platform) => {
    let app: INestApplication | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    describe.each(REGISTRATIONS)('registered with %s', (_name, setup, base) => {
      it("answers what it catches with the app's own 409, and the library logs nothing for it", async () => {
        const transport = logs();
        const { metadata, globalFilters } = setup(transport);
        app = await boot(metadata, platform, globalFilters);
        const res = await request(app.getHttpServer()).get(`${base}/conflict`);
        expect(res.status).toBe(409);
        expect(res.body).toEqual({
          statusCode: 409,
          error: 'Conflict',
          detail: 'order already exists',
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(transport.records().filter((r) => r.level === 'error')).toEqual(
          [],
        );
      });

      it('leaves what it does not catch to the library: an opaque 500 with a logged ID', async () => {
        const transport = logs();
        const { metadata, globalFilters } = setup(transport);
        app = await boot(metadata, platform, globalFilters);
        const res = await request(app.getHttpServer()).get(`${base}/crash`);
        const requestId = expectOpaque500(res);
        expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(transport.withRequestId(requestId)).toHaveLength(1);
      });
    });

    it.each<
      [
        string,
        (t: MemoryTransport) => {
          metadata: ModuleMetadata;
          globalFilters?: ExceptionFilter[];
        },
      ]
    >([
      [
        'APP_FILTER, imported before',
        (t) => ({
          metadata: {
            imports: [
              {
                module: class CatchAllModule {},
                providers: [
                  { provide: APP_FILTER, useClass: UserCatchAllFilter },
                ],
              },
              safeErrors(t),
            ],
            controllers: [OrdersController],
          },
        }),
      ],
      [
        'APP_FILTER in the root module',
        (t) => ({
          metadata: {
            imports: [safeErrors(t)],
            controllers: [OrdersController],
            providers: [{ provide: APP_FILTER, useClass: UserCatchAllFilter }],
          },
        }),
      ],
    ])(
      "a catch-all of the app's (%s) answers everything",
      async (_name, setup) => {
        const transport = logs();
        const { metadata } = setup(transport);
        app = await boot(metadata, platform);
        const res = await request(app.getHttpServer()).get('/orders/crash');
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ statusCode: 503, message: 'mine' });
      },
    );
  },
);
