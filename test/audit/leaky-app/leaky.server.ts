import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeakyAppModule } from './leaky.module.js';

/** The leaky app on a real socket, with the number of connections and requests it received. */
export interface LeakyServer {
  readonly baseUrl: string;
  readonly received: { connections: number; requests: number };
  close(): Promise<void>;
}

/** Boots the leaky app on 127.0.0.1 and an ephemeral port. */
export async function startLeakyApp(): Promise<LeakyServer> {
  const moduleRef = await Test.createTestingModule({
    imports: [LeakyAppModule],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const received = { connections: 0, requests: 0 };
  // Counted on the socket, so requests Node rejects before Express (431) count too.
  server.on('connection', () => received.connections++);
  server.on('request', () => received.requests++);
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => app.close(),
  };
}
