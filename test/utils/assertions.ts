import type { Response } from 'supertest';
import { expect, vi } from 'vitest';
import { PLANTED } from '../app/planted-secrets.js';
import type { LogRecord, MemoryTransport } from './memory.transport.js';

const ID = /^[0-9a-f]{16}$/;

/** Signs of internals a client must never see. */
const LEAK_SIGNS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\bat (?:file:\/\/|\/)/],
  ['absolute path', /(?:\/work\/|\/home\/|\/usr\/|node_modules|file:\/\/)/],
  [
    'exception type',
    /\b(?:TypeError|RangeError|ReferenceError|QueryFailedError|Error:)/,
  ],
  ['SQL', /\bSELECT\b|\bFROM orders\b/i],
];

/** Nothing of an error crosses to the client: no stack, path, type name, SQL, nor any planted secret. */
export function expectNothingLeaked(res: Response): void {
  const visible = `${JSON.stringify(res.headers)}\n${res.text ?? ''}`;
  for (const [what, pattern] of LEAK_SIGNS) {
    expect(visible, `response shows a ${what}`).not.toMatch(pattern);
  }
  for (const secret of Object.values(PLANTED)) {
    expect(visible).not.toContain(secret);
  }
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** The exact opaque 500: fixed body, ID in body equal to the header, no caching. */
export function expectOpaque500(
  res: Response,
  header = 'x-request-id',
  idPattern = ID,
): string {
  expect(res.status).toBe(500);
  const requestId = res.headers[header];
  expect(requestId).toMatch(idPattern);
  expect(res.text).toBe(
    JSON.stringify({
      statusCode: 500,
      message: 'Internal server error',
      requestId,
    }),
  );
  expect(res.headers['content-type']).toMatch(/^application\/json\b/);
  expect(res.headers['cache-control']).toBe('no-store');
  expectNothingLeaked(res);
  return requestId as string;
}

/** Waits for the one error record of a request and returns it. */
export async function failureRecord(
  logs: MemoryTransport,
  requestId: string,
): Promise<LogRecord> {
  await vi.waitFor(() =>
    expect(logs.withRequestId(requestId).length).toBeGreaterThan(0),
  );
  const records = logs
    .withRequestId(requestId)
    .filter((r) => r.level === 'error');
  expect(records).toHaveLength(1);
  return records[0]!;
}
