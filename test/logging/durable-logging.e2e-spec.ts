import { tmpdir } from 'node:os';
import { RedactingLogger } from 'nestjs-safe-errors';
import winston from 'winston';
import request from 'supertest';
import TransportStream from 'winston-transport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, PLATFORMS } from '../utils/boot.js';
import { fixtureModule } from '../app/fixture.module.js';

const MESSAGE = Symbol.for('message');

/**
 * Writes one line every `ms`, one after another, as a transport to a remote collector that cannot keep
 * up. (winston hands a transport its batched lines all at once, so the pacing is the transport's own.)
 */
class PacedTransport extends TransportStream {
  readonly lines: string[] = [];
  private chain: Promise<void> = Promise.resolve();
  constructor(private readonly ms: number) {
    super();
  }
  override log(info: Record<symbol, unknown>, next: () => void): void {
    this.chain = this.chain.then(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            this.lines.push(String(info[MESSAGE]));
            next();
            resolve();
          }, this.ms),
        ),
    );
  }
}

function captureStderr(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation(((
    chunk: string | Uint8Array,
  ) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stderr.write);
  return { text: () => chunks.join('') };
}

/** The counts stderr gave for lines lost at close and lines dropped from a full queue. */
function reported(stderr: string): { lost: number; dropped: number } {
  const sum = (re: RegExp) =>
    [...stderr.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return {
    lost: sum(
      /nestjs-safe-errors: (\d+) log lines? (?:was|were) not yet written/g,
    ),
    dropped: sum(/nestjs-safe-errors: (\d+) log lines? (?:was|were) dropped/g),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(PLATFORMS)('no line lost without saying so (%s)', (platform) => {
  it('2,000 failures on a 20 ms/line transport, then app.close(): every line is written or counted on stderr', async () => {
    const transport = new PacedTransport(20);
    const app = await bootApp(
      {
        imports: [
          fixtureModule({
            logger: { transports: [transport], closeTimeoutMs: 1_000 },
          }),
        ],
      },
      { platform },
    );
    const http = request(app.getHttpServer());
    for (let i = 0; i < 2_000; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, () => http.get('/fail/error').expect(500)),
      );
    const stderr = captureStderr();
    await app.close();
    const { lost, dropped } = reported(stderr.text());
    expect(dropped).toBe(0);
    expect(lost).toBeGreaterThan(0);
    // Settle the lines in flight when the count was taken.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transport.lines.length + lost).toBeGreaterThanOrEqual(2_000);
    // Lines the transport had already been handed are counted and may still be written after: at most
    // one of winston's batches (its stream's high-water mark, 16 lines).
    expect(transport.lines.length + lost).toBeLessThanOrEqual(2_016);
  }, 60_000);
});

describe('RedactingLogger: bounded queue and close', () => {
  it('writes every queued line on close() when the transport drains in time, and says nothing', async () => {
    const transport = new PacedTransport(0);
    const logger = new RedactingLogger({
      transports: [transport],
      closeTimeoutMs: 10_000,
    });
    const stderr = captureStderr();
    for (let i = 0; i < 2_000; i++) logger.log(`line ${i}`);
    await logger.close();
    expect(transport.lines).toHaveLength(2_000);
    expect(JSON.parse(transport.lines[1_999]!)).toMatchObject({
      message: 'line 1999',
    });
    expect(stderr.text()).toBe('');
  });

  it('keeps at most maxQueuedLines waiting: newer lines are dropped and their count reported', async () => {
    const transport = new PacedTransport(5);
    const logger = new RedactingLogger({
      transports: [transport],
      maxQueuedLines: 100,
      closeTimeoutMs: 10_000,
    });
    const stderr = captureStderr();
    for (let i = 0; i < 1_000; i++) logger.log(`line ${i}`);
    await logger.close();
    const { lost, dropped } = reported(stderr.text());
    expect(lost).toBe(0);
    expect(transport.lines.length).toBeLessThanOrEqual(101);
    expect(transport.lines.length + dropped).toBe(1_000);
    // The oldest lines are the ones kept.
    expect(JSON.parse(transport.lines[0]!)).toMatchObject({
      message: 'line 0',
    });
    // Reported when the first line was dropped, then the rest at close: not once per line.
    expect(
      stderr.text().split('\n').filter(Boolean).length,
    ).toBeLessThanOrEqual(2);
  });

  // Over 16 KB of text a line (the message is cut there), in words a scanner leaves alone.
  const big = (i: number) => `line ${i} ${'lorem ipsum '.repeat(1_700)}`;

  it('keeps at most maxQueuedBytes of text waiting: newer lines are dropped and their count reported', async () => {
    const transport = new PacedTransport(5);
    const logger = new RedactingLogger({
      transports: [transport],
      maxQueuedBytes: 200_000,
      closeTimeoutMs: 10_000,
    });
    const stderr = captureStderr();
    for (let i = 0; i < 200; i++) logger.log(big(i));
    await logger.close();
    const { lost, dropped } = reported(stderr.text());
    expect(lost).toBe(0);
    const written = transport.lines.map((l) => l.length);
    // What waited at once never passed the bound: ten 20 KB lines at most.
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(written.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200_000);
    expect(written.length + dropped).toBe(200);
    expect(JSON.parse(transport.lines[0]!).message).toMatch(/^line 0 lorem/);
    expect(stderr.text()).toMatch(/logger\.maxQueuedBytes/);
  });

  it('takes a line longer than maxQueuedBytes when no other line waits', async () => {
    const transport = new PacedTransport(0);
    const logger = new RedactingLogger({
      transports: [transport],
      maxQueuedBytes: 1_000,
    });
    const stderr = captureStderr();
    logger.log(big(1));
    await logger.close();
    expect(transport.lines).toHaveLength(1);
    expect(stderr.text()).toBe('');
  });

  it('lines a transport skips by its level do not fill the byte bound', async () => {
    // 5,000 lines of 20 KB, each skipped by the 'error' transport: 100 MB that never waited.
    const transport = new PacedTransport(0);
    transport.level = 'error';
    const logger = new RedactingLogger({
      transports: [transport],
      maxQueuedBytes: 1_000_000,
    });
    const stderr = captureStderr();
    for (let i = 0; i < 5_000; i++) logger.log(big(i));
    logger.error('still written');
    await logger.close();
    expect(transport.lines.map((l) => JSON.parse(l).message)).toEqual([
      'still written',
    ]);
    expect(stderr.text()).toBe('');
  });

  it.each([
    ['closeTimeoutMs', 0],
    ['maxQueuedBytes', 0],
    ['maxQueuedLines', 1.5],
    ['maxQueuedLines', '10'],
  ])('refuses %s: %s', (option, value) => {
    expect(() => new RedactingLogger({ [option]: value })).toThrow(
      `logger.${option}`,
    );
  });
});

describe("winston's File transport, whose stream errors winston swallows", () => {
  it.each([
    ['a full disk (/dev/full)', () => '/dev/full', /ENOSPC/],
    ['a path that is a directory', () => tmpdir(), /EISDIR/],
  ])(
    '%s is reported once on stderr with its cause',
    async (_name, filename, cause) => {
      const stderr = captureStderr();
      const logger = new RedactingLogger({
        transports: [new winston.transports.File({ filename: filename() })],
      });
      for (let i = 0; i < 20; i++) logger.error(`line ${i}`);
      await vi.waitFor(() => expect(stderr.text()).toMatch(cause));
      const reports = stderr
        .text()
        .split('\n')
        .filter((l) =>
          l.startsWith('nestjs-safe-errors: a log transport failed'),
        );
      expect(reports).toHaveLength(1);
      await logger.close();
    },
  );
});
