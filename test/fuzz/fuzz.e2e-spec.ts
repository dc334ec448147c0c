import fc from 'fast-check';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpaque500 } from '../utils/assertions.js';
import { bootApp, PLATFORMS } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';
import { portOf, rawRequest } from '../utils/raw-http.js';
import { fuzzAppMetadata, ThrowSource } from './fuzz.app.js';
import { thrownValue } from './thrown-values.arbitrary.js';

/** `FUZZ_RUNS=50000 npm test` for a long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

// Characters a request target cannot carry raw.
// oxlint-disable-next-line no-control-regex -- control characters are exactly what is excluded
const UNSENDABLE = /[\s\u0000-\u001f\u007f?#]/;

const LEAK = [
  /\bat [\w.<>]+ \(|\bat (?:file:\/\/|\/)/,
  /(?:\/work\/|\/home\/|\/usr\/|node_modules|file:\/\/)/,
  /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|URIError)\b/,
];

describe.each(PLATFORMS)('fuzzing the error path (%s)', (platform) => {
  const logs = new MemoryTransport();
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await bootApp(fuzzAppMetadata(logs), { platform });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it(`any thrown value: the exact opaque 500, ID in header = body, no secret out, one log record each (${RUNS} runs)`, async () => {
    const source = app.get(ThrowSource);
    const seen: { requestId: string; secret: string }[] = [];
    await fc.assert(
      fc.asyncProperty(thrownValue, async ({ make, secret }) => {
        source.next = make;
        const res = await http.get('/throw');
        const requestId = expectOpaque500(res);
        expect(res.text).not.toContain(secret);
        seen.push({ requestId, secret });
      }),
      { numRuns: RUNS },
    );
    expect((await http.get('/ok')).status).toBe(200);
    await expect
      .poll(() => logs.lines.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(seen.length);
    const byId = new Map<string, string[]>();
    for (const line of logs.lines) {
      const id = (JSON.parse(line) as { requestId?: string }).requestId;
      if (id) byId.set(id, [...(byId.get(id) ?? []), line]);
    }
    for (const { requestId, secret } of seen) {
      const lines = byId.get(requestId) ?? [];
      expect(lines, `log records for ${requestId}`).toHaveLength(1);
      expect(lines[0]).not.toContain(secret);
    }
  });

  const method = fc.constantFrom(
    'GET',
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
    'OPTIONS',
  );
  const segment = fc.oneof(
    fc.constantFrom(
      'ok',
      'echo',
      'items',
      'throw-not',
      '%00',
      '%FF',
      '%E0%A4%A',
      '%2e%2e',
      '..',
      '%',
      '%%',
      '%zz',
    ),
    fc
      .string({ unit: 'grapheme', maxLength: 8 })
      .map((s) => encodeURIComponent(s)),
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
      .filter((s) => !UNSENDABLE.test(s)),
    fc.stringMatching(/^[0-9]{1,25}$/),
  );
  const path = fc
    .array(segment, { minLength: 1, maxLength: 5 })
    .map((parts) => `/${parts.join('/')}`);
  const body = fc.oneof(
    fc.json(),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '{"a":',
      '[[[[',
      '{"__proto__":{"x":1}}',
      'null',
      '"str"',
      '{"name":1,"quantity":"x"}',
    ),
  );
  const extraHeader = fc.oneof(
    fc.constant(''),
    fc.stringMatching(/^[A-Za-z0-9]{1,100}$/).map((v) => `X-Fuzz: ${v}\r\n`),
    fc
      .integer({ min: 8_000, max: 40_000 })
      .map((n) => `X-Huge: ${'h'.repeat(n)}\r\n`),
  );

  it(`random requests: no 5xx where a 4xx belongs, nothing internal in any answer, no crash (${RUNS} runs)`, async () => {
    const port = portOf(app.getHttpServer());
    await fc.assert(
      fc.asyncProperty(method, path, body, extraHeader, async (m, p, b, h) => {
        const payload = Buffer.from(b, 'utf8');
        const head =
          `${m} ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${h}` +
          `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`;
        const raw = await rawRequest(
          port,
          Buffer.concat([Buffer.from(head, 'utf8'), payload]),
        );
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
        expect(status, raw.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(status, raw.slice(0, 300)).toBeLessThan(500);
        for (const pattern of LEAK) expect(raw).not.toMatch(pattern);
      }),
      { numRuns: RUNS },
    );
    expect((await http.get('/ok')).status).toBe(200);
  });
});
