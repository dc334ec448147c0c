import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectOpaque500, failureRecord } from './utils/assertions.js';
import { bootFixture, PLATFORMS, type BootedApp } from './utils/boot.js';

/**
 * The lines the filter writes at debug, seen at both thresholds. At `debug` the line must be there; at
 * `info` it must not, which is checked once a later request's line has been written: lines are written in
 * order, so a debug line that leaked through would already be in the log.
 */
describe.each(PLATFORMS)(
  'lines the filter writes only at debug (%s)',
  (platform) => {
    describe("with logger level 'debug'", () => {
      let booted: BootedApp;
      let http: ReturnType<typeof request>;

      beforeAll(async () => {
        booted = await bootFixture({ logger: { level: 'debug' } }, platform);
        http = request(booted.app.getHttpServer());
      });
      afterAll(() => booted.close());

      it("logs Nest's IntrinsicException at debug, with the whole story, and still answers opaquely", async () => {
        const requestId = expectOpaque500(await http.get('/fail/intrinsic'));
        await vi.waitFor(() =>
          expect(booted.logs.withRequestId(requestId)).toHaveLength(1),
        );
        const record = booted.logs.withRequestId(requestId)[0]!;
        expect(record).toMatchObject({
          level: 'debug',
          // Nest's IntrinsicException keeps Error's name, so the line says "Error".
          message: 'Unhandled Error on GET /fail/intrinsic',
          context: 'SafeErrorsFilter',
          method: 'GET',
          url: '/fail/intrinsic',
          route: '/fail/intrinsic',
          statusCode: 500,
          error: expect.objectContaining({
            message: 'thrown on purpose by the framework',
          }),
        });
      });

      it('logs a 4xx HttpException passed through at debug: where, status and message, no stack', async () => {
        const res = await http.get('/http/not-found');
        expect(res.status).toBe(404);
        const requestId = res.headers['x-request-id'] as string;
        await vi.waitFor(() =>
          expect(booted.logs.withRequestId(requestId)).toHaveLength(1),
        );
        const record = booted.logs.withRequestId(requestId)[0]!;
        expect(record).toMatchObject({
          level: 'debug',
          message: 'NotFoundException (404) answered to the client',
          context: 'SafeErrorsFilter',
          method: 'GET',
          url: '/http/not-found',
          route: '/http/not-found',
          statusCode: 404,
        });
        expect(record.error).toEqual({
          name: 'NotFoundException',
          message: 'Order 7 not found',
        });
      });
    });

    describe("with logger level 'info' (the default)", () => {
      let booted: BootedApp;
      let http: ReturnType<typeof request>;

      beforeAll(async () => {
        booted = await bootFixture({}, platform);
        http = request(booted.app.getHttpServer());
      });
      afterAll(() => booted.close());

      /** Waits until a failure after `requestId`'s has been logged, then returns `requestId`'s lines. */
      async function linesOnceALaterLineIsIn(requestId: string) {
        await failureRecord(
          booted.logs,
          expectOpaque500(await http.get('/fail/error')),
        );
        return booted.logs.withRequestId(requestId);
      }

      it('writes nothing for an IntrinsicException', async () => {
        const requestId = expectOpaque500(await http.get('/fail/intrinsic'));
        expect(await linesOnceALaterLineIsIn(requestId)).toEqual([]);
      });

      it('writes nothing for a 404 HttpException (4xx other than 401 and 403 are logged at debug)', async () => {
        const res = await http.get('/http/not-found');
        expect(res.status).toBe(404);
        expect(
          await linesOnceALaterLineIsIn(res.headers['x-request-id'] as string),
        ).toEqual([]);
      });
    });
  },
);
