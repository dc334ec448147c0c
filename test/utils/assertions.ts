import type { Response } from 'supertest';
import { expect, vi } from 'vitest';
import { expectNoLeaks } from 'nestjs-safe-errors/testing';
import { PLANTED } from '../app/planted-secrets.js';
import type { LogRecord, MemoryTransport } from './memory.transport.js';

const ID = /^[0-9a-f]{16}$/;

/**
 * Nothing of an error crosses to the client: the library's own audit finds no stack, path, type name, SQL,
 * banner or secret, and none of the planted secrets appears anywhere.
 */
export function expectNothingLeaked(res: Response): void {
  expectNoLeaks(res, { secrets: Object.values(PLANTED) });
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
