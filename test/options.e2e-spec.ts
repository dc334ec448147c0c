import { Module, type ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  RedactingLogger,
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { FailuresController } from './app/failures.controller.js';
import { expectOpaque500, failureRecord } from './utils/assertions.js';
import { bootApp, PLATFORMS } from './utils/boot.js';
import { MemoryTransport } from './utils/memory.transport.js';

describe.each(PLATFORMS)('options (%s)', (platform) => {
  const boot = (imports: ModuleMetadata['imports']) =>
    bootApp({ imports, controllers: [FailuresController] }, { platform });

  it.each<[string, unknown, RegExp]>([
    [
      'requestIdHeader',
      { requestIdHeader: 'bad header\r\n' },
      /"requestIdHeader"/,
    ],
    ['requestIdHeader type', { requestIdHeader: 42 }, /"requestIdHeader"/],
    ['generateRequestId', { generateRequestId: 'nope' }, /"generateRequestId"/],
    [
      'generateRequestId output',
      { generateRequestId: () => 'short' },
      /"generateRequestId"/,
    ],
    [
      'generateRequestId unsafe',
      { generateRequestId: () => 'a\r\nSet-Cookie: x=1' },
      /"generateRequestId"/,
    ],
    [
      'trustIncomingRequestId',
      { trustIncomingRequestId: 'yes' },
      /"trustIncomingRequestId"/,
    ],
    ['logger.level', { logger: { level: 'loud' } }, /"logger\.level"/],
    ['logger.format', { logger: { format: 'xml' } }, /"logger\.format"/],
    [
      'logger.transports',
      { logger: { transports: [{}] } },
      /"logger\.transports\[0\]"/,
    ],
    [
      'redact.patterns',
      { redact: { patterns: ['password'] } },
      /"redact".*patterns/,
    ],
    ['an unknown option', { requestIDHeader: 'x' }, /"requestIDHeader"/],
    [
      'requestIdHeader: content-length',
      { requestIdHeader: 'content-length' },
      /"requestIdHeader"/,
    ],
    [
      'requestIdHeader: Set-Cookie',
      { requestIdHeader: 'Set-Cookie' },
      /"requestIdHeader"/,
    ],
    [
      'constant generateRequestId',
      { generateRequestId: () => 'constant1' },
      /"generateRequestId".*different/,
    ],
    [
      'a transport without on()',
      { logger: { transports: [{ log() {} }] } },
      /"logger\.transports\[0\]"/,
    ],
    [
      'logger.instance with transports',
      {
        logger: { instance: { log() {} }, transports: [new MemoryTransport()] },
      },
      /"logger\.instance"/,
    ],
  ])('a bad %s stops the boot, naming it', async (_what, options, message) => {
    await expect(
      Test.createTestingModule({
        imports: [SafeErrorsModule.forRoot(options as SafeErrorsModuleOptions)],
      }).compile(),
    ).rejects.toThrow(message);
  });

  it('forRootAsync with useFactory and inject configures the module', async () => {
    const logs = new MemoryTransport();
    @Module({
      providers: [{ provide: 'HEADER', useValue: 'x-correlation-id' }],
      exports: ['HEADER'],
    })
    class ConfigModule {}

    const app = await boot([
      SafeErrorsModule.forRootAsync({
        imports: [ConfigModule],
        inject: ['HEADER'],
        useFactory: async (header: string) => ({
          requestIdHeader: header,
          generateRequestId: () =>
            `req_${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}`,
          logger: { transports: [logs] },
        }),
      }),
    ]);
    try {
      const res = await request(app.getHttpServer()).get('/fail/error');
      expect(res.headers['x-request-id']).toBeUndefined();
      expect(res.headers['x-correlation-id']).toMatch(/^req_[a-z0-9]{10}$/);
      const requestId = res.headers['x-correlation-id'] as string;
      expect(res.body).toEqual({
        statusCode: 500,
        message: 'Internal server error',
        requestId,
      });
      await failureRecord(logs, requestId);
    } finally {
      await app.close();
    }
  });

  it('forRootAsync validates what the factory returns', async () => {
    await expect(
      Test.createTestingModule({
        imports: [
          SafeErrorsModule.forRootAsync({
            useFactory: () => ({ requestIdHeader: '' }),
          }),
        ],
      }).compile(),
    ).rejects.toThrow(/"requestIdHeader"/);
  });

  describe('trustIncomingRequestId', () => {
    it.each([
      ['a well-formed ID is reused', 'abc-123_XYZ.7', true],
      ['a space is ignored', 'abcdefgh ijk', false],
      ['a 10 KB value is ignored', 'a'.repeat(10_000), false],
      ['unicode is ignored', 'abcdefgh\u00e9', false],
      ['a too-short value is ignored', 'abc', false],
    ])('%s', async (_what, incoming, reused) => {
      const logs = new MemoryTransport();
      const app = await boot([
        SafeErrorsModule.forRoot({
          trustIncomingRequestId: true,
          logger: { transports: [logs] },
        }),
      ]);
      try {
        const res = await request(app.getHttpServer())
          .get('/fail/error')
          .set('x-request-id', incoming);
        const requestId = expectOpaque500(
          res,
          'x-request-id',
          reused ? /^.+$/ : undefined,
        );
        if (reused) expect(requestId).toBe(incoming);
        else expect(requestId).toMatch(/^[0-9a-f]{16}$/);
        await failureRecord(logs, requestId);
      } finally {
        await app.close();
      }
    });
  });

  it('a bare import of the class registers nothing', async () => {
    const app = await boot([SafeErrorsModule]);
    try {
      const res = await request(app.getHttpServer()).get('/fail/error');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        statusCode: 500,
        message: 'Internal server error',
      });
      expect(res.headers['x-request-id']).toBeUndefined();
      expect(() => app.get(RedactingLogger)).toThrow();
    } finally {
      await app.close();
    }
  });
});
