import { Test } from '@nestjs/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  RedactingLogger,
  SafeErrorsModule,
  SafeErrorsOptionsError,
  type RedactingLoggerOptions,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { MemoryTransport } from '../utils/memory.transport.js';

describe('new RedactingLogger() checks its options as the module does', () => {
  it.each<[string, unknown, string]>([
    ['a level', { level: 'loud' }, 'logger.level'],
    [
      'a level beside a transport',
      { level: 'loud', transports: [new MemoryTransport()] },
      'logger.level',
    ],
    ['a format', { format: 'xml' }, 'logger.format'],
    ['an unknown option', { bogus: 1 }, 'logger.bogus'],
    ['empty transports', { transports: [] }, 'logger.transports'],
    [
      'a transport that is not one',
      { transports: [{}] },
      'logger.transports[0]',
    ],
    ['an instance that is not a logger', { instance: {} }, 'logger.instance'],
    [
      'instance with format',
      { instance: { log() {} }, format: 'json' },
      'logger.instance',
    ],
    ['a censor', { redact: { censor: 1 } }, 'redact.censor'],
    ['a pattern', { redact: { patterns: ['password'] } }, 'redact.patterns[0]'],
    ['an unknown redact option', { redact: { bogus: 1 } }, 'redact.bogus'],
  ])('refuses %s, naming the option', (_what, options, option) => {
    let thrown: unknown;
    try {
      new RedactingLogger(options as RedactingLoggerOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SafeErrorsOptionsError);
    const error = thrown as SafeErrorsOptionsError;
    expect(error.option).toBe(option);
    expect(error.message).toBe(
      `RedactingLogger: option "${option}" ${error.problem}`,
    );
  });

  it.each<[unknown, string]>([
    [{ level: 'loud' }, 'logger.level'],
    [{ format: 'xml' }, 'logger.format'],
    [{ transports: [{}] }, 'logger.transports[0]'],
    [{ bogus: 1 }, 'logger.bogus'],
  ])(
    'states the same problem for %j as SafeErrorsModule',
    async (logger, option) => {
      let standalone: SafeErrorsOptionsError | undefined;
      try {
        new RedactingLogger(logger as RedactingLoggerOptions);
      } catch (error) {
        standalone = error as SafeErrorsOptionsError;
      }
      await expect(
        Test.createTestingModule({
          imports: [
            SafeErrorsModule.forRoot({ logger } as SafeErrorsModuleOptions),
          ],
        }).compile(),
      ).rejects.toThrow(
        `SafeErrorsModule: option "${option}" ${standalone?.problem}`,
      );
    },
  );

  it('applies the defaults: info and above, as JSON', async () => {
    const t = new MemoryTransport();
    const logger = new RedactingLogger({ transports: [t] });
    logger.debug('not written');
    logger.log('written', { password: 'hunter2' });
    await vi.waitFor(() => expect(t.lines).toHaveLength(1));
    const record = JSON.parse(t.lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({
      level: 'info',
      message: 'written',
      password: '[REDACTED]',
    });
    await logger.close();
  });
});

describe("the caller's transports", () => {
  it('are wrapped, never changed: one transport serves two loggers, each line once', async () => {
    const shared = new MemoryTransport();
    const own = Object.keys(shared).sort();
    const a = new RedactingLogger({ transports: [shared] }, 'A');
    const b = new RedactingLogger({ transports: [shared] }, 'B');
    a.log('from a');
    b.log('from b');
    await vi.waitFor(() => expect(shared.lines).toHaveLength(2));
    expect(Object.hasOwn(shared, 'log')).toBe(false);
    expect(Object.keys(shared).sort()).toEqual(own);
    const records = shared
      .records()
      .map((r) => `${String(r.context)}: ${r.message}`);
    expect(records.sort((x, y) => x.localeCompare(y))).toEqual([
      'A: from a',
      'B: from b',
    ]);
    await a.close();
    await b.close();
  });

  it('keep the level and silence set on them, read when each line is written', async () => {
    const t = new MemoryTransport();
    const logger = new RedactingLogger({ transports: [t], level: 'debug' });
    t.level = 'warn';
    logger.log('dropped by the transport');
    logger.warn('kept');
    await vi.waitFor(() => expect(t.lines).toHaveLength(1));
    t.silent = true;
    logger.error('silenced');
    t.silent = false;
    t.level = 'debug';
    logger.debug('now kept');
    await vi.waitFor(() => expect(t.lines).toHaveLength(2));
    expect(t.records().map((r) => r.message)).toEqual(['kept', 'now kept']);
    await logger.close();
  });

  it('a transport whose log() throws loses its line, reports once, and the logger goes on', async () => {
    class FlakyTransport extends MemoryTransport {
      calls = 0;
      override log(info: unknown, next: () => void): unknown {
        if (++this.calls === 1) throw new Error('disk on fire');
        return super.log?.(info, next);
      }
    }
    const t = new FlakyTransport();
    const stderr = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    try {
      const logger = new RedactingLogger({ transports: [t] });
      logger.log('lost');
      logger.log('kept');
      logger.log('kept too');
      await vi.waitFor(() => expect(t.lines).toHaveLength(2));
      expect(t.records().map((r) => r.message)).toEqual(['kept', 'kept too']);
      const reports = stderr.mock.calls.filter((c) =>
        String(c[0]).includes('a log transport failed (Error: disk on fire)'),
      );
      expect(reports).toHaveLength(1);
      await logger.close();
    } finally {
      stderr.mockRestore();
    }
  });
});
