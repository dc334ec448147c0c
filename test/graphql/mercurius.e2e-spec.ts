import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import {
  SafeErrorsModule,
  SafeGraphQL,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { expectNoLeaks } from 'nestjs-safe-errors/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, NestLogRecorder } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';
import {
  OrderResolver,
  QueryResolver,
  SECRET,
  captureOutput,
  useNodeEnv,
  opaque,
  post,
  typeDefs,
} from './graphql-fixture.js';

const nestLines = new NestLogRecorder();

async function bootMercurius(
  options: SafeErrorsModuleOptions,
  integrated = true,
): Promise<{ app: INestApplication; logs: MemoryTransport }> {
  const logs = new MemoryTransport();
  const app = await bootApp(
    {
      imports: [
        SafeErrorsModule.forRoot({
          ...options,
          logger: { level: 'debug', transports: [logs] },
        }),
        integrated
          ? GraphQLModule.forRootAsync<MercuriusDriverConfig>({
              driver: MercuriusDriver,
              inject: [SafeGraphQL],
              useFactory: (safe: SafeGraphQL) => safe.mercurius({ typeDefs }),
            })
          : GraphQLModule.forRoot<MercuriusDriverConfig>({
              driver: MercuriusDriver,
              typeDefs,
            }),
      ],
      providers: [QueryResolver, OrderResolver],
    },
    { platform: 'fastify', logger: integrated ? nestLines : false },
  );
  return { app, logs };
}

describe.each(['unset', 'development', 'production'])(
  'Mercurius with SafeGraphQL, NODE_ENV %s',
  (nodeEnv) => {
    useNodeEnv(nodeEnv);
    let app: INestApplication;
    let logs: MemoryTransport;
    let strict: INestApplication;
    let strictLogs: MemoryTransport;
    const output = captureOutput();
    afterAll(() => output.restore());
    beforeAll(async () => {
      ({ app, logs } = await bootMercurius({}));
      ({ app: strict, logs: strictLogs } = await bootMercurius({
        opaqueServerErrors: true,
      }));
    });
    afterAll(async () => {
      await app.close();
      await strict.close();
    });

    it('a root resolver failure: opaque, one ID in body, header and log, with path and operation', async () => {
      const res = await post(app, 'query Checkout { boom }').expect(200);
      const id = res.headers['x-request-id'] as string;
      expect(res.body).toEqual({
        data: { boom: null },
        errors: [opaque(['boom'], id)],
      });
      expectNoLeaks(res);
      const lines = logs.withRequestId(id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'error',
        method: 'POST',
        url: '/graphql',
        path: 'boom',
        operationName: 'Checkout',
      });
    });

    it('field resolvers in a list: opaque, each logged once with its path and the operation name', async () => {
      const res = await post(app, 'query Orders { orders { id note } }').expect(
        200,
      );
      const id = res.headers['x-request-id'] as string;
      // Mercurius writes list indexes in paths as strings, with or without the integration.
      expect(res.body.errors).toEqual([
        opaque(['orders', '0', 'note'], id),
        opaque(['orders', '1', 'note'], id),
      ]);
      const lines = logs.withRequestId(id);
      expect(
        lines.map((l) => `${String(l.operationName)} ${String(l.path)}`),
      ).toEqual(['Orders orders.0.note', 'Orders orders.1.note']);
      expect(logs.lines.join('\n')).not.toContain(SECRET);
      expectNoLeaks(res);
    });

    it('a 4xx HttpException keeps its message and gains the ID', async () => {
      const res = await post(app, '{ notFound(id: "42") }').expect(200);
      expectNoLeaks(res);
      const id = res.headers['x-request-id'] as string;
      expect(res.body.errors).toEqual([
        {
          message: 'no order 42',
          locations: [{ line: 1, column: 3 }],
          path: ['notFound'],
          extensions: { requestId: id },
        },
      ]);
    });

    it('a 5xx HttpException: as Nest shows it but logged; opaque with opaqueServerErrors', async () => {
      const passed = await post(app, '{ serverHttp }').expect(200);
      const passedId = passed.headers['x-request-id'] as string;
      expect(logs.withRequestId(passedId)).toHaveLength(1);
      const res = await post(strict, '{ serverHttp }').expect(200);
      const id = res.headers['x-request-id'] as string;
      expect(res.body.errors).toEqual([opaque(['serverHttp'], id)]);
      expectNoLeaks(res);
      expect(strictLogs.withRequestId(id)).toHaveLength(1);
      expect(strictLogs.lines.join('\n')).not.toContain(SECRET);
    });

    it('validation errors: 400, each error as Mercurius sends it with the ID, nothing logged at error', async () => {
      const res = await post(app, '{ nope alsoNope }').expect(400);
      expectNoLeaks(res);
      const id = res.headers['x-request-id'] as string;
      expect(res.body.data).toBeNull();
      expect(
        res.body.errors.map((e: { message: string }) => e.message),
      ).toEqual([
        'Cannot query field "nope" on type "Query".',
        'Cannot query field "alsoNope" on type "Query".',
      ]);
      for (const e of res.body.errors)
        expect(e.extensions).toEqual({ requestId: id });
      expect(logs.withRequestId(id).filter((l) => l.level === 'error')).toEqual(
        [],
      );
    });

    it("wrote the secret nowhere else: not in Nest's logger, stdout or stderr", () => {
      expect(nestLines.lines.length).toBeGreaterThan(0);
      expect(JSON.stringify(nestLines.lines)).not.toContain(SECRET);
      expect(output.text()).not.toContain(SECRET);
    });
  },
);

describe('control: Mercurius without SafeGraphQL', () => {
  let app: INestApplication;
  beforeAll(async () => {
    ({ app } = await bootMercurius({ opaqueServerErrors: true }, false));
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends the secret of a 5xx HttpException and of a field resolver', async () => {
    expect(JSON.stringify((await post(app, '{ serverHttp }')).body)).toContain(
      SECRET,
    );
    expect(
      JSON.stringify((await post(app, '{ orders { note } }')).body),
    ).toContain(SECRET);
  });
});
