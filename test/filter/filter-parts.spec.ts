import type { HttpServer } from '@nestjs/common';
import { BadRequestException, HttpException } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { ExpressAdapter } from '@nestjs/platform-express';
import {
  adapterMapsFrameworkErrors,
  asHttpException,
  mapExpressFrameworkErrors,
} from '../../lib/filter/express-framework-errors.js';
import { headersSent, reply, setHeader } from '../../lib/filter/http-reply.js';
import {
  describeRequest,
  requestInputs,
  routeOf,
  scrubQuery,
  userIdOf,
} from '../../lib/filter/request-info.js';
import { errorStatus } from '../../lib/filter/status.policy.js';
import { NEST_MAJOR } from '../utils/nest-version.js';

// The pieces the filter builds its answers and log lines from, each held to what reaches the client or
// the log: these run on Nest 11 paths and half-built requests that an e2e test on Nest 12 cannot reach.

/** An error as the http-errors package makes one (body-parser's 413, Express's own 4xx). */
function httpError(status: number, message: string, expose = status < 500) {
  return Object.assign(new Error(message), {
    expose,
    status,
    statusCode: status,
  });
}

describe('asHttpException: Express middleware errors as Nest 12 tells them (what Nest 11 users get too)', () => {
  it('a 413 from body-parser becomes an HttpException with its status and message, the error as cause', () => {
    const raw = httpError(413, 'request entity too large');
    const mapped = asHttpException(raw);
    expect(mapped).toBeInstanceOf(HttpException);
    const e = mapped as HttpException;
    expect(e.getStatus()).toBe(413);
    // Nest's own filter answers a string response as { statusCode, message }.
    expect(e.getResponse()).toBe('request entity too large');
    expect(e.cause).toBe(raw);
  });

  it('a 4xx whose message may not be shown answers with the reason phrase', () => {
    const mapped = asHttpException(
      httpError(415, 'charset "x-secret" unsupported', false),
    ) as HttpException;
    expect(mapped.getStatus()).toBe(415);
    expect(mapped.message).toBe('Unsupported Media Type');
  });

  it('a message that cannot be read answers "Error"', () => {
    const raw = httpError(400, 'x');
    Object.defineProperty(raw, 'message', {
      get() {
        throw new Error('getter');
      },
    });
    const mapped = asHttpException(raw) as HttpException;
    expect(mapped.getStatus()).toBe(400);
    expect(mapped.message).toBe('Error');
  });

  it.each([
    ['a 500', httpError(500, 'db down')],
    ['a 503', httpError(503, 'busy')],
    [
      'a plain object shaped like one',
      { expose: true, status: 413, statusCode: 413, message: 'm' },
    ],
    [
      'an Error whose expose is not a boolean',
      Object.assign(new Error('m'), {
        expose: 'yes',
        status: 413,
        statusCode: 413,
      }),
    ],
    [
      'an Error whose statusCode is a string',
      Object.assign(new Error('m'), {
        expose: true,
        status: '413',
        statusCode: '413',
      }),
    ],
    [
      'an Error whose status and statusCode differ',
      Object.assign(new Error('m'), {
        expose: true,
        status: 400,
        statusCode: 413,
      }),
    ],
    ['a SyntaxError without a status', new SyntaxError('Unexpected token')],
    [
      'a SyntaxError with status 415',
      Object.assign(new SyntaxError('Unexpected token'), { status: 415 }),
    ],
    [
      'a SyntaxError whose message is not text',
      Object.assign(new SyntaxError('x'), { status: 400, message: 7 }),
    ],
    ['a plain Error', new Error('boom')],
  ])('%s stays as it is (the filter answers it opaquely)', (_name, raw) => {
    expect(asHttpException(raw)).toBe(raw);
  });

  it('an error whose fields throw when read stays as it is, and nothing throws', () => {
    const raw = new Error('m');
    Object.defineProperty(raw, 'expose', {
      get() {
        throw new Error('getter');
      },
    });
    expect(asHttpException(raw)).toBe(raw);
  });

  it.each([
    [
      'bad JSON (SyntaxError)',
      new SyntaxError('Unexpected token } in JSON at position 9'),
    ],
    ['a bad percent-encoding (URIError)', new URIError('URI malformed')],
  ])(
    '%s with status 400 becomes a BadRequestException with its message',
    (_name, base) => {
      const raw = Object.assign(base, { status: 400 });
      const mapped = asHttpException(raw);
      expect(mapped).toBeInstanceOf(BadRequestException);
      expect((mapped as HttpException).getResponse()).toEqual({
        statusCode: 400,
        message: raw.message,
        error: 'Bad Request',
      });
      expect((mapped as HttpException).cause).toBe(raw);
    },
  );

  it('the Express error middleware hands the next handler the mapped error', () => {
    const next = vi.fn();
    mapExpressFrameworkErrors(httpError(413, 'too large'), {}, {}, next);
    expect(next).toHaveBeenCalledOnce();
    expect((next.mock.calls[0][0] as HttpException).getStatus()).toBe(413);
  });
});

// Where the adapter maps (Nest 12) the middleware is left out, so both must answer alike: what the
// client sees must not depend on which of the two mapped an error.
describe.skipIf(NEST_MAJOR < 12)(
  "asHttpException answers as Nest 12's Express adapter does",
  () => {
    const nest = new ExpressAdapter();
    it.each([
      ['a 413 from body-parser', httpError(413, 'request entity too large')],
      ['a 404', httpError(404, 'Not Found')],
      ['a hidden 415', httpError(415, 'charset "x-secret" unsupported', false)],
      [
        'a hidden status without a phrase',
        httpError(499, 'secret detail', false),
      ],
      ['a shown status without a phrase', httpError(499, 'shown detail')],
      ['a 500 (left as it is)', httpError(500, 'EACCES /srv/secret')],
      ['a 503 (left as it is)', httpError(503, 'down')],
      [
        'bad JSON',
        Object.assign(new SyntaxError('Unexpected token } in JSON'), {
          status: 400,
        }),
      ],
      [
        'bad percent-encoding',
        Object.assign(new URIError('URI malformed'), { status: 400 }),
      ],
      [
        'a SyntaxError from server code (no status)',
        new SyntaxError('in a view'),
      ],
      ['a plain Error', new Error('boom')],
    ])('%s', (_name, error) => {
      const theirs = nest.mapException(error) as unknown;
      const ours = asHttpException(error);
      if (!(theirs instanceof HttpException)) {
        expect(ours).toBe(error);
        return;
      }
      expect(ours).toBeInstanceOf(theirs.constructor);
      expect((ours as HttpException).getStatus()).toBe(theirs.getStatus());
      expect((ours as HttpException).getResponse()).toEqual(
        theirs.getResponse(),
      );
      expect((ours as HttpException).cause).toBe(error);
    });
  },
);

describe('adapterMapsFrameworkErrors: the mapping middleware only where the adapter does not map', () => {
  // Nest 12 maps these errors in its Express adapter; Nest 11 (its own matrix cell) leaves them raw.
  it(`Nest ${NEST_MAJOR}'s Express adapter ${NEST_MAJOR >= 12 ? 'maps' : 'does not map'} body-parser's 413 and bad JSON itself`, () => {
    expect(adapterMapsFrameworkErrors(new ExpressAdapter())).toBe(
      NEST_MAJOR >= 12,
    );
  });

  it.each([
    ['hands every error back unchanged (Nest 11)', (e: unknown) => e],
    [
      'maps bad JSON only',
      (e: unknown) =>
        e instanceof SyntaxError ? new BadRequestException(e.message) : e,
    ],
    [
      'maps to another status',
      (e: unknown) => new HttpException('x', 500, { cause: e }),
    ],
    [
      'throws',
      () => {
        throw new Error('no');
      },
    ],
  ])('an adapter that %s still gets the middleware', (_name, mapException) => {
    expect(adapterMapsFrameworkErrors({ mapException })).toBe(false);
  });

  it('an adapter without mapException, or no adapter, gets it too', () => {
    expect(adapterMapsFrameworkErrors({})).toBe(false);
    expect(adapterMapsFrameworkErrors(undefined)).toBe(false);
  });
});

describe('errorStatus', () => {
  it.each([
    [399, 500],
    [400, 400],
    [599, 599],
    [600, 500],
  ])('%i gives %i', (value, status) => {
    expect(errorStatus(value, 500)).toBe(status);
  });
});

/** A stand-in adapter with only the methods a test gives it. */
function adapter(
  parts: Partial<Record<keyof HttpServer, unknown>>,
): HttpServer {
  return parts as unknown as HttpServer;
}

describe('describeRequest: what the log line says about the request', () => {
  const everything = adapter({
    getRequestMethod: () => 'POST',
    getRequestUrl: () => '/orders?token=abc&page=2',
  });

  it('reads method and URL from the adapter, the route and user from the request', () => {
    const info = describeRequest(
      { route: { path: '/orders' }, user: { id: 42 } },
      everything,
    );
    expect(info).toStrictEqual({
      method: 'POST',
      url: '/orders?token=[REDACTED]&page=2',
      route: '/orders',
      userId: 42,
    });
  });

  it('writes the URL with the censor it is given', () => {
    expect(describeRequest({}, everything, '***').url).toBe(
      '/orders?token=***&page=2',
    );
  });

  it.each([
    ['null', null],
    ['a string', 'GET /'],
    ['a function', Object.assign(() => undefined, { route: { path: '/x' } })],
  ])('a request that is %s gives nothing', (_name, request) => {
    expect(describeRequest(request, everything)).toStrictEqual({});
  });

  it('names no field it could not read as text: no key at all, not one set to undefined', () => {
    const odd = adapter({
      getRequestMethod: () => 42,
      getRequestUrl: () => undefined,
    });
    expect(describeRequest({ route: { path: 7 } }, odd)).toStrictEqual({});
    expect(describeRequest({}, undefined)).toStrictEqual({});
    expect(describeRequest({ user: { id: null } }, adapter({}))).toStrictEqual(
      {},
    );
  });

  it('an adapter that throws is not the client’s problem', () => {
    const broken = adapter({
      getRequestMethod: () => {
        throw new Error('half-built');
      },
      getRequestUrl: () => '/a',
    });
    expect(describeRequest({}, broken)).toStrictEqual({ url: '/a' });
  });
});

describe('routeOf and userIdOf', () => {
  it('finds the route where Express and Fastify keep it', () => {
    expect(routeOf({ route: { path: '/users/:id' } })).toBe('/users/:id');
    expect(routeOf({ routeOptions: { url: '/users/:id' } })).toBe('/users/:id');
    expect(routeOf({ route: { path: 5 }, routeOptions: { url: '/f' } })).toBe(
      undefined,
    );
    expect(routeOf({})).toBeUndefined();
    expect(routeOf(undefined)).toBeUndefined();
  });

  it('gives the user id as it is, and nothing for null', () => {
    expect(userIdOf({ user: { id: 'u1' } })).toBe('u1');
    expect(userIdOf({ user: { id: 0 } })).toBe(0);
    expect(userIdOf({ user: { id: null } })).toBeUndefined();
    expect(userIdOf({})).toBeUndefined();
  });
});

describe('scrubQuery', () => {
  it.each([
    ['/a', '/a'],
    ['/a?page=2', '/a?page=2'],
    ['?token=abc', '?token=[REDACTED]'],
    ['/a?token=abc', '/a?token=[REDACTED]'],
    ['/a?flag&sig=0a1b&x=1', '/a?flag&sig=[REDACTED]&x=1'],
    ['/a?password=p=q', '/a?password=[REDACTED]'],
    ['/a?=token', '/a?=token'],
  ])('%s → %s', (url, logged) => {
    expect(scrubQuery(url, '[REDACTED]')).toBe(logged);
  });
});

describe('requestInputs: params, query and the capped body', () => {
  const cap = (maxLength: number, redactor = (v: unknown) => v) => ({
    maxLength,
    redactor,
  });

  it('keeps params and query that hold something, and only then', () => {
    expect(
      requestInputs({ params: { id: '1' }, query: { q: 'x' } }, undefined),
    ).toStrictEqual({ params: { id: '1' }, query: { q: 'x' } });
    expect(
      requestInputs({ params: {}, query: null, body: { a: 1 } }, undefined),
    ).toStrictEqual({});
    expect(requestInputs({ params: 'abc', query: 7 }, undefined)).toStrictEqual(
      {},
    );
  });

  it('skips params whose keys cannot be listed', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(requestInputs({ params: hostile }, undefined)).toStrictEqual({});
  });

  it.each([
    ['null', null],
    ['a string', 'body'],
    ['a function', Object.assign(() => undefined, { params: { id: '1' } })],
  ])('a request that is %s gives nothing', (_name, request) => {
    expect(requestInputs(request, cap(10))).toStrictEqual({});
  });

  it('no body, no body field', () => {
    expect(requestInputs({ params: {} }, cap(10))).toStrictEqual({});
  });

  it('a body within the cap is the redacted value; one character more is cut and says how much', () => {
    expect(requestInputs({ body: 'abcd' }, cap(4))).toStrictEqual({
      body: 'abcd',
    });
    expect(requestInputs({ body: { a: 1 } }, cap(7))).toStrictEqual({
      body: { a: 1 },
    });
    expect(requestInputs({ body: { a: 12 } }, cap(7))).toStrictEqual({
      body: '{"a":12… [cut: 1 more characters]',
    });
    expect(requestInputs({ body: 'abcdefgh' }, cap(3))).toStrictEqual({
      body: 'abc… [cut: 5 more characters]',
    });
  });

  it('redacts before it cuts', () => {
    const redactor = (v: unknown) => ({ ...(v as object), password: '[R]' });
    expect(
      requestInputs({ body: { password: 'hunter2' } }, cap(100, redactor)),
    ).toStrictEqual({ body: { password: '[R]' } });
  });

  it('a body that cannot be written as JSON is named, not thrown', () => {
    expect(
      requestInputs(
        { body: {} },
        cap(100, () => 10n),
      ),
    ).toStrictEqual({
      body: '[Unserializable body]',
    });
  });
});

/** A bare Node response, as Fastify middleware is handed one. */
function nativeResponse(sent = false, contentType?: string) {
  const headers = new Map<string, string>(
    contentType ? [['content-type', contentType]] : [],
  );
  return {
    headersSent: sent,
    statusCode: 200,
    body: undefined as string | undefined,
    headers,
    hasHeader: (name: string) => headers.has(name),
    setHeader: (name: string, value: string) => headers.set(name, value),
    end(body: string) {
      this.body = body;
    },
  };
}

function recordingAdapter(isHeadersSent = false) {
  return {
    isHeadersSent: vi.fn(() => isHeadersSent),
    setHeader: vi.fn(),
    reply: vi.fn(),
  };
}

describe('http-reply: answering through the adapter, or on a bare Node response', () => {
  it('a bare response is written as JSON with its length, status and content type', () => {
    const res = nativeResponse();
    const a = recordingAdapter();
    reply(adapter(a), res, { statusCode: 500, message: 'é' }, 500);
    expect(a.reply).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('{"statusCode":500,"message":"é"}');
    expect(res.headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
    expect(res.headers.get('content-length')).toBe(
      String(Buffer.byteLength(res.body ?? '')),
    );
  });

  it('a bare response keeps a content type already set, and text bodies go as they are', () => {
    const res = nativeResponse(false, 'text/plain');
    reply(adapter(recordingAdapter()), res, 'plain', 400);
    expect(res.body).toBe('plain');
    expect(res.headers.get('content-type')).toBe('text/plain');
  });

  it('a platform response (with status()) and anything not a response go through the adapter', () => {
    const a = recordingAdapter();
    const platform = { ...nativeResponse(), status: () => undefined };
    reply(adapter(a), platform, { x: 1 }, 404);
    reply(adapter(a), null, { x: 1 }, 404);
    reply(adapter(a), 'res', { x: 1 }, 404);
    reply(adapter(a), { setHeader: 'no' }, { x: 1 }, 404);
    expect(a.reply).toHaveBeenCalledTimes(4);
    expect(platform.body).toBeUndefined();
  });

  it('headers are set on a bare response directly, else through the adapter', () => {
    const a = recordingAdapter();
    const res = nativeResponse();
    setHeader(adapter(a), res, 'x-request-id', 'abc');
    expect(res.headers.get('x-request-id')).toBe('abc');
    expect(a.setHeader).not.toHaveBeenCalled();
    const platform = { status: () => undefined };
    setHeader(adapter(a), platform, 'x-request-id', 'abc');
    expect(a.setHeader).toHaveBeenCalledExactlyOnceWith(
      platform,
      'x-request-id',
      'abc',
    );
  });

  it('whether the response started: the bare response says, else the adapter or the Fastify raw reply', () => {
    const no = recordingAdapter(false);
    const yes = recordingAdapter(true);
    expect(headersSent(adapter(no), nativeResponse(true))).toBe(true);
    expect(headersSent(adapter(yes), nativeResponse(false))).toBe(false);
    const platform = { status: () => undefined };
    expect(headersSent(adapter(yes), platform)).toBe(true);
    expect(headersSent(adapter(no), platform)).toBe(false);
    expect(
      headersSent(adapter(no), {
        ...platform,
        raw: { headersSent: true },
      }),
    ).toBe(true);
    expect(
      headersSent(adapter(no), {
        ...platform,
        raw: { headersSent: 1 },
      }),
    ).toBe(false);
  });
});
