import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootFixture, type BootedApp } from './utils/boot.js';
import { portOf } from './utils/raw-http.js';

// Tests for what mutation testing (npm run mutate:filter) found unguarded in lib/filter/. On Express,
// writing to a response whose headers are out throws, so an extra write shows up as a second log line.

/** A GET on `agent`: the response, and whether it went over a socket kept from an earlier request. */
function get(
  port: number,
  path: string,
  agent: Agent,
): Promise<{ res: IncomingMessage; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ res, body, reused: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a failure after the response started (express)', () => {
  let booted: BootedApp;
  let port: number;

  beforeAll(async () => {
    booted = await bootFixture({}, 'express');
    port = portOf(booted.app.getHttpServer());
  });
  afterAll(() => booted.close());

  /** The one failure line for `url`, and every line carrying its request ID. */
  async function linesFor(url: string) {
    await expect
      .poll(() => booted.logs.records().find((r) => r.url === url))
      .toBeDefined();
    // Give a second line (the answer's own failure) time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = booted.logs.records().find((r) => r.url === url)!;
    return booted.logs.withRequestId(first.requestId as string);
  }

  it.each([
    ['an Error after the body was complete', '/fail/after-send', 500],
    ['an Error mid-stream', '/fail/after-headers', 500],
    ['a 5xx HttpException mid-stream', '/fail/http-after-headers', 500],
  ])(
    '%s: one line, the connection closed, no second answer attempted',
    async (_what, url, status) => {
      const agent = new Agent({ keepAlive: false });
      await get(port, url, agent).catch(() => undefined);
      const lines = await linesFor(url);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'error',
        statusCode: status,
        message: expect.stringContaining(
          'after the response started; connection closed',
        ),
      });
      agent.destroy();
    },
  );

  it('a response that was complete keeps its keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(port, '/fail/after-send', agent);
      expect(first.res.statusCode).toBe(200);
      expect(first.body).toBe('complete body');
      // Time for a close of the connection, were there one, to reach the agent.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await get(port, '/ok', agent);
      expect(second.res.statusCode).toBe(200);
      expect(second.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
