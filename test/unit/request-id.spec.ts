import type { AbstractHttpAdapter } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { getRequestId } from 'nestjs-safe-errors';
import { registerOnPlatform } from '../../lib/request-id/request-id.middleware.js';
import { SafeErrorsConfig } from '../../lib/module/safe-errors.config.js';
import { createRequestIdGenerator } from '../../lib/request-id/request-id.generator.js';

describe('request IDs', () => {
  it('are 16 lowercase hex characters and never repeat across pool refills', () => {
    const next = createRequestIdGenerator();
    const ids = Array.from({ length: 5_000 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are never all digits, so none can pass for a card number and be censored or reported', () => {
    // About 108 of 200,000 uniform 16-hex draws are all digits, and one in ten of those passes Luhn.
    const next = createRequestIdGenerator();
    const ids = Array.from({ length: 200_000 }, next);
    expect(ids.filter((id) => /^\d+$/.test(id))).toEqual([]);
    expect(ids.filter((id) => /^[a-f]/.test(id)).length).toBeGreaterThan(
      70_000,
    );
  });

  it('two generators do not share a sequence', () => {
    const a = createRequestIdGenerator();
    const b = createRequestIdGenerator();
    // Interleaved, so a pool or an offset shared between the two would hand both the same bytes; 1,000
    // each crosses a pool refill (512 IDs) in both.
    const fromA: string[] = [];
    const fromB: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      fromA.push(a());
      fromB.push(b());
    }
    for (const id of [...fromA, ...fromB]) expect(id).toMatch(/^[0-9a-f]{16}$/);
    const inA = new Set(fromA);
    expect(inA.size).toBe(1_000);
    expect(new Set(fromB).size).toBe(1_000);
    expect(fromB.filter((id) => inA.has(id))).toEqual([]);
    expect(fromA).not.toEqual(fromB);
  });

  it('one generator yields 10,000 distinct IDs that use every hex digit in every position', () => {
    const next = createRequestIdGenerator();
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(10_000);
    // 64 random bits: after 10,000 draws each position has shown all 16 digits (a miss has odds
    // below 1e-270), which a counter, a timestamp or a stuck byte would not.
    for (let position = 0; position < 16; position++) {
      const digits = new Set(ids.map((id) => id[position]));
      expect([...digits].sort().join('')).toBe('0123456789abcdef');
    }
  });

  it.each([
    ['CR/LF', 'abcdefgh\r\nset-cookie: x=1'],
    ['a lone LF', 'abcdefgh\nxyz'],
    ['a NUL', 'abcdefgh\u0000'],
    ['a header array', ['abcdefgh1', 'abcdefgh2']],
  ])('an incoming ID with %s is never echoed', (_what, incoming) => {
    const config = new SafeErrorsConfig({ trustIncomingRequestId: true });
    const id = config.requestIdFor({ 'x-request-id': incoming as string });
    expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a custom generator that starts failing at run time is replaced by the default', () => {
    let calls = 0;
    const config = new SafeErrorsConfig({
      generateRequestId: () => {
        calls++;
        if (calls > 3) throw new Error('entropy source gone');
        return `custom-id-000${calls}`;
      },
    });
    expect(config.newRequestId()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the ID left on the request itself', () => {
  it('is read from Node’s request, or from Fastify’s raw one', async () => {
    const { REQUEST_ID, requestIdOf } =
      await import('../../lib/request-id/request-context.js');
    expect(requestIdOf({ [REQUEST_ID]: 'abcdef0123456789' })).toBe(
      'abcdef0123456789',
    );
    expect(requestIdOf({ raw: { [REQUEST_ID]: '0123456789abcdef' } })).toBe(
      '0123456789abcdef',
    );
    expect(requestIdOf({})).toBeUndefined();
    expect(requestIdOf(null)).toBeUndefined();
  });
});

describe('registering the request-ID hook on the platform', () => {
  const config = new SafeErrorsConfig({});

  function fakeAdapter(type: string, instance: object): AbstractHttpAdapter {
    return {
      getType: () => type,
      getInstance: () => instance,
    } as unknown as AbstractHttpAdapter;
  }

  it('leaves other platforms (and no HTTP server at all) to MiddlewareConsumer', () => {
    expect(registerOnPlatform(fakeAdapter('other', {}), config)).toBe(false);
    expect(registerOnPlatform(undefined, config)).toBe(false);
  });

  it('on Fastify, adds one onRequest hook that gives the raw request its ID, once per instance', () => {
    const hooks: [string, (...args: unknown[]) => void][] = [];
    const instance = {
      addHook: (name: string, hook: (...args: unknown[]) => void) =>
        hooks.push([name, hook]),
    };
    const adapter = fakeAdapter('fastify', instance);
    expect(registerOnPlatform(adapter, config)).toBe(true);
    expect(registerOnPlatform(adapter, config)).toBe(true);
    expect(hooks.map(([name]) => name)).toEqual(['onRequest']);
    const headers: Record<string, string> = {};
    const raw = { setHeader: (k: string, v: string) => (headers[k] = v) };
    let inside: string | undefined;
    hooks[0]![1](
      { raw: { headers: {} } },
      { raw },
      () => (inside = getRequestId()),
    );
    expect(headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    expect(inside).toBe(headers['x-request-id']);
  });

  it('leaves a platform instance without use() or addHook() to MiddlewareConsumer', () => {
    expect(registerOnPlatform(fakeAdapter('express', {}), config)).toBe(false);
    expect(registerOnPlatform(fakeAdapter('fastify', {}), config)).toBe(false);
  });

  it.each(['express'])(
    'on %s, sets the header and hands on once, inside the request context',
    (type) => {
      const handlers: ((...args: unknown[]) => void)[] = [];
      const instance = {
        use: (handler: (...args: unknown[]) => void) => handlers.push(handler),
      };
      expect(registerOnPlatform(fakeAdapter(type, instance), config)).toBe(
        true,
      );
      expect(handlers).toHaveLength(1);
      const headers: Record<string, string> = {};
      const res = { setHeader: (k: string, v: string) => (headers[k] = v) };
      let inside: string | undefined;
      let calls = 0;
      handlers[0]!({ headers: {} }, res, () => {
        calls++;
        inside = getRequestId();
      });
      expect(calls).toBe(1);
      expect(headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      expect(inside).toBe(headers['x-request-id']);
    },
  );

  it('rethrows what the rest of the chain throws, without handing on twice', () => {
    let handler: ((...args: unknown[]) => void) | undefined;
    const instance = {
      use: (h: (...args: unknown[]) => void) => (handler = h),
    };
    registerOnPlatform(fakeAdapter('express', instance), config);
    let calls = 0;
    expect(() =>
      handler!({ headers: {} }, { setHeader: () => undefined }, () => {
        calls++;
        throw new Error('downstream');
      }),
    ).toThrow('downstream');
    expect(calls).toBe(1);
  });

  it('on Express, a failure before handing on still lets the request go on, once', () => {
    let handler: ((...args: unknown[]) => void) | undefined;
    const instance = {
      use: (h: (...args: unknown[]) => void) => (handler = h),
    };
    registerOnPlatform(fakeAdapter('express', instance), config);
    const res = {
      setHeader: () => {
        throw new Error('headers already sent');
      },
    };
    const nexts: unknown[] = [];
    handler!({ headers: {} }, res, (error?: unknown) => nexts.push(error));
    expect(nexts).toEqual([undefined]);
  });
});
