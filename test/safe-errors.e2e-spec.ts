import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED } from './app/planted-secrets.js';
import {
  expectNothingLeaked,
  expectOpaque500,
  failureRecord,
} from './utils/assertions.js';
import { bootFixture, PLATFORMS, type BootedApp } from './utils/boot.js';
import { NEST_MAJOR } from './utils/nest-version.js';

describe.each(PLATFORMS)(
  'SafeErrorsModule over a real socket (%s)',
  (platform) => {
    let booted: BootedApp;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      booted = await bootFixture({}, platform);
      http = request(booted.app.getHttpServer());
    });
    afterAll(() => booted.close());

    describe('unexpected failures become an opaque 500', () => {
      it.each([
        ['an Error with SQL and a connection string', '/fail/error', 'Error'],
        ['a TypeError', '/fail/type-error', 'TypeError'],
        ['an async rejection', '/fail/async', 'Error'],
        ['an rxjs error', '/fail/rxjs', 'Error'],
        ['a thrown string', '/fail/thrown/string', 'NonErrorThrown'],
        ['a thrown null', '/fail/thrown/null', 'NonErrorThrown'],
        ['a thrown undefined', '/fail/thrown/undefined', 'NonErrorThrown'],
        ['a thrown number', '/fail/thrown/number', 'NonErrorThrown'],
        ['a thrown plain object', '/fail/thrown/object', 'NonErrorThrown'],
        [
          'a plain {statusCode: 502} object',
          '/fail/thrown/status-object',
          'NonErrorThrown',
        ],
        [
          'an http-errors error with expose: true',
          '/fail/thrown/http-errors',
          'Error',
        ],
        ["an upstream client's 404", '/fail/thrown/upstream-client', 'Error'],
        ['an Error with getStatus()', '/fail/thrown/get-status', 'Error'],
        [
          'an Error whose getters throw',
          '/fail/thrown/throwing-getters',
          '[Unreadable]',
        ],
        ['a circular Error', '/fail/thrown/circular', 'Error'],
        ['an Error whose toJSON throws', '/fail/thrown/to-json', 'Error'],
        ['a Proxy whose every trap throws', '/fail/thrown/proxy', undefined],
        ['an Error in a guard', '/fail/guard', 'Error'],
        ['an Error in an interceptor', '/fail/interceptor', 'Error'],
        ['an Error in a pipe', '/fail/pipe/1', 'RangeError'],
        ['an Error in middleware', '/fail/middleware', 'Error'],
      ])('%s', async (_what, path, errorName) => {
        const res = await http.get(path);
        const requestId = expectOpaque500(res);
        const record = await failureRecord(booted.logs, requestId);
        expect(record).toMatchObject({
          level: 'error',
          statusCode: 500,
          method: 'GET',
          url: path,
        });
        if (errorName)
          expect((record.error as { name?: string }).name).toBe(errorName);
      });

      it('logs the full story once: stack, route, method, url, and secrets censored', async () => {
        const res = await http.get('/fail/error?page=2');
        const requestId = expectOpaque500(res);
        const record = await failureRecord(booted.logs, requestId);
        expect(record).toMatchObject({
          level: 'error',
          requestId,
          method: 'GET',
          url: '/fail/error?page=2',
          route: '/fail/error',
          statusCode: 500,
          context: 'SafeErrorsFilter',
        });
        expect(record.message).toBe('Unhandled Error on GET /fail/error');
        const error = record.error as {
          name: string;
          message: string;
          stack: string;
        };
        expect(error.name).toBe('Error');
        expect(error.stack).toMatch(/\n\s+at .*failures\.controller\.ts:\d+/);
        expect(error.message).toContain(PLANTED.sql);
        expect(error.message).toContain(
          'postgres://admin:[REDACTED]@db.internal:5432/app',
        );
        expect(error.message).toContain('password=[REDACTED]');
        expect(error.message).toContain('api_key=[REDACTED]');
        const line = JSON.stringify(record);
        expect(line).not.toContain(PLANTED.connectionPassword);
        expect(line).not.toContain(PLANTED.pairValue);
        expect(line).not.toContain(PLANTED.passwordValue);
      });

      it('cannot be made to forge a log line (CWE-117)', async () => {
        const forged = '\n{"level":"error","message":"forged"}\r\n';
        const before = booted.logs.lines.length;
        const res = await http.get(`/fail/echo/${encodeURIComponent(forged)}`);
        const record = await failureRecord(booted.logs, expectOpaque500(res));
        expect((record.error as { message: string }).message).toBe(
          `cannot handle ${forged}`,
        );
        const added = booted.logs.lines.slice(before);
        expect(added).toHaveLength(1);
        expect(added[0]).not.toMatch(/[\r\n]/);
        expect(booted.logs.records().some((r) => r.message === 'forged')).toBe(
          false,
        );
      });

      it('censors credential-like query values in the logged URL', async () => {
        const res = await http.get(
          '/fail/error?code=oauth-code-123&sig=abc&X-Amz-Signature=f00&page=2',
        );
        const record = await failureRecord(booted.logs, expectOpaque500(res));
        expect(record.url).toBe(
          '/fail/error?code=[REDACTED]&sig=[REDACTED]&X-Amz-Signature=[REDACTED]&page=2',
        );
      });

      it("logs Nest's IntrinsicException only at debug, as Nest does, and still answers opaquely", async () => {
        const res = await http.get('/fail/intrinsic');
        const requestId = expectOpaque500(res);
        // Lines are written in order: once a later failure's line is in, an earlier line would be too.
        await failureRecord(
          booted.logs,
          expectOpaque500(await http.get('/fail/error')),
        );
        expect(booted.logs.withRequestId(requestId)).toEqual([]);
      });

      it('names the signed-in user in the log, never in the response', async () => {
        const res = await http.get('/fail/as-user');
        const requestId = expectOpaque500(res);
        expect(res.text).not.toContain('u_7');
        const record = await failureRecord(booted.logs, requestId);
        expect(record.userId).toBe('u_7');
      });

      it("keeps Nest's own ExceptionsHandler silent: one record per failure", async () => {
        const before = booted.nestLogs.lines.length;
        const res = await http.get('/fail/type-error');
        await failureRecord(booted.logs, expectOpaque500(res));
        const nest = booted.nestLogs.lines.slice(before);
        expect(nest.filter((l) => l.level === 'error')).toEqual([]);
      });
    });

    describe('HttpExceptions pass through unchanged', () => {
      it.each([
        [
          '/http/not-found',
          404,
          { message: 'Order 7 not found', error: 'Not Found', statusCode: 404 },
        ],
        [
          '/http/unauthorized',
          401,
          { message: 'Unauthorized', statusCode: 401 },
        ],
        [
          '/http/forbidden',
          403,
          { message: 'Not your order', error: 'Forbidden', statusCode: 403 },
        ],
        [
          '/http/custom',
          402,
          { statusCode: 402, code: 'CARD_DECLINED', message: 'Card declined' },
        ],
        ['/http/string', 418, { statusCode: 418, message: 'I am a teapot' }],
        [
          '/http/with-cause',
          400,
          // Nest 11 leaves "error" out of a built-in exception's body when options are given.
          NEST_MAJOR < 12
            ? { message: 'Bad order', statusCode: 400 }
            : { message: 'Bad order', error: 'Bad Request', statusCode: 400 },
        ],
      ])('%s → %i with its own body', async (path, status, body) => {
        const res = await http.get(path);
        expect(res.status).toBe(status);
        expect(res.body).toEqual(body);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        expectNothingLeaked(res);
      });

      it('logs a 5xx HttpException at error with the request ID; a 4xx not above debug', async () => {
        const res = await http.get('/http/server-error');
        expect(res.status).toBe(500);
        expect(res.body).toEqual({
          message: 'Service unavailable, try later',
          error: 'Internal Server Error',
          statusCode: 500,
        });
        const record = await failureRecord(
          booted.logs,
          res.headers['x-request-id'] as string,
        );
        expect(record).toMatchObject({
          statusCode: 500,
          route: '/http/server-error',
        });

        const notFound = await http.get('/http/not-found');
        expect(notFound.status).toBe(404);
        // Lines are written in order: once a later failure's line is in, an earlier line would be too.
        await failureRecord(
          booted.logs,
          expectOpaque500(await http.get('/fail/error')),
        );
        expect(
          booted.logs.withRequestId(notFound.headers['x-request-id'] as string),
        ).toEqual([]);
      });

      it('answers a ValidationPipe 400 with its messages', async () => {
        const res = await http.post('/things').send({ name: 5, quantity: 0 });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          message: [
            'name must be a string',
            'quantity must not be less than 1',
          ],
          error: 'Bad Request',
          statusCode: 400,
        });
      });

      it('lets a redirect and a 200 through, each with a request ID', async () => {
        const redirect = await http.get('/redirect').redirects(0);
        expect(redirect.status).toBe(302);
        expect(redirect.headers.location).toBe('/ok');
        expect(redirect.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        const ok = await http.get('/ok');
        expect(ok.status).toBe(200);
        expect(ok.body).toEqual({ ok: true });
        expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        expect(ok.headers['x-powered-by']).toBeUndefined();
      });

      it("gives the ID before any of the app's own middleware runs", async () => {
        // The middleware sets a header and hands on; no route matches, so Nest answers 404.
        const seen = await http.get('/mw/seen');
        expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        expect(seen.headers['x-seen-request-id']).toBe(
          seen.headers['x-request-id'],
        );
        // A middleware that answers by itself still sends the ID.
        const denied = await http.get('/mw/deny');
        expect(denied.status).toBe(401);
        expect(denied.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      });

      it('gives errors raised before routing (malformed JSON) a fresh ID too', async () => {
        const res = await http
          .post('/echo')
          .set('content-type', 'application/json')
          .send('{"password":hunter2}');
        expect(res.status).toBe(400);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      });
    });

    describe('correlation IDs', () => {
      it('getRequestId() returns the header ID inside a handler that parsed a body', async () => {
        const res = await http.post('/request-id').send({ order: 7 });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          requestId: res.headers['x-request-id'],
          body: { order: 7 },
        });
      });

      it('a failure after body parsing keeps the request ID in body, header and log', async () => {
        const res = await http
          .post('/fail/with-body')
          .send({ card: '4111 1111 1111 1111' });
        const requestId = expectOpaque500(res);
        const record = await failureRecord(booted.logs, requestId);
        expect(record.method).toBe('POST');
        expect(JSON.stringify(record)).not.toContain('4111 1111 1111 1111');
      });

      it('gives 200 concurrent failures 200 distinct IDs, each logged exactly once', async () => {
        const responses = await Promise.all(
          Array.from({ length: 200 }, () => http.get('/fail/async')),
        );
        const ids = responses.map((r) => expectOpaque500(r));
        expect(new Set(ids).size).toBe(200);
        for (const id of ids) await failureRecord(booted.logs, id);
      });

      it('never trusts a client-sent ID by default', async () => {
        const res = await http
          .get('/fail/error')
          .set('x-request-id', 'client-chosen-id-123');
        const requestId = expectOpaque500(res);
        expect(requestId).not.toBe('client-chosen-id-123');
      });
    });

    describe('a response that already started', () => {
      it('leaves a response that was already complete alone, and logs the failure', async () => {
        const res = await http.get('/fail/after-send');
        expect(res.status).toBe(200);
        expect(res.text).toBe('complete body');
        await expect
          .poll(() =>
            booted.logs.records().find((r) => r.url === '/fail/after-send'),
          )
          .toMatchObject({
            level: 'error',
            message: expect.stringContaining('after the response started'),
          });
      });

      it('closes the connection when a 5xx HttpException comes after streaming started', async () => {
        await expect(http.get('/fail/http-after-headers')).rejects.toThrow();
        await expect
          .poll(() =>
            booted.logs
              .records()
              .find((r) => r.url === '/fail/http-after-headers'),
          )
          .toMatchObject({
            message: expect.stringContaining('after the response started'),
          });
        expect((await http.get('/ok')).status).toBe(200);
      });

      it('closes the connection instead of writing a second response, and keeps serving', async () => {
        await expect(http.get('/fail/after-headers')).rejects.toThrow();
        const after = await http.get('/ok');
        expect(after.status).toBe(200);
        const record = booted.logs
          .records()
          .find((r) => r.url === '/fail/after-headers' && r.level === 'error');
        expect(record?.message).toContain('after the response started');
      });
    });
  },
);
