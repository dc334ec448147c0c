import express from 'express';
import Fastify from 'fastify';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server started in this process for the audit to probe. */
export interface BareServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Express 5 as its quick start leaves it, in development mode: the JSON parser and two routes, one that
 * parses its id and one that reads a field of the body. Nothing here handles errors: Express does.
 */
export async function startExpressApp(): Promise<BareServer> {
  const app = express();
  app.set('env', 'development');
  app.use(express.json());
  app.get('/orders/:id', (req, res) => {
    res.json({ id: BigInt(req.params.id).toString() });
  });
  app.post('/orders/:id', (req, res) => {
    const body = req.body as { items: string[] };
    res.json({ items: body.items.map((item) => item.toUpperCase()) });
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fastify 5 with its defaults and the same two routes; its default error handler answers failures. */
export async function startFastifyApp(): Promise<BareServer> {
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/orders/:id', (req) => ({
    id: BigInt(req.params.id).toString(),
  }));
  app.post<{ Body: { items: string[] } }>('/orders/:id', (req) => ({
    items: req.body.items.map((item) => item.toUpperCase()),
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
