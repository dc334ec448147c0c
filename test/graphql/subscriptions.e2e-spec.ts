import type { INestApplication } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { SafeErrorsModule, SafeGraphQL } from 'nestjs-safe-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, PLATFORMS, type Platform } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';
import {
  EventsResolver,
  ID,
  SECRET,
  subscribe,
  typeDefs,
} from './subscription-fixture.js';
import { useNodeEnv } from './graphql-fixture.js';

describe.each(['unset', 'development', 'production'])(
  'NODE_ENV %s',
  (nodeEnv) => {
    useNodeEnv(nodeEnv);

    describe.each(PLATFORMS)(
      'subscriptions over graphql-ws (%s)',
      (platform: Platform) => {
        let app: INestApplication;
        let logs: MemoryTransport;
        let bare: INestApplication;
        beforeAll(async () => {
          const boot = async (integrated: boolean) => {
            const transport = new MemoryTransport();
            const options = { typeDefs, subscriptions: { 'graphql-ws': true } };
            const booted = await bootApp(
              {
                imports: [
                  SafeErrorsModule.forRoot({
                    logger: { transports: [transport] },
                  }),
                  integrated
                    ? GraphQLModule.forRootAsync<ApolloDriverConfig>({
                        driver: ApolloDriver,
                        inject: [SafeGraphQL],
                        useFactory: (safe: SafeGraphQL) => safe.apollo(options),
                      })
                    : GraphQLModule.forRoot<ApolloDriverConfig>({
                        driver: ApolloDriver,
                        ...options,
                      }),
                ],
                providers: [EventsResolver],
              },
              { platform },
            );
            return { booted, transport };
          };
          ({ booted: app, transport: logs } = await boot(true));
          ({ booted: bare } = await boot(false));
        });
        afterAll(async () => {
          await app.close();
          await bare.close();
        });

        it('a stream failing after its first event: the event, then one opaque error with an ID, logged once', async () => {
          const got = await subscribe(
            app,
            'subscription Watch { streamFails }',
          );
          expect(got.next).toEqual([{ data: { streamFails: 'created' } }]);
          expect(got.errors).toEqual([
            [
              {
                message: 'Internal server error',
                extensions: {
                  code: 'INTERNAL_SERVER_ERROR',
                  requestId: expect.stringMatching(ID),
                },
              },
            ],
          ]);
          const id = (
            got.errors[0] as { extensions: { requestId: string } }[]
          )[0]!.extensions.requestId;
          const lines = logs.withRequestId(id);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatchObject({
            level: 'error',
            transport: 'graphql',
            operationName: 'Watch',
            error: {
              message:
                'stream lost: postgres://admin:[REDACTED]@db.internal/prod',
            },
          });
          expect(logs.lines.join('\n')).not.toContain(SECRET);
        });

        it('an event whose mapping fails: the event carries the opaque error with its path', async () => {
          const got = await subscribe(app, 'subscription Map { eventFails }');
          expect(got.next).toEqual([
            {
              data: { eventFails: null },
              errors: [
                {
                  message: 'Internal server error',
                  locations: [{ line: 1, column: 20 }],
                  path: ['eventFails'],
                  extensions: {
                    code: 'INTERNAL_SERVER_ERROR',
                    requestId: expect.stringMatching(ID),
                  },
                },
              ],
            },
          ]);
          expect(got.completed).toBe(true);
          expect(JSON.stringify(got)).not.toContain(SECRET);
          expect(logs.lines.join('\n')).not.toContain(SECRET);
        });

        it('control: without SafeGraphQL both secrets reach the client', async () => {
          const stream = await subscribe(bare, 'subscription { streamFails }');
          expect(JSON.stringify(stream.errors)).toContain(SECRET);
          const event = await subscribe(bare, 'subscription { eventFails }');
          expect(JSON.stringify(event.next)).toContain(SECRET);
        });
      },
    );
  },
);
