import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedactingLogger } from 'nestjs-safe-errors';
import { AppModule } from '../sample-app/app.module.js';
import { expectNothingLeaked, expectOpaque500 } from './utils/assertions.js';

/** The sample app's real module, logging to stdout as it does in `npm start`. */
describe('sample app', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let stdout: string[];

  beforeAll(async () => {
    stdout = [];
    const write = process.stdout.write.bind(process.stdout);
    const capture = (
      chunk: string | Uint8Array,
      ...rest: unknown[]
    ): boolean => {
      const text = String(chunk);
      // Keep JSON log lines for the assertions; let the test runner's own output through.
      if (text.startsWith('{"level"')) {
        stdout.push(text);
        return true;
      }
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(
      capture as typeof process.stdout.write,
    );
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(RedactingLogger));
    await app.listen(0, '127.0.0.1');
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    vi.restoreAllMocks();
  });

  function records(): Record<string, unknown>[] {
    return stdout
      .flatMap((chunk) => chunk.split('\n').filter(Boolean))
      .map((l) => JSON.parse(l));
  }

  async function recordFor(
    requestId: string,
    level = 'error',
  ): Promise<Record<string, unknown>> {
    let found: Record<string, unknown> | undefined;
    await vi.waitFor(() => {
      found = records().find(
        (r) => r.requestId === requestId && r.level === level,
      );
      expect(found).toBeDefined();
    });
    return found!;
  }

  it("sends Nest's own startup lines through the logger as JSON", async () => {
    await vi.waitFor(() =>
      expect(
        records().some(
          (r) => r.context === 'RoutesResolver' && r.level === 'info',
        ),
      ).toBe(true),
    );
  });

  it('GET /orders/abc: the database error becomes an opaque 500, its SQL and password only in the log', async () => {
    const res = await http.get('/orders/abc');
    const requestId = expectOpaque500(res);
    expect(res.text).not.toMatch(
      /orders_app|Tr0ub4dor|invalid input syntax|22P02/,
    );
    const record = await recordFor(requestId);
    expect(record).toMatchObject({
      method: 'GET',
      url: '/orders/abc',
      route: '/orders/:id',
    });
    const error = record.error as Record<string, unknown>;
    expect(error).toMatchObject({ name: 'QueryFailedError', code: '22P02' });
    expect(error.message).toContain(
      'invalid input syntax for type integer: "abc"',
    );
    expect(error.message).toContain(
      'postgres://orders_app:[REDACTED]@db.internal:5432/shop',
    );
    expect(JSON.stringify(record)).not.toContain('Tr0ub4dor');
    expect(error.stack).toMatch(/orders\.repository\.ts/);
  });

  it('GET /orders/1/invoice: a TypeError becomes an opaque 500', async () => {
    const requestId = expectOpaque500(await http.get('/orders/1/invoice'));
    expect(((await recordFor(requestId)).error as { name: string }).name).toBe(
      'TypeError',
    );
  });

  it('GET /users/me/orders: the log names the signed-in user', async () => {
    const res = await http
      .get('/users/me/orders')
      .set('authorization', 'Bearer demo-token');
    const record = await recordFor(expectOpaque500(res));
    expect(record.userId).toBe('u_42');
    expect(JSON.stringify(record)).not.toContain('demo-token');
  });

  it.each([
    [
      'GET /orders/999',
      () => http.get('/orders/999'),
      404,
      { message: 'Order 999 not found', error: 'Not Found', statusCode: 404 },
    ],
    [
      'GET /users/me without a token',
      () => http.get('/users/me'),
      401,
      { message: 'Unauthorized', statusCode: 401 },
    ],
    [
      'GET /orders/1',
      () => http.get('/orders/1'),
      200,
      {
        id: 1,
        userId: 'u_42',
        items: [{ sku: 'BOOK-1', quantity: 1 }],
        total: 1999,
        status: 'paid',
      },
    ],
    ['GET /health', () => http.get('/health'), 200, { status: 'ok' }],
  ])('%s answers as designed', async (_what, send, status, body) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    expectNothingLeaked(res);
  });

  it('POST /orders with a bad body: ValidationPipe 400', async () => {
    const res = await http
      .post('/orders')
      .send({ items: [], payment: { cardNumber: '1234', cvv: '1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'items must contain at least 1 elements',
        'payment.cardNumber must be a credit card',
      ]),
    );
  });

  it('GET /docs redirects', async () => {
    const res = await http.get('/docs').redirects(0);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/orders/1');
  });

  it('POST /orders: the service logs the payment with card, cvv and Authorization censored, under the request ID', async () => {
    const res = await http
      .post('/orders')
      .set('authorization', 'Bearer sk_live_0123456789abcdef')
      .send({
        items: [{ sku: 'BOOK-1', quantity: 2 }],
        payment: { cardNumber: '4111 1111 1111 1111', cvv: '737' },
      });
    expect(res.status).toBe(201);
    const record = await recordFor(
      res.headers['x-request-id'] as string,
      'info',
    );
    expect(record).toMatchObject({
      message: 'charging card',
      context: 'OrdersService',
      userId: 'u_42',
      total: 3998,
      payment: { cardNumber: '[REDACTED]', cvv: '[REDACTED]' },
      headers: { authorization: '[REDACTED]' },
    });
    // The random request ID and the timestamp may hold any digits (`73767e…` failed once): the
    // secrets are looked for in everything else.
    const { requestId, timestamp, ...written } = record as Record<
      string,
      unknown
    >;
    expect(requestId).toBe(res.headers['x-request-id']);
    expect(typeof timestamp).toBe('string');
    const line = JSON.stringify(written);
    expect(line).not.toContain('4111');
    expect(line).not.toContain('737');
    expect(line).not.toContain('sk_live');
  });
});
