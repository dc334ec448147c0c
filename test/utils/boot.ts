import type {
  INestApplication,
  LoggerService,
  ModuleMetadata,
} from '@nestjs/common';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { SafeErrorsModuleOptions } from 'nestjs-safe-errors';
import { fixtureModule } from '../app/fixture.module.js';
import { MemoryTransport } from './memory.transport.js';

/** The HTTP platforms every e2e suite runs on. */
export const PLATFORMS = ['express', 'fastify'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Records what Nest's own logger would print (e.g. its ExceptionsHandler lines). */
export class NestLogRecorder implements LoggerService {
  readonly lines: { level: string; message: unknown; params: unknown[] }[] = [];
  log(message: unknown, ...params: unknown[]): void {
    this.lines.push({ level: 'log', message, params });
  }
  error(message: unknown, ...params: unknown[]): void {
    this.lines.push({ level: 'error', message, params });
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.lines.push({ level: 'warn', message, params });
  }
}

export interface BootOptions {
  platform?: Platform;
  logger?: LoggerService | false;
  fastify?: ConstructorParameters<typeof FastifyAdapter>[0];
}

/** Compiles a testing module and serves it on a random loopback port. */
export async function bootApp(
  metadata: ModuleMetadata,
  { platform = 'express', logger = false, fastify = {} }: BootOptions = {},
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule(metadata).compile();
  let app: INestApplication;
  if (platform === 'fastify') {
    const fastifyApp = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter(fastify),
      { logger },
    );
    await fastifyApp.init();
    await fastifyApp.getHttpAdapter().getInstance().ready();
    app = fastifyApp;
  } else {
    app = moduleRef.createNestApplication({ logger });
  }
  await app.listen(0, '127.0.0.1');
  return app;
}

export interface BootedApp {
  app: INestApplication;
  logs: MemoryTransport;
  nestLogs: NestLogRecorder;
  close(): Promise<void>;
}

/**
 * Boots the fixture app on a real socket. With `safeErrors: false` it is the same app on Nest's defaults.
 */
export async function bootFixture(
  safeErrors: SafeErrorsModuleOptions | false = {},
  platform: Platform = 'express',
  fastify: BootOptions['fastify'] = {},
): Promise<BootedApp> {
  const logs = new MemoryTransport();
  const nestLogs = new NestLogRecorder();
  const options =
    safeErrors === false
      ? false
      : { ...safeErrors, logger: { transports: [logs], ...safeErrors.logger } };
  const app = await bootApp(
    { imports: [fixtureModule(options)] },
    { platform, logger: nestLogs, fastify },
  );
  return { app, logs, nestLogs, close: () => app.close() };
}
