import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNothingLeaked } from './utils/assertions.js';
import { bootFixture, PLATFORMS, type BootedApp } from './utils/boot.js';

type Probe = (http: ReturnType<typeof request>) => request.Test;

const probes: [string, Probe][] = [
  ['NotFoundException', (h) => h.get('/http/not-found')],
  ['UnauthorizedException', (h) => h.get('/http/unauthorized')],
  ['ForbiddenException', (h) => h.get('/http/forbidden')],
  ['a user subclass', (h) => h.get('/http/custom')],
  ['a string-bodied HttpException', (h) => h.get('/http/string')],
  ['an HttpException with a cause', (h) => h.get('/http/with-cause')],
  ['a 5xx HttpException', (h) => h.get('/http/server-error')],
  ['ValidationPipe', (h) => h.post('/things').send({ name: 1 })],
  ['an unknown route', (h) => h.get('/no/such/route?q=1')],
  ['a wrong method', (h) => h.delete('/ok')],
  [
    'malformed JSON',
    (h) =>
      h.post('/echo').set('content-type', 'application/json').send('{"a":'),
  ],
  ['bad percent-encoding', (h) => h.get('/fail/pipe/%FF')],
  // No route matches, so nothing decodes it; the module's own hook must not decode it either.
  ['bad percent-encoding, no route', (h) => h.get('/%FF')],
  [
    'an oversized body',
    // Over both defaults: Express 100 KB, Fastify 1 MiB.
    (h) => h.post('/echo').send({ blob: 'x'.repeat(1_100_000) }),
  ],
];

describe.each(PLATFORMS)(
  'differential: HttpExceptions look exactly as on bare Nest (%s)',
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

    it.each(probes)('%s', async (what, probe) => {
      const [ours, nest] = await Promise.all([
        probe(request(safe.app.getHttpServer())),
        probe(request(bare.app.getHttpServer())),
      ]);
      expect(nest.status).toBeGreaterThanOrEqual(400);
      expect(ours.status).toBe(nest.status);
      expect(ours.text).toBe(nest.text);
      expect(ours.headers['content-type']).toBe(nest.headers['content-type']);
      // Fastify's router answers a bad URL before Nest runs (see fastify.e2e-spec.ts for the handler).
      const reachesNest = !(
        platform === 'fastify' && what.startsWith('bad percent-encoding')
      );
      if (reachesNest) {
        expect(ours.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
        expectNothingLeaked(ours);
      }
      expect(nest.headers['x-powered-by']).toBe(
        platform === 'express' ? 'Express' : undefined,
      );
      expect(ours.headers['x-powered-by']).toBeUndefined();
    });
  },
);
