import { describe, expect, it } from 'vitest';
import { bootFixture, PLATFORMS, type Platform } from './utils/boot.js';
import { portOf, rawRequest } from './utils/raw-http.js';

/**
 * Answers given before Express, Fastify's router or Nest see the request: Node's parser (Express) or
 * Fastify's clientError handler. Nothing in the app can change them; they carry no request ID and leave no
 * log line, but they echo nothing of the request either.
 */
const EXPECTED: Record<Platform, { tooLarge: string; badLine: string }> = {
  express: {
    tooLarge:
      'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
    badLine: 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n',
  },
  fastify: {
    tooLarge:
      'HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 114\r\nContent-Type: application/json\r\n\r\n' +
      '{"error":"Request Header Fields Too Large","message":"Exceeded maximum allowed HTTP header size","statusCode":431}',
    badLine:
      'HTTP/1.1 400 Bad Request\r\nContent-Length: 65\r\nContent-Type: application/json\r\n\r\n' +
      '{"error":"Bad Request","message":"Client Error","statusCode":400}',
  },
};

describe.each(PLATFORMS)(
  'answers the platform gives by itself (%s)',
  (platform) => {
    it('a header over 16 KB: 431, exactly as measured, no ID, no log line', async () => {
      const booted = await bootFixture({}, platform);
      try {
        const raw = await rawRequest(
          portOf(booted.app.getHttpServer()),
          `GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        );
        expect(raw).toBe(EXPECTED[platform].tooLarge);
        expect(booted.logs.lines).toEqual([]);
      } finally {
        await booted.close();
      }
    });

    it('a malformed request line: 400, exactly as measured', async () => {
      const booted = await bootFixture({}, platform);
      try {
        const raw = await rawRequest(
          portOf(booted.app.getHttpServer()),
          'GARBAGE\r\n\r\n',
        );
        expect(raw).toBe(EXPECTED[platform].badLine);
      } finally {
        await booted.close();
      }
    });
  },
);
