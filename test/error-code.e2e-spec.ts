import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNothingLeaked } from './utils/assertions.js';
import { bootFixture, PLATFORMS, type BootedApp } from './utils/boot.js';
import { NEST_MAJOR } from './utils/nest-version.js';

// errorCode is new in Nest 12: Nest 11 has no such option to pass through.
describe.skipIf(NEST_MAJOR < 12).each(PLATFORMS)(
  "errorCode: an HttpException's code reaches the client as on bare Nest (%s)",
  (platform) => {
    let safe: BootedApp;
    let bare: BootedApp;

    beforeAll(async () => {
      [safe, bare] = await Promise.all([
        bootFixture({}, platform),
        bootFixture(false, platform),
      ]);
    });
    afterAll(async () => {
      await Promise.all([safe.close(), bare.close()]);
    });

    it.each([
      [
        'a string-bodied HttpException',
        '/http/error-code',
        429,
        '{"statusCode":429,"message":"Quota exceeded","errorCode":"QUOTA_EXCEEDED"}',
      ],
      [
        'a built-in exception',
        '/http/error-code-built-in',
        400,
        '{"message":"Bad order","error":"Bad Request","statusCode":400,"errorCode":"ORDER_INVALID"}',
      ],
    ])(
      '%s with an errorCode: the same status, bytes and content type as Nest',
      async (_what, path, status, text) => {
        const [ours, nest] = await Promise.all([
          request(safe.app.getHttpServer()).get(path),
          request(bare.app.getHttpServer()).get(path),
        ]);
        expect(nest.status).toBe(status);
        expect(nest.text).toBe(text);
        expect(ours.status).toBe(nest.status);
        expect(ours.text).toBe(nest.text);
        expect(ours.headers['content-type']).toBe(nest.headers['content-type']);
        expect(ours.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        expectNothingLeaked(ours);
      },
    );
  },
);
