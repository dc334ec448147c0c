import type { INestApplication } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import {
  SafeErrorsModule,
  SafeGraphQL,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { expectNoLeaks, findLeaks } from 'nestjs-safe-errors/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootApp,
  NestLogRecorder,
  PLATFORMS,
  type Platform,
} from '../utils/boot.js';
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

function graphqlModule(integrated: boolean) {
  return integrated
    ? GraphQLModule.forRootAsync<ApolloDriverConfig>({
        driver: ApolloDriver,
        inject: [SafeGraphQL],
        useFactory: (safe: SafeGraphQL) => safe.apollo({ typeDefs }),
      })
    : GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        typeDefs,
      });
}

// What Nest's own logger would have printed, for every app of this file.
const nestLines = new NestLogRecorder();

async function bootGraphQL(
  platform: Platform,
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
        graphqlModule(integrated),
      ],
      providers: [QueryResolver, OrderResolver],
    },
    { platform, logger: integrated ? nestLines : false },
  );
  return { app, logs };
}

// Apollo puts stacks in extensions unless NODE_ENV is production (or test, which vitest sets).
describe.each(['unset', 'development', 'production'])(
  'NODE_ENV %s',
  (nodeEnv) => {
    useNodeEnv(nodeEnv);

    describe.each(PLATFORMS)('Apollo with SafeGraphQL (%s)', (platform) => {
      let app: INestApplication;
      let logs: MemoryTransport;
      let strict: INestApplication;
      let strictLogs: MemoryTransport;
      const output = captureOutput();
      afterAll(() => output.restore());
      beforeAll(async () => {
        ({ app, logs } = await bootGraphQL(platform, {}));
        ({ app: strict, logs: strictLogs } = await bootGraphQL(platform, {
          opaqueServerErrors: true,
        }));
      });
      afterAll(async () => {
        await app.close();
        await strict.close();
      });

      it('a root resolver failure: opaque with the ID of the header and the log line, logged once with path and operation', async () => {
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
          transport: 'graphql',
          path: 'boom',
          operationName: 'Checkout',
          error: {
            message: 'db down: postgres://admin:[REDACTED]@db.internal/prod',
          },
        });
        expect(logs.lines.join('\n')).not.toContain(SECRET);
      });

      it('field resolvers, inside a list: each failure opaque and logged once with its path', async () => {
        const res = await post(
          app,
          'query Orders { orders { id note } }',
        ).expect(200);
        const id = res.headers['x-request-id'] as string;
        expect(res.body.data).toEqual({
          orders: [
            { id: '1', note: null },
            { id: '2', note: null },
          ],
        });
        expect(res.body.errors).toEqual([
          opaque(['orders', 0, 'note'], id),
          opaque(['orders', 1, 'note'], id),
        ]);
        expect(JSON.stringify(res.body)).not.toContain(SECRET);
        expectNoLeaks(res);
        const lines = logs.withRequestId(id);
        expect(
          lines.map((l) => String(l.path)).sort((a, b) => a.localeCompare(b)),
        ).toEqual(['orders.0.note', 'orders.1.note']);
        expect(
          lines.every(
            (l) =>
              l.operationName === 'Orders' &&
              l.method === 'POST' &&
              l.url === '/graphql',
          ),
        ).toBe(true);
        expect(logs.lines.join('\n')).not.toContain(SECRET);
      });

      it("a 4xx HttpException keeps Nest GraphQL's shape, with the ID and without a stack", async () => {
        const res = await post(app, '{ notFound(id: "42") }').expect(200);
        expectNoLeaks(res);
        const id = res.headers['x-request-id'] as string;
        const [error] = res.body.errors;
        expect(error.message).toBe('no order 42');
        expect(error.extensions).toEqual({
          code: 'INTERNAL_SERVER_ERROR',
          status: 404,
          originalError: {
            message: 'no order 42',
            error: 'Not Found',
            statusCode: 404,
          },
          requestId: id,
        });
        expect(
          logs.withRequestId(id).filter((l) => l.level === 'error'),
        ).toEqual([]);
      });

      it('a 5xx HttpException goes out as Nest shows it (no stack) and is logged at error, redacted', async () => {
        const res = await post(app, '{ serverHttp }').expect(200);
        const id = res.headers['x-request-id'] as string;
        expect(res.body.errors[0].extensions.requestId).toBe(id);
        expect(res.body.errors[0].extensions).not.toHaveProperty('stacktrace');
        const lines = logs.withRequestId(id);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({
          level: 'error',
          path: 'serverHttp',
          statusCode: 500,
        });
        expect(logs.lines.join('\n')).not.toContain(SECRET);
      });

      it('with opaqueServerErrors, a 5xx HttpException is opaque too, and logged once', async () => {
        const res = await post(strict, '{ serverHttp }').expect(200);
        const id = res.headers['x-request-id'] as string;
        expect(res.body.errors).toEqual([opaque(['serverHttp'], id)]);
        expectNoLeaks(res);
        expect(strictLogs.withRequestId(id)).toHaveLength(1);
        expect(strictLogs.lines.join('\n')).not.toContain(SECRET);
      });

      it('a validation error keeps its message and code, gains the ID, loses the stack, and is not logged as a failure', async () => {
        const res = await post(app, '{ nope }').expect(400);
        expectNoLeaks(res);
        const id = res.headers['x-request-id'] as string;
        expect(res.body.errors).toEqual([
          {
            message: 'Cannot query field "nope" on type "Query".',
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId: id },
          },
        ]);
        expect(
          logs.withRequestId(id).filter((l) => l.level === 'error'),
        ).toEqual([]);
      });

      it("the same IDs under concurrency: each response carries its own request's ID", async () => {
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => post(app, '{ boom }')),
        );
        for (const res of responses) {
          const id = res.headers['x-request-id'] as string;
          expect(res.body.errors[0].extensions.requestId).toBe(id);
          expect(logs.withRequestId(id)).toHaveLength(1);
        }
      });

      it("wrote the secret nowhere else: not in Nest's logger, stdout or stderr", () => {
        // Nest did write through the recorder (its boot lines), just nothing secret.
        expect(nestLines.lines.length).toBeGreaterThan(0);
        expect(JSON.stringify(nestLines.lines)).not.toContain(SECRET);
        expect(output.text()).not.toContain(SECRET);
      });
    });
  },
);

// What the integration changes: bare Nest GraphQL in development, with the module but without SafeGraphQL.
describe.each(PLATFORMS)(
  'control: Apollo without SafeGraphQL (%s)',
  (platform) => {
    useNodeEnv('development');
    let app: INestApplication;
    beforeAll(async () => {
      ({ app } = await bootGraphQL(
        platform,
        { opaqueServerErrors: true },
        false,
      ));
    });
    afterAll(async () => {
      await app.close();
    });

    it('leaks the secret of a 5xx HttpException and of a field resolver, with stacks', async () => {
      const server = await post(app, '{ serverHttp }');
      expect(JSON.stringify(server.body)).toContain(SECRET);
      const field = await post(app, '{ orders { note } }');
      expect(JSON.stringify(field.body)).toContain(SECRET);
      expect(field.body.errors[0].extensions.stacktrace).toEqual(
        expect.any(Array),
      );
      // The same check the integrated app passes finds the leaks here.
      expect(findLeaks(field).length).toBeGreaterThan(0);
      expect(findLeaks(server).length).toBeGreaterThan(0);
    });
  },
);
