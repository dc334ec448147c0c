import request from 'supertest';
import TransportStream from 'winston-transport';
import { describe, expect, it, vi } from 'vitest';
import { expectOpaque500 } from './utils/assertions.js';
import { bootFixture, PLATFORMS } from './utils/boot.js';

const MESSAGE = Symbol.for('message');

class ThrowingTransport extends TransportStream {
  override log(): void {
    throw new Error('disk full');
  }
}

class ErroringTransport extends TransportStream {
  override log(_info: unknown, next: () => void): void {
    setImmediate(() => this.emit('error', new Error('connection reset')));
    next();
  }
}

/** Acknowledges each line late, as a network transport does. */
class SlowTransport extends TransportStream {
  readonly lines: string[] = [];
  override log(info: Record<symbol, unknown>, next: () => void): void {
    setTimeout(() => {
      this.lines.push(String(info[MESSAGE]));
      next();
    }, 30);
  }
}

function captureStderr() {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((
    chunk: string | Uint8Array,
  ) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stderr.write);
  return { chunks, restore: () => spy.mockRestore() };
}

describe.each(PLATFORMS)(
  'logger failures never reach the client or the process (%s)',
  (platform) => {
    it.each([
      ['a transport whose log() throws', () => new ThrowingTransport()],
      ['a transport that emits error', () => new ErroringTransport()],
    ])(
      '%s: every request still gets its 500; reported once on stderr',
      async (_what, make) => {
        const stderr = captureStderr();
        const booted = await bootFixture(
          { logger: { transports: [make()] } },
          platform,
        );
        try {
          const http = request(booted.app.getHttpServer());
          for (let i = 0; i < 5; i++)
            expectOpaque500(await http.get('/fail/error'));
          expect((await http.get('/ok')).status).toBe(200);
          await new Promise((r) => setTimeout(r, 20));
          const reports = stderr.chunks.filter((c) =>
            c.includes('nestjs-safe-errors: a log transport failed'),
          );
          expect(reports).toHaveLength(1);
        } finally {
          stderr.restore();
          await booted.close();
        }
      },
    );
  },
);

describe.each(PLATFORMS)('shutdown (%s)', (platform) => {
  it('app.close() flushes every pending line', async () => {
    const slow = new SlowTransport();
    const booted = await bootFixture(
      { logger: { transports: [slow] } },
      platform,
    );
    const http = request(booted.app.getHttpServer());
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(expectOpaque500(await http.get('/fail/async')));
    // Some lines are still on their way when the app is asked to close.
    expect(slow.lines.length).toBeLessThan(ids.length);
    await booted.close();
    const logged = slow.lines.map(
      (l) => (JSON.parse(l) as { requestId?: string }).requestId,
    );
    for (const id of ids) expect(logged).toContain(id);
  });
});
