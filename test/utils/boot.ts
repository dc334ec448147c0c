import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { SafeErrorsModuleOptions } from 'nestjs-safe-errors';
import { fixtureModule } from '../app/fixture.module.js';
import { MemoryTransport } from './memory.transport.js';

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
): Promise<BootedApp> {
  const logs = new MemoryTransport();
  const nestLogs = new NestLogRecorder();
  const options =
    safeErrors === false
      ? false
      : { ...safeErrors, logger: { transports: [logs], ...safeErrors.logger } };
  const moduleRef = await Test.createTestingModule({
    imports: [fixtureModule(options)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: nestLogs });
  await app.listen(0, '127.0.0.1');
  return { app, logs, nestLogs, close: () => app.close() };
}
