import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import winston from 'winston';
import { RedactingLogger } from 'nestjs-safe-errors';
import { requestContext } from '../../lib/request-id/request-context.js';
import { FieldsTransport, MemoryTransport } from '../utils/memory.transport.js';

// oxlint-disable-next-line no-control-regex -- raw control characters are what these tests look for
const RAW_CONTROL = /[\n\r\u001b]/;

// Two ways out: winston's own line transports (the logger builds each line itself) and a transport that
// reads fields (it gets a redacted copy). Every test runs on both.
const CAPTURES = [
  ['line transport', () => new MemoryTransport()],
  ['fields transport', () => new FieldsTransport()],
] as const;
let capture: () => MemoryTransport | FieldsTransport = CAPTURES[0][1];

function makeLogger(
  options: ConstructorParameters<typeof RedactingLogger>[0] = {},
) {
  const logs = capture();
  const logger = new RedactingLogger({
    transports: [logs],
    ...(options as object),
  });
  const lines = async (n: number) => {
    await vi.waitFor(() => expect(logs.lines.length).toBeGreaterThanOrEqual(n));
    return logs.records();
  };
  return { logger, logs, lines };
}

describe.each(CAPTURES)('RedactingLogger (%s)', (_name, make) => {
  beforeAll(() => {
    capture = make;
  });

  it('writes structured metadata from a service call, censoring secrets and keeping the rest', async () => {
    const { logger, lines } = makeLogger();
    const payment = { card: '4111111111111111', cvv: '123', amount: 1999 };
    logger.log('charged card', {
      orderId: 'o_1',
      payment,
      password: 'hunter2',
    });
    const [line] = await lines(1);
    expect(line).toMatchObject({
      level: 'info',
      message: 'charged card',
      orderId: 'o_1',
      payment: { card: '[REDACTED]', cvv: '[REDACTED]', amount: 1999 },
      password: '[REDACTED]',
    });
    expect(line!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The caller's object is untouched.
    expect(payment).toEqual({
      card: '4111111111111111',
      cvv: '123',
      amount: 1999,
    });
  });

  it('logs an Error as data: name, message, stack, own fields, cause; never as {}', async () => {
    const { logger, lines } = makeLogger();
    const err = Object.assign(
      new Error('payment failed for postgres://u:pw-secret-1@db/x', {
        cause: new Error('token=tok-secret-2'),
      }),
      { code: 'E_PAY' },
    );
    logger.error('payment failed', err);
    const [line] = await lines(1);
    const error = line!.error as Record<string, unknown>;
    expect(error).toMatchObject({
      name: 'Error',
      message: 'payment failed for postgres://u:[REDACTED]@db/x',
      code: 'E_PAY',
      cause: { name: 'Error', message: 'token=[REDACTED]' },
    });
    expect(error.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(line)).not.toMatch(/pw-secret-1|tok-secret-2/);
  });

  it('takes warn({ msg, ...fields })', async () => {
    const { logger, lines } = makeLogger();
    logger.warn({ msg: 'slow query', ms: 1200, apiKey: 'k-123456' });
    expect((await lines(1))[0]).toMatchObject({
      level: 'warn',
      message: 'slow query',
      ms: 1200,
      apiKey: '[REDACTED]',
    });
  });

  it("follows Nest's calling convention: log(message, context), error(message, stack, context)", async () => {
    const { logger, lines } = makeLogger();
    logger.log('Mapped {/orders, GET} route', 'RouterExplorer');
    const stack = 'Error: x\n    at foo (/app/a.js:1:1)';
    logger.error('boom', stack, 'ExceptionsHandler');
    logger.error('no stack', undefined, 'Ctx');
    const [a, b, c] = await lines(3);
    expect(a).toMatchObject({
      level: 'info',
      message: 'Mapped {/orders, GET} route',
      context: 'RouterExplorer',
    });
    expect(b).toMatchObject({
      level: 'error',
      message: 'boom',
      stack,
      context: 'ExceptionsHandler',
    });
    expect(c).toMatchObject({
      level: 'error',
      message: 'no stack',
      context: 'Ctx',
    });
  });

  it('never takes a secret passed last for the context: only a name-like string is a context', async () => {
    const { logger, lines } = makeLogger();
    logger.log('connecting to', 'postgres://admin:s3cret@db:5432/app');
    logger.warn('login failed for', 'password=hunter2');
    logger.log(
      'token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXgteHh4',
    );
    const [a, b, c] = await lines(3);
    expect(a).toMatchObject({
      args: ['postgres://admin:[REDACTED]@db:5432/app'],
    });
    expect(a).not.toHaveProperty('context');
    expect(b).toMatchObject({ args: ['password=[REDACTED]'] });
    // Name-like, so taken as the context, and still scrubbed there.
    expect(c!.context).toBe('[REDACTED]');
    expect(JSON.stringify([a, b, c])).not.toMatch(
      /s3cret|hunter2|c2lnbmF0dXJl/,
    );
  });

  it('keeps the request and trace IDs authoritative: colliding fields are kept aside', async () => {
    const { logger, lines } = makeLogger();
    requestContext.run({ requestId: 'realid0000000001' }, () =>
      logger.log('user payload', {
        requestId: 'forged-id',
        context: 'Forged',
        traceId: 'x',
        ok: 1,
      }),
    );
    const [line] = await lines(1);
    expect(line).toMatchObject({
      requestId: 'realid0000000001',
      ok: 1,
      conflictingFields: {
        requestId: 'forged-id',
        context: 'Forged',
        traceId: 'x',
      },
    });
    expect(line).not.toHaveProperty('context');
    expect(line).not.toHaveProperty('traceId');
  });

  it('fixes a line when the call returns: changing the fields afterwards reaches no line', async () => {
    const { logger, logs, lines } = makeLogger();
    const user = { name: 'ada', roles: ['admin'], address: { city: 'London' } };
    logger.log('signed in', { user });
    // Changed before winston has written anything.
    Object.assign(user, { note: 'password=hunter2', token: 'tok_abcdefgh' });
    user.roles.push('s3cret-role');
    user.address.city = 'api_key=AKIAABCDEFGHIJKLMNOP';
    const [line] = await lines(1);
    expect(line!.user).toEqual({
      name: 'ada',
      roles: ['admin'],
      address: { city: 'London' },
    });
    expect(logs.lines[0]).not.toMatch(/hunter2|tok_|s3cret|AKIA/);
  });

  it('reads each value once: a getter or toJSON changing what was already read reaches no line', async () => {
    const { logger, logs, lines } = makeLogger();
    let reads = 0;
    const tricky = {
      get note() {
        return reads++ === 0 ? 'fine' : 'password=hunter2';
      },
    };
    const order: Record<string, unknown> = { card: { last4: '1111' } };
    order.total = {
      toJSON() {
        (order.card as Record<string, unknown>).number = '4111111111111111';
        return 42;
      },
    };
    logger.log('tricky', { tricky, order });
    const [line] = await lines(1);
    expect(line).toMatchObject({
      tricky: { note: 'fine' },
      order: { card: { last4: '1111' }, total: 42 },
    });
    expect(logs.lines[0]).not.toMatch(/hunter2|4111111111111111/);
  });

  it("a toJSON cannot forge the line's own keys", async () => {
    const { logger, lines } = makeLogger();
    logger.log('hello', {
      toJSON: () => ({ level: 'fatal', message: 'forged', requestId: 'evil' }),
    });
    const [line] = await lines(1);
    expect(line).toMatchObject({
      level: 'info',
      message: 'hello',
      conflictingFields: {
        level: 'fatal',
        message: 'forged',
        requestId: 'evil',
      },
    });
    expect(line).not.toHaveProperty('requestId');
  });

  it('keeps an own __proto__ field as a field, and a forged ID beside it', async () => {
    const { logger, lines } = makeLogger();
    const fields = JSON.parse(
      '{"__proto__":{"polluted":true},"requestId":"forged","ok":1}',
    ) as Record<string, unknown>;
    logger.log('odd keys', fields);
    const [line] = await lines(1);
    expect(Object.getOwnPropertyDescriptor(line, '__proto__')?.value).toEqual({
      polluted: true,
    });
    expect(line).toMatchObject({
      ok: 1,
      conflictingFields: { requestId: 'forged' },
    });
    expect(line).not.toHaveProperty('requestId');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("resolves lazy messages as Nest's ConsoleLogger does", async () => {
    const { logger, lines } = makeLogger();
    logger.log(() => 'computed message');
    class OrdersService {}
    logger.log(OrdersService);
    const [a, b] = await lines(2);
    expect(a!.message).toBe('computed message');
    expect(b!.message).toBe('OrdersService');
  });

  it('error(message, stack, context) takes an unframed stack string as the stack', async () => {
    const { logger, lines } = makeLogger();
    logger.error('failed', 'Error: boom', 'Ctx');
    expect((await lines(1))[0]).toMatchObject({
      message: 'failed',
      stack: 'Error: boom',
      context: 'Ctx',
    });
  });

  it('writes lines logged after close() to stderr instead of losing them', async () => {
    const { logger, lines } = makeLogger();
    logger.log('before');
    await lines(1);
    await logger.close();
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((
      chunk: string,
    ) => {
      chunks.push(chunk);
      return true;
    }) as typeof process.stderr.write);
    try {
      logger.log('late line', { password: 'x-secret' });
    } finally {
      spy.mockRestore();
    }
    expect(chunks).toHaveLength(1);
    expect(JSON.parse(chunks[0]!)).toMatchObject({
      message: 'late line',
      password: '[REDACTED]',
    });
  });

  it('stops listening to a winston instance it was given once closed', async () => {
    const instance = winston.createLogger({
      transports: [new MemoryTransport()],
    });
    const before = instance.listenerCount('error');
    const logger = new RedactingLogger({ instance });
    expect(instance.listenerCount('error')).toBe(before + 1);
    await logger.close();
    expect(instance.listenerCount('error')).toBe(before);
  });

  it('forContext() stamps the context on each line and shares the output', async () => {
    const { logger, lines } = makeLogger();
    logger.forContext('OrdersService').log('hello');
    logger.log('root');
    const [a, b] = await lines(2);
    expect(a).toMatchObject({ message: 'hello', context: 'OrdersService' });
    expect(b!.context).toBeUndefined();
  });

  it('honours level and setLogLevels', async () => {
    const { logger, logs, lines } = makeLogger({ level: 'warn' });
    logger.log('dropped');
    logger.debug('dropped');
    logger.warn('kept');
    expect((await lines(1)).map((r) => r.message)).toEqual(['kept']);
    logger.setLogLevels(['debug']);
    logger.warn('now dropped');
    logger.debug('now kept');
    await vi.waitFor(() => expect(logs.lines).toHaveLength(2));
    expect(logs.records()[1]).toMatchObject({
      level: 'debug',
      message: 'now kept',
    });
    expect(logger.isLevelEnabled('warn')).toBe(false);
  });

  it('writes fatal and verbose', async () => {
    const { logger, lines } = makeLogger({ level: 'verbose' });
    logger.fatal('down');
    logger.verbose('chatty');
    expect((await lines(2)).map((r) => r.level)).toEqual(['fatal', 'verbose']);
  });

  it('carries the requestId inside a request and none outside', async () => {
    const { logger, lines } = makeLogger();
    requestContext.run({ requestId: 'abcdef0123456789' }, () =>
      logger.log('inside'),
    );
    logger.log('outside');
    const [inside, outside] = await lines(2);
    expect(inside!.requestId).toBe('abcdef0123456789');
    expect(outside).not.toHaveProperty('requestId');
  });

  it('never lets a caller forge level or timestamp', async () => {
    const { logger, lines } = makeLogger();
    logger.log('x', { level: 'fatal', timestamp: 'yesterday' });
    const [line] = await lines(1);
    expect(line!.level).toBe('info');
    expect(line!.timestamp).not.toBe('yesterday');
  });

  describe('log injection (CWE-117)', () => {
    const forged =
      'GET /x\n{"level":"error","message":"forged"}\r\n\u001b[31mred';

    it('JSON lines escape CR, LF and ANSI: one record, no forged line', async () => {
      const { logger, logs, lines } = makeLogger();
      logger.log(forged, { path: forged });
      await lines(1);
      expect(logs.lines).toHaveLength(1);
      expect(logs.lines[0]).not.toMatch(RAW_CONTROL);
      expect(logs.records()[0]!.message).toBe(forged);
    });

    it('the pretty format shows control characters instead of obeying them', async () => {
      const { logger, logs } = makeLogger({ format: 'pretty' });
      logger.forContext('Ctx').warn(forged, { path: forged });
      await vi.waitFor(() => expect(logs.lines).toHaveLength(1));
      const line = logs.lines[0]!;
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line).toMatch(
        /^\d{4}-\d{2}-\d{2}T\S+ WARN +\[Ctx\] GET \/x\\n\{"level":"error"/,
      );
      expect(line).toContain('\\u001b[31mred');
    });
  });

  describe('with OpenTelemetry', () => {
    const manager = new AsyncLocalStorageContextManager();
    beforeAll(() => {
      context.setGlobalContextManager(manager.enable());
    });
    afterAll(() => {
      context.disable();
    });

    it('adds traceId and spanId of the active span', async () => {
      const { logger, lines } = makeLogger();
      const span = trace.wrapSpanContext({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: 1,
      });
      context.with(trace.setSpan(context.active(), span), () =>
        logger.log('traced'),
      );
      logger.log('untraced');
      const [traced, untraced] = await lines(2);
      expect(traced).toMatchObject({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
      });
      expect(untraced).not.toHaveProperty('traceId');
    });
  });
});

describe('RedactingLogger with a transport that reads fields', () => {
  it("hands it a redacted copy: secrets censored, and none of the caller's objects", async () => {
    const logs = new FieldsTransport();
    const logger = new RedactingLogger({ transports: [logs] });
    const order = {
      id: 'o_1',
      card: { number: '4111111111111111', holder: 'Ada' },
    };
    logger.warn('declined', { order, password: 'hunter2' });
    await vi.waitFor(() => expect(logs.infos).toHaveLength(1));
    const info = logs.infos[0]!;
    expect(info).toMatchObject({
      level: 'warn',
      message: 'declined',
      password: '[REDACTED]',
      order: { id: 'o_1', card: { number: '[REDACTED]', holder: 'Ada' } },
    });
    expect(info.order).not.toBe(order);
    await logger.close();
  });
});
