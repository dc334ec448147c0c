import { Test, type TestingModule } from '@nestjs/testing';
import { afterAll, beforeAll } from 'vitest';
import { SafeErrorsFilter, SafeErrorsModule } from 'nestjs-safe-errors';
import { MemoryTransport } from './memory.transport.js';

/**
 * The module's own filter, compiled once for the enclosing `describe` with its log lines kept in memory.
 * `filter()` is valid from the first test on.
 */
export function useModuleFilter(): {
  readonly logs: MemoryTransport;
  readonly filter: () => SafeErrorsFilter;
} {
  const logs = new MemoryTransport();
  let moduleRef: TestingModule;
  let filter: SafeErrorsFilter;
  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [SafeErrorsModule.forRoot({ logger: { transports: [logs] } })],
    }).compile();
    filter = moduleRef.get(SafeErrorsFilter);
  });
  afterAll(() => moduleRef.close());
  return { logs, filter: () => filter };
}
