import type { AbstractHttpAdapter } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import {
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { SafeErrorsConfig } from '../../lib/module/safe-errors.config.js';
import {
  REQUEST_ID,
  requestIdOf,
} from '../../lib/request-id/request-context.js';
import { registerOnPlatform } from '../../lib/request-id/request-id.middleware.js';

// Tests for what mutation testing (npm run mutate:request-id) found unguarded in lib/request-id/.

const compile = (options: SafeErrorsModuleOptions) =>
  Test.createTestingModule({
    imports: [SafeErrorsModule.forRoot(options)],
  }).compile();

describe('requestIdHeader: only the reserved names themselves are refused', () => {
  it.each([
    // Names that merely end with a reserved one...
    'x-proxy-request-id',
    'x-cookie',
    'x-host',
    'request-te',
    // ...or start with one.
    'connection-id',
    'hostname',
    'tenant-request-id',
    'cookie-id',
  ])('accepts %s', async (header) => {
    const moduleRef = await compile({ requestIdHeader: header });
    await moduleRef.close();
  });

  it.each([
    'proxy-authorization',
    'Proxy-Authenticate',
    'proxy-connection',
    'content-type',
    'te',
  ])('refuses %s', async (header) => {
    await expect(compile({ requestIdHeader: header })).rejects.toThrow(
      /"requestIdHeader"/,
    );
  });
});

describe('generateRequestId: the whole ID must be header-safe, not just part of it', () => {
  it.each([
    ['leading junk', (n: number) => `<script>${n}-abcdefgh`],
    ['trailing junk', (n: number) => `abcdefgh-${n} ; x=1`],
  ])('a generator with %s stops the boot', async (_what, make) => {
    let n = 0;
    await expect(
      compile({ generateRequestId: () => make(n++) }),
    ).rejects.toThrow(/"generateRequestId".*must return strings matching/);
  });

  it('an ID that turns unsafe at run time is replaced by a default one', () => {
    let n = 0;
    const config = new SafeErrorsConfig({
      generateRequestId: () =>
        n++ < 3 ? `custom-id-${n}` : `custom-id-${n}\r\nx-admin: 1`,
    });
    expect(config.newRequestId()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the ID left on the request itself', () => {
  it.each([
    ['a number', 42],
    ['an object', { id: 'abcdef0123456789' }],
    ['an array', ['abcdef0123456789']],
  ])('is no ID when the slot holds %s', (_what, value) => {
    expect(requestIdOf({ [REQUEST_ID]: value })).toBeUndefined();
    expect(requestIdOf({ raw: { [REQUEST_ID]: value } })).toBeUndefined();
  });
});

describe('registering the request-ID hook on Express', () => {
  const config = new SafeErrorsConfig({});

  it('leaves an adapter without getType() to MiddlewareConsumer, without throwing', () => {
    const adapter = {
      getInstance: () => ({ use: () => undefined }),
    } as unknown as AbstractHttpAdapter;
    expect(registerOnPlatform(adapter, config)).toBe(false);
  });

  it('leaves an Express adapter whose instance has no use() to MiddlewareConsumer', () => {
    const adapter = {
      getType: () => 'express',
      getInstance: () => ({}),
    } as unknown as AbstractHttpAdapter;
    expect(registerOnPlatform(adapter, config)).toBe(false);
  });
});
