import {
  InternalServerErrorException,
  NotFoundException,
  type INestApplication,
} from '@nestjs/common';
import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import request from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';

/** A planted secret, and resolvers that fail on every road GraphQL has. */
export const SECRET = 'Gql-Planted-Secret-77';
const DSN = `postgres://admin:${SECRET}@db.internal/prod`;

export const typeDefs = `
  type Order { id: ID!, note: String }
  type Query {
    boom: String
    serverHttp: String
    notFound(id: ID!): String
    orders: [Order!]!
  }
`;

@Resolver()
export class QueryResolver {
  @Query('boom')
  boom(): string {
    throw new Error(`db down: ${DSN}`);
  }

  @Query('serverHttp')
  serverHttp(): string {
    throw new InternalServerErrorException(`DB failed: ${DSN}`);
  }

  @Query('notFound')
  notFound(@Args('id') id: string): string {
    throw new NotFoundException(`no order ${id}`);
  }

  @Query('orders')
  orders(): { id: string }[] {
    return [{ id: '1' }, { id: '2' }];
  }
}

// Nest skips filters on field resolvers by default (fieldResolverEnhancers): only the integration sees these.
@Resolver('Order')
export class OrderResolver {
  @ResolveField('note')
  note(): string {
    throw new Error(`note lookup failed, password=${SECRET}`);
  }
}

/** Sends one operation as a JSON POST. */
export function post(app: INestApplication, query: string) {
  return request(app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query });
}

export const opaque = (path: unknown[], requestId: string) => ({
  message: 'Internal server error',
  locations: expect.any(Array),
  path,
  extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
});

/** Everything the process writes to stdout and stderr from now on, still written through. */
export function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write.bind(s));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      chunks.push(String(chunk));
      return originals[i]!(chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    text: () => chunks.join(''),
    restore: () =>
      streams.forEach((stream, i) => {
        stream.write = originals[i]! as typeof stream.write;
      }),
  };
}

/** Runs the enclosing describe with NODE_ENV set to `value` ('unset': deleted), restored after it. */
export function useNodeEnv(value: string): void {
  const saved = process.env.NODE_ENV;
  beforeAll(() => {
    if (value === 'unset') delete process.env.NODE_ENV;
    else process.env.NODE_ENV = value;
  });
  afterAll(() => {
    process.env.NODE_ENV = saved;
  });
}
