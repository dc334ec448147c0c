import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { SafeErrorsModule, SafeGraphQL } from 'nestjs-safe-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';
import {
  EventsResolver,
  ID,
  SECRET,
  subscribe,
  typeDefs,
} from './subscription-fixture.js';

async function boot(
  integrated: boolean,
): Promise<{ app: INestApplication; logs: MemoryTransport }> {
  const logs = new MemoryTransport();
  const options = { typeDefs, subscription: true };
  const app = await bootApp(
    {
      imports: [
        SafeErrorsModule.forRoot({ logger: { transports: [logs] } }),
        integrated
          ? GraphQLModule.forRootAsync<MercuriusDriverConfig>({
              driver: MercuriusDriver,
              inject: [SafeGraphQL],
              useFactory: (safe: SafeGraphQL) => safe.mercurius(options),
            })
          : GraphQLModule.forRoot<MercuriusDriverConfig>({
              driver: MercuriusDriver,
              ...options,
            }),
      ],
      providers: [EventsResolver],
    },
    { platform: 'fastify' },
  );
  return { app, logs };
}

describe('Mercurius subscriptions with SafeGraphQL', () => {
  let app: INestApplication;
  let logs: MemoryTransport;
  let bare: INestApplication;
  beforeAll(async () => {
    ({ app, logs } = await boot(true));
    ({ app: bare } = await boot(false));
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
  });

  it('a stream failing after its first event: the event, then one opaque error with an ID, logged once', async () => {
    const got = await subscribe(app, 'subscription Watch { streamFails }');
    expect(got.next).toEqual([{ data: { streamFails: 'created' } }]);
    expect(got.errors).toHaveLength(1);
    const [error] = got.errors[0] as {
      message: string;
      extensions: { code: string; requestId: string };
    }[];
    expect(error).toMatchObject({
      message: 'Internal server error',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        requestId: expect.stringMatching(ID),
      },
    });
    const lines = logs.withRequestId(error!.extensions.requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      transport: 'graphql',
      path: 'streamFails',
      operationName: 'Watch',
    });
    expect(JSON.stringify(got)).not.toContain(SECRET);
    expect(logs.lines.join('\n')).not.toContain(SECRET);
  });

  it('an event whose mapping fails: the event carries the opaque error', async () => {
    const got = await subscribe(app, 'subscription Map { eventFails }');
    expect(JSON.stringify(got)).not.toContain(SECRET);
    const [event] = got.next as {
      errors: { message: string; extensions: { requestId: string } }[];
    }[];
    expect(event!.errors[0]!.message).toBe('Internal server error');
    const id = event!.errors[0]!.extensions.requestId;
    expect(id).toMatch(ID);
    expect(logs.withRequestId(id)).toHaveLength(1);
    expect(logs.lines.join('\n')).not.toContain(SECRET);
  });

  it('control: without SafeGraphQL the stream error reaches the client raw', async () => {
    const got = await subscribe(bare, 'subscription { streamFails }');
    expect(JSON.stringify(got)).toContain(SECRET);
  });
});
