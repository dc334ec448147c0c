import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectNothingLeaked, failureRecord } from './utils/assertions.js';
import { bootFixture, PLATFORMS } from './utils/boot.js';

describe.each(PLATFORMS)(
  'opaqueServerErrors and problemDetails (%s)',
  (platform) => {
    it('opaqueServerErrors hides a 5xx HttpException message, keeps its status, logs it once', async () => {
      const booted = await bootFixture({ opaqueServerErrors: true }, platform);
      try {
        const http = request(booted.app.getHttpServer());
        const res = await http.get('/http/server-error');
        const requestId = res.headers['x-request-id'] as string;
        expect(res.status).toBe(500);
        expect(res.text).toBe(
          JSON.stringify({
            statusCode: 500,
            message: 'Internal server error',
            requestId,
          }),
        );
        expect(res.text).not.toContain('try later');
        const record = await failureRecord(booted.logs, requestId);
        expect((record.error as { message: string }).message).toBe(
          'Service unavailable, try later',
        );
        // 4xx HttpExceptions are untouched.
        const notFound = await http.get('/http/not-found');
        expect(notFound.body).toEqual({
          message: 'Order 7 not found',
          error: 'Not Found',
          statusCode: 404,
        });
      } finally {
        await booted.close();
      }
    });

    it('opaqueServerErrors keeps a 503 a 503 with its reason phrase', async () => {
      const booted = await bootFixture({ opaqueServerErrors: true }, platform);
      try {
        const res = await request(booted.app.getHttpServer()).get(
          '/http/unavailable',
        );
        const requestId = res.headers['x-request-id'] as string;
        expect(res.status).toBe(503);
        expect(res.text).toBe(
          JSON.stringify({
            statusCode: 503,
            message: 'Service Unavailable',
            requestId,
          }),
        );
        expectNothingLeaked(res);
      } finally {
        await booted.close();
      }
    });

    it('problemDetails writes opaque answers as RFC 9457 problems; HttpExceptions stay unchanged', async () => {
      const booted = await bootFixture({ problemDetails: true }, platform);
      try {
        const http = request(booted.app.getHttpServer());
        const res = await http.get('/fail/error');
        const requestId = res.headers['x-request-id'] as string;
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(
          /^application\/problem\+json/,
        );
        expect(res.headers['cache-control']).toBe('no-store');
        expect(JSON.parse(res.text)).toEqual({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          requestId,
        });
        expectNothingLeaked(res);
        const notFound = await http.get('/http/not-found');
        expect(notFound.headers['content-type']).toMatch(/^application\/json/);
        expect(notFound.body).toEqual({
          message: 'Order 7 not found',
          error: 'Not Found',
          statusCode: 404,
        });
      } finally {
        await booted.close();
      }
    });

    it('both together: a 5xx HttpException becomes a problem', async () => {
      const booted = await bootFixture(
        { opaqueServerErrors: true, problemDetails: true },
        platform,
      );
      try {
        const res = await request(booted.app.getHttpServer()).get(
          '/http/unavailable',
        );
        expect(res.status).toBe(503);
        expect(JSON.parse(res.text)).toEqual({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          requestId: res.headers['x-request-id'],
        });
      } finally {
        await booted.close();
      }
    });
  },
);
