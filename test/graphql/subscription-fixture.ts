import type { INestApplication } from '@nestjs/common';
import { Query, Resolver, Subscription } from '@nestjs/graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** Subscriptions that fail after their first event, or in mapping an event; a graphql-ws client. */
export const SECRET = 'Sub-Planted-Secret-58';
export const ID = /^[0-9a-f]{16}$/;

export const typeDefs = `
  type Query { ping: String }
  type Subscription { streamFails: String, eventFails: String }
`;

async function* eventsThenFailure(): AsyncGenerator<{ streamFails: string }> {
  yield { streamFails: 'created' };
  await new Promise((resolve) => setTimeout(resolve, 5));
  throw new Error(`stream lost: postgres://admin:${SECRET}@db.internal/prod`);
}

async function* oneEvent(): AsyncGenerator<{ eventFails: string }> {
  yield { eventFails: 'created' };
}

@Resolver()
export class EventsResolver {
  @Query('ping')
  ping(): string {
    return 'pong';
  }

  @Subscription('streamFails')
  streamFails(): AsyncIterator<unknown> {
    return eventsThenFailure();
  }

  // Mapping an event fails: graphql-js puts the error in that event's result.
  @Subscription('eventFails', {
    resolve: () => {
      throw new Error(`event mapping failed, password=${SECRET}`);
    },
  })
  eventFails(): AsyncIterator<unknown> {
    return oneEvent();
  }
}

export interface Received {
  next: unknown[];
  errors: unknown[];
  completed: boolean;
}

export function subscribe(
  app: INestApplication,
  query: string,
): Promise<Received> {
  const { port } = app.getHttpServer().address() as { port: number };
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  const received: Received = { next: [], errors: [], completed: false };
  return new Promise((resolve) => {
    const done = () => {
      void client.dispose();
      resolve(received);
    };
    client.subscribe(
      { query },
      {
        next: (value) => received.next.push(value),
        error: (error) => {
          received.errors.push(error);
          done();
        },
        complete: () => {
          received.completed = true;
          done();
        },
      },
    );
  });
}
