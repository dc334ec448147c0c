import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Injectable,
  NotFoundException,
  Param,
  Post,
  Res,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import {
  RedactingLogger,
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { get } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectOpaque500 } from '../utils/assertions.js';
import { bootApp, PLATFORMS, type Platform } from '../utils/boot.js';
import { MemoryTransport, type LogRecord } from '../utils/memory.transport.js';

const TOKEN = 'qT7vK2mX9pL4wR8s';
const PASSWORD = 'Hunter2-Planted-Pw!';

/** Signs the request in as a guard would: on the platform's request (Fastify's own, not Node's). */
@Injectable()
class SignInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ user?: unknown }>().user = {
      id: 'u_7',
      tenant: 't_acme',
    };
    return true;
  }
}

@Controller()
class OrdersController {
  constructor(private readonly logger: RedactingLogger) {}

  @Get('orders')
  @UseGuards(SignInGuard)
  list(): { orders: number[] } {
    this.logger.log('listing orders', 'OrdersService');
    return { orders: [1, 2, 3] };
  }

  @Get('orders/:orderId')
  @UseGuards(SignInGuard)
  one(@Param('orderId') orderId: string): never {
    throw new Error(`order ${orderId} is corrupt`);
  }

  @Post('orders/:orderId')
  update(@Body() body: unknown): never {
    throw new Error(`cannot update with ${typeof body}`);
  }

  @Get('report')
  report(@Res() res: { raw?: unknown }): Promise<never> {
    const raw = (res.raw ?? res) as {
      writeHead(status: number, headers: Record<string, string>): void;
      write(chunk: string): void;
    };
    raw.writeHead(200, { 'content-type': 'text/plain' });
    raw.write('first rows');
    return Promise.reject(new Error('report query failed midway'));
  }

  @Get('health')
  health(): string {
    return 'up';
  }

  @Get('session')
  session(): never {
    throw new UnauthorizedException('token expired');
  }

  @Get('admin')
  admin(): never {
    throw new ForbiddenException('admins only');
  }

  @Get('gone/:id')
  gone(): never {
    throw new NotFoundException('no such order');
  }
}

interface Booted {
  app: INestApplication;
  logs: MemoryTransport;
  http: ReturnType<typeof request>;
}

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.app.close();
  booted = undefined;
});

async function boot(
  platform: Platform,
  options: SafeErrorsModuleOptions,
): Promise<Booted> {
  const logs = new MemoryTransport();
  const app = await bootApp(
    {
      imports: [
        SafeErrorsModule.forRoot({
          ...options,
          logger: { transports: [logs], ...options.logger },
        }),
      ],
      controllers: [OrdersController],
    },
    { platform },
  );
  booted = { app, logs, http: request(app.getHttpServer()) };
  return booted;
}

function requestLines(logs: MemoryTransport, requestId?: string): LogRecord[] {
  return logs
    .records()
    .filter(
      (r) =>
        r.context === 'RequestLog' &&
        (requestId === undefined || r.requestId === requestId),
    );
}

/** Waits for the request line of one response: the line is written when Node's response closes. */
async function lineOf(logs: MemoryTransport, requestId: string) {
  await vi.waitFor(() => expect(requestLines(logs, requestId)).toHaveLength(1));
  return requestLines(logs, requestId)[0]!;
}

describe.each(PLATFORMS)('request lines and client errors (%s)', (platform) => {
  describe('requestLog', () => {
    it('writes one line per finished request with method, censored URL, route, status, duration, size, ID and user', async () => {
      const { http, logs } = await boot(platform, { requestLog: true });
      const res = await http.get(`/orders?access_token=${TOKEN}&page=2`);
      expect(res.status).toBe(200);
      const requestId = res.headers['x-request-id'] as string;
      const line = await lineOf(logs, requestId);
      expect(line).toEqual({
        level: 'info',
        message: expect.stringMatching(/^GET \/orders 200 \d+(\.\d)?ms$/),
        timestamp: expect.any(String),
        context: 'RequestLog',
        requestId,
        method: 'GET',
        url: '/orders?access_token=[REDACTED]&page=2',
        route: '/orders',
        statusCode: 200,
        durationMs: expect.any(Number),
        responseSize: Buffer.byteLength(res.text),
        userId: 'u_7',
      });
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(logs.records())).not.toContain(TOKEN);
    });

    it('levels by status (5xx error, 4xx warn), and an unknown route has no route field', async () => {
      const { http, logs } = await boot(platform, { requestLog: true });
      const failed = expectOpaque500(await http.get('/orders/42'));
      const missing = await http.get('/no/such/route');
      expect(missing.status).toBe(404);
      expect(await lineOf(logs, failed)).toMatchObject({
        level: 'error',
        statusCode: 500,
        route: '/orders/:orderId',
        url: '/orders/42',
      });
      const notFound = await lineOf(
        logs,
        missing.headers['x-request-id'] as string,
      );
      expect(notFound).toMatchObject({
        level: 'warn',
        statusCode: 404,
        url: '/no/such/route',
        message: expect.stringMatching(/^GET \/no\/such\/route 404 /),
      });
      expect(notFound).not.toHaveProperty('route');
    });

    it('skips ignorePaths (string or RegExp) and takes the level from the level option', async () => {
      const { http, logs } = await boot(platform, {
        requestLog: {
          ignorePaths: ['/health', /^\/gone\//],
          level: (status) => (status === 401 ? false : 'debug'),
        },
        logger: { level: 'debug' },
      });
      const health = await http.get('/health');
      const gone = await http.get('/gone/7');
      const session = await http.get('/session');
      const orders = await http.get('/orders');
      // Lines are written in the order responses close: once the last one is there, the others would be.
      expect(
        await lineOf(logs, orders.headers['x-request-id'] as string),
      ).toMatchObject({ level: 'debug', statusCode: 200 });
      for (const skipped of [health, gone, session])
        expect(
          requestLines(logs, skipped.headers['x-request-id'] as string),
        ).toEqual([]);
      expect(health.status).toBe(200);
      expect(gone.status).toBe(404);
    });

    it('says when a response was closed before it ended, with the bytes that went out', async () => {
      const { app, logs } = await boot(platform, { requestLog: true });
      const { port } = app.getHttpServer().address() as { port: number };
      // The client sees the headers and part of the body, or only a reset, as the close races the flush.
      get(`http://127.0.0.1:${port}/report`, (res) => {
        res.resume();
        res.on('error', () => undefined);
      }).on('error', () => undefined);
      await vi.waitFor(() =>
        expect(
          requestLines(logs).filter((r) => r.url === '/report'),
        ).toHaveLength(1),
      );
      const requestId = requestLines(logs).find((r) => r.url === '/report')!
        .requestId as string;
      expect(await lineOf(logs, requestId)).toMatchObject({
        level: 'info',
        statusCode: 200,
        aborted: true,
        responseSize: Buffer.byteLength('first rows'),
        message: expect.stringMatching(
          /^GET \/report 200 [\d.]+ms \(closed before the response ended\)$/,
        ),
      });
    });

    it('is off by default', async () => {
      const { http, logs } = await boot(platform, {});
      const res = await http.get('/orders');
      const failed = expectOpaque500(await http.get('/orders/1'));
      await vi.waitFor(() =>
        expect(logs.withRequestId(failed).length).toBeGreaterThan(0),
      );
      expect(res.status).toBe(200);
      expect(requestLines(logs)).toEqual([]);
    });
  });

  describe('logFields', () => {
    it("adds the app's fields to the request line, the failure line and a service's line, from the platform's request", async () => {
      const { http, logs } = await boot(platform, {
        requestLog: true,
        logFields: (req) => ({
          tenantId:
            (req as { user?: { tenant?: string } }).user?.tenant ?? 'anonymous',
        }),
      });
      const ok = await http.get('/orders');
      const okId = ok.headers['x-request-id'] as string;
      await lineOf(logs, okId);
      const service = logs
        .withRequestId(okId)
        .find((r) => r.context === 'OrdersService');
      expect(service).toMatchObject({
        message: 'listing orders',
        tenantId: 't_acme',
      });
      expect(requestLines(logs, okId)[0]).toMatchObject({ tenantId: 't_acme' });

      const failed = expectOpaque500(await http.get('/orders/9'));
      await lineOf(logs, failed);
      const failure = logs
        .withRequestId(failed)
        .find((r) => r.context === 'SafeErrorsFilter');
      expect(failure).toMatchObject({ level: 'error', tenantId: 't_acme' });

      const anonymous = await http.get('/health');
      expect(
        await lineOf(logs, anonymous.headers['x-request-id'] as string),
      ).toMatchObject({ tenantId: 'anonymous' });
    });

    it("never overrides the library's fields, and a hook that throws adds nothing and breaks nothing", async () => {
      let calls = 0;
      const { http, logs } = await boot(platform, {
        requestLog: true,
        logFields: () => {
          calls++;
          if (calls % 2 === 0) throw new Error('hook failed');
          return { requestId: 'forged', level: 'debug', region: 'eu' };
        },
      });
      const res = await http.get('/health');
      const requestId = res.headers['x-request-id'] as string;
      const line = await lineOf(logs, requestId);
      expect(res.status).toBe(200);
      expect(line.requestId).toBe(requestId);
      expect(line.level).toBe('info');
      const second = await http.get('/health');
      expect(second.status).toBe(200);
      await lineOf(logs, second.headers['x-request-id'] as string);
      expect(calls).toBeGreaterThanOrEqual(2);
    });
  });

  describe('client errors (4xx HttpExceptions)', () => {
    it('logs 401 and 403 at warn with method, censored URL, route, status and message', async () => {
      const { http, logs } = await boot(platform, {});
      const unauthorized = await http.get(`/session?token=${TOKEN}`);
      const forbidden = await http.get('/admin');
      expect(unauthorized.status).toBe(401);
      expect(forbidden.status).toBe(403);
      const [u, f] = [unauthorized, forbidden].map(
        (res) => res.headers['x-request-id'] as string,
      );
      await vi.waitFor(() => expect(logs.withRequestId(f!)).toHaveLength(1));
      expect(logs.withRequestId(u!)).toEqual([
        expect.objectContaining({
          level: 'warn',
          message: 'UnauthorizedException (401) answered to the client',
          method: 'GET',
          url: '/session?token=[REDACTED]',
          route: '/session',
          statusCode: 401,
          error: { name: 'UnauthorizedException', message: 'token expired' },
        }),
      ]);
      expect(logs.withRequestId(f!)[0]).toMatchObject({
        level: 'warn',
        statusCode: 403,
        route: '/admin',
        error: { name: 'ForbiddenException', message: 'admins only' },
      });
      expect(JSON.stringify(logs.records())).not.toContain(TOKEN);
    });

    it('logs other 4xx at debug, with the same fields', async () => {
      const { http, logs } = await boot(platform, {
        logger: { level: 'debug' },
      });
      const res = await http.get('/gone/3');
      expect(res.status).toBe(404);
      const requestId = res.headers['x-request-id'] as string;
      await vi.waitFor(() =>
        expect(logs.withRequestId(requestId)).toHaveLength(1),
      );
      expect(logs.withRequestId(requestId)[0]).toMatchObject({
        level: 'debug',
        method: 'GET',
        url: '/gone/3',
        route: '/gone/:id',
        statusCode: 404,
        error: { name: 'NotFoundException', message: 'no such order' },
      });
    });

    it('takes its levels from clientErrors', async () => {
      const { http, logs } = await boot(platform, {
        clientErrors: { authFailures: 'error', other: false },
        logger: { level: 'debug' },
      });
      const gone = await http.get('/gone/3');
      const session = await http.get('/session');
      const sessionId = session.headers['x-request-id'] as string;
      await vi.waitFor(() =>
        expect(logs.withRequestId(sessionId)).toHaveLength(1),
      );
      expect(logs.withRequestId(sessionId)[0]!.level).toBe('error');
      expect(
        logs.withRequestId(gone.headers['x-request-id'] as string),
      ).toEqual([]);
    });
  });

  describe('what triggered a failure', () => {
    it("carries the route's params and query, redacted, and never the body unless asked", async () => {
      const { http, logs } = await boot(platform, {});
      const requestId = expectOpaque500(
        await http.get(`/orders/42?password=${PASSWORD}&view=full`),
      );
      await vi.waitFor(() =>
        expect(logs.withRequestId(requestId)).toHaveLength(1),
      );
      const record = logs.withRequestId(requestId)[0]!;
      expect(record).toMatchObject({
        params: { orderId: '42' },
        query: { password: '[REDACTED]', view: 'full' },
      });
      const posted = expectOpaque500(
        await http.post('/orders/42').send({ password: PASSWORD, note: 'hi' }),
      );
      await vi.waitFor(() =>
        expect(logs.withRequestId(posted)).toHaveLength(1),
      );
      expect(logs.withRequestId(posted)[0]).not.toHaveProperty('body');
      expect(JSON.stringify(logs.records())).not.toContain(PASSWORD);
    });

    it('with logRequestBody, carries the body redacted, and cuts a long one after redaction', async () => {
      const { http, logs } = await boot(platform, {
        logRequestBody: { maxLength: 80 },
      });
      const small = expectOpaque500(
        await http.post('/orders/42').send({ password: PASSWORD, note: 'hi' }),
      );
      const large = expectOpaque500(
        await http
          .post('/orders/42')
          .send({ apiKey: PASSWORD, note: 'x'.repeat(500) }),
      );
      await vi.waitFor(() => expect(logs.withRequestId(large)).toHaveLength(1));
      expect(logs.withRequestId(small)[0]).toMatchObject({
        body: { password: '[REDACTED]', note: 'hi' },
      });
      const cut = logs.withRequestId(large)[0]!.body as string;
      expect(cut).toMatch(
        /^\{"apiKey":"\[REDACTED\]","note":"x+… \[cut: \d+ more characters\]$/,
      );
      expect(
        cut.startsWith(JSON.stringify({ apiKey: '[REDACTED]' }).slice(0, -1)),
      ).toBe(true);
      expect(JSON.stringify(logs.records())).not.toContain(PASSWORD);
    });
  });
});

describe('the options, checked at boot', () => {
  it.each([
    [{ requestLog: 'yes' }, 'requestLog', 'must be true, false or an object'],
    [
      { requestLog: { ignorePaths: [3] } },
      'requestLog.ignorePaths[0]',
      'must be a string or a RegExp',
    ],
    [
      { requestLog: { level: 'info' } },
      'requestLog.level',
      'must be a function from a status code to a level or false',
    ],
    [
      { requestLog: { skip: ['/health'] } },
      'requestLog.skip',
      'is not a known option',
    ],
    [
      { clientErrors: { authFailures: 'loud' } },
      'clientErrors.authFailures',
      'must be false or one of fatal, error, warn, info, log, debug, verbose',
    ],
    [
      { logFields: { tenantId: 1 } },
      'logFields',
      'must be a function from the request to an object of fields',
    ],
    [
      { logRequestBody: { maxLength: 0 } },
      'logRequestBody.maxLength',
      'must be a positive integer',
    ],
  ])('refuses %j, naming %s', async (options, name, problem) => {
    await expect(
      bootApp({
        imports: [SafeErrorsModule.forRoot(options as SafeErrorsModuleOptions)],
      }),
    ).rejects.toThrow(`SafeErrorsModule: option "${name}" ${problem}`);
  });
});
