import type { HttpServer } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import request from 'supertest';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { fastifyFrameworkErrors } from 'nestjs-safe-errors';
import { expectOpaque500 } from './utils/assertions.js';
import { bootFixture, PLATFORMS, type BootedApp } from './utils/boot.js';
import type { LogRecord } from './utils/memory.transport.js';

const ANSWER_FAILED = 'SafeErrorsFilter could not answer normally';

/** The adapter the filter answers through, the one a sabotage must hit. */
function adapterOf(booted: BootedApp): HttpServer {
  return booted.app.get(HttpAdapterHost).httpAdapter;
}

/** Both lines the filter owes a request whose answer failed: the failure, then the answer's own. */
async function answerFailureLines(
  booted: BootedApp,
  requestId: string,
): Promise<[LogRecord, LogRecord]> {
  await vi.waitFor(() =>
    expect(booted.logs.withRequestId(requestId)).toHaveLength(2),
  );
  const [failure, answer] = booted.logs.withRequestId(requestId);
  expect(answer).toMatchObject({
    level: 'error',
    message: ANSWER_FAILED,
    context: 'SafeErrorsFilter',
    error: expect.objectContaining({ message: 'sabotaged' }),
  });
  return [failure!, answer!];
}

/** The request ID the log gave the one request to this URL (when no header reached the client). */
async function requestIdLoggedFor(
  booted: BootedApp,
  url: string,
): Promise<string> {
  await vi.waitFor(() =>
    expect(booted.logs.records().some((r) => r.url === url)).toBe(true),
  );
  const records = booted.logs.records().filter((r) => r.url === url);
  expect(records).toHaveLength(1);
  return records[0]!.requestId as string;
}

describe.each(PLATFORMS)(
  'when the answer itself fails, the last resort still answers (%s)',
  (platform) => {
    let booted: BootedApp;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      booted = await bootFixture({}, platform);
      http = request(booted.app.getHttpServer());
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });
    afterAll(() => booted.close());

    it('a reply that throws once: the plain opaque 500, the same ID in header, body and both log lines', async () => {
      vi.spyOn(adapterOf(booted), 'reply').mockImplementationOnce(() => {
        throw new Error('sabotaged');
      });
      const res = await http.get('/fail/error');
      const requestId = expectOpaque500(res);
      const [failure] = await answerFailureLines(booted, requestId);
      expect(failure).toMatchObject({
        level: 'error',
        message: 'Unhandled Error on GET /fail/error',
        statusCode: 500,
        method: 'GET',
        url: '/fail/error',
      });
    });

    it('a reply that throws while passing an HttpException through: the opaque 500, and the failure logged at error', async () => {
      vi.spyOn(adapterOf(booted), 'reply').mockImplementationOnce(() => {
        throw new Error('sabotaged');
      });
      const res = await http.get('/http/not-found');
      const requestId = expectOpaque500(res);
      const [failure] = await answerFailureLines(booted, requestId);
      expect(failure).toMatchObject({
        level: 'error',
        message: 'Unhandled NotFoundException on GET /http/not-found',
        statusCode: 500,
      });
    });

    it('a content-type that cannot be set once: the opaque 500 from the last resort', async () => {
      const adapter = adapterOf(booted);
      const setHeader = adapter.setHeader.bind(adapter);
      let thrown = false;
      vi.spyOn(adapter, 'setHeader').mockImplementation(
        (response, name, value) => {
          if (name === 'content-type' && !thrown) {
            thrown = true;
            throw new Error('sabotaged');
          }
          return setHeader(response, name, value);
        },
      );
      const res = await http.get('/fail/error');
      expect(thrown).toBe(true);
      const requestId = expectOpaque500(res);
      const [failure] = await answerFailureLines(booted, requestId);
      expect(failure).toMatchObject({
        level: 'error',
        message: 'Unhandled Error on GET /fail/error',
      });
    });

    it('a content-type that can never be set: the connection is closed, both lines are logged', async () => {
      const adapter = adapterOf(booted);
      const setHeader = adapter.setHeader.bind(adapter);
      vi.spyOn(adapter, 'setHeader').mockImplementation(
        (response, name, value) => {
          if (name === 'content-type') throw new Error('sabotaged');
          return setHeader(response, name, value);
        },
      );
      const url = '/fail/error?case=no-content-type';
      await expect(http.get(url)).rejects.toThrow(/socket hang up|ECONNRESET/);
      const requestId = await requestIdLoggedFor(booted, url);
      const [failure] = await answerFailureLines(booted, requestId);
      expect(failure).toMatchObject({
        level: 'error',
        message: 'Unhandled Error on GET /fail/error',
        url,
      });
    });

    it('a reply that always throws: the connection is closed, both lines are logged', async () => {
      vi.spyOn(adapterOf(booted), 'reply').mockImplementation(() => {
        throw new Error('sabotaged');
      });
      const url = '/fail/error?case=no-reply';
      await expect(http.get(url)).rejects.toThrow(/socket hang up|ECONNRESET/);
      const requestId = await requestIdLoggedFor(booted, url);
      await answerFailureLines(booted, requestId);
    });

    it('keeps serving once the adapter behaves again', async () => {
      expect((await http.get('/ok')).status).toBe(200);
      expectOpaque500(await http.get('/fail/error'));
    });
  },
);

describe.each(PLATFORMS)(
  'with problemDetails, the last resort answers in the same shape (%s)',
  (platform) => {
    let booted: BootedApp;

    beforeAll(async () => {
      booted = await bootFixture({ problemDetails: true }, platform);
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });
    afterAll(() => booted.close());

    it('a reply that throws once: an RFC 9457 problem, as the ordinary opaque answer would be', async () => {
      vi.spyOn(adapterOf(booted), 'reply').mockImplementationOnce(() => {
        throw new Error('sabotaged');
      });
      const res = await request(booted.app.getHttpServer()).get('/fail/error');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(
        /^application\/problem\+json/,
      );
      const requestId = res.headers['x-request-id'] as string;
      expect(JSON.parse(res.text)).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        requestId,
      });
      await answerFailureLines(booted, requestId);
    });
  },
);

describe('Fastify: a router error whose answer fails gets the last resort too', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootFixture({}, 'fastify', {
      frameworkErrors: fastifyFrameworkErrors,
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => booted.close());

  it('a reply that throws once: the plain opaque 500 with the ID the failure was logged under', async () => {
    vi.spyOn(adapterOf(booted), 'reply').mockImplementationOnce(() => {
      throw new Error('sabotaged');
    });
    const res = await request(booted.app.getHttpServer()).get('/fail/pipe/%FF');
    const requestId = expectOpaque500(res);
    await vi.waitFor(() =>
      expect(booted.logs.withRequestId(requestId)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 'warn',
            statusCode: 400,
            method: 'GET',
            error: expect.objectContaining({ code: 'FST_ERR_BAD_URL' }),
          }),
        ]),
      ),
    );
  });
});
