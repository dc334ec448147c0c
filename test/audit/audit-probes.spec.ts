import { describe, expect, it } from 'vitest';
import {
  buildProbes,
  LONG_LENGTH,
  NESTING_DEPTH,
  OVERSIZED_BODY_BYTES,
} from '../../lib/cli/audit.probes.js';

describe('audit probes', () => {
  it('covers every failure class on the first route, then the other routes', () => {
    const probes = buildProbes('', ['/orders/1', '/orders'], 'abc123');
    expect(
      probes.map((p) => `${p.name} ${p.method} ${p.path.slice(0, 30)}`),
    ).toEqual([
      'unknown-route GET /safe-errors-audit-abc123',
      'get GET /orders/1',
      'wrong-method PROPFIND /orders/1',
      'malformed-json POST /orders/1',
      'type-confusion POST /orders/1',
      'get-html GET /orders/1',
      'deep-json POST /orders/1',
      'nul-in-path GET /orders/1%00',
      'bad-encoding GET /%FF',
      'truncated-encoding GET /%E0%A4%A',
      'unknown-route-html GET /safe-errors-audit-abc123',
      'oversized-body POST /orders/1',
      `long-url GET /${'a'.repeat(29)}`,
      'long-header GET /orders/1',
      'get GET /orders',
      'wrong-method PROPFIND /orders',
      'malformed-json POST /orders',
      'type-confusion POST /orders',
      'get-html GET /orders',
      'deep-json POST /orders',
    ]);
  });

  it('sends bodies and headers of the advertised sizes and shapes', () => {
    const probes = buildProbes('', [], 't');
    const byName = new Map(probes.map((p) => [p.name, p]));
    expect(
      () => JSON.parse(byName.get('malformed-json')!.body!) as unknown,
    ).toThrow(SyntaxError);
    expect(JSON.parse(byName.get('type-confusion')!.body!)).toBeInstanceOf(
      Array,
    );
    const oversized = byName.get('oversized-body')!.body!;
    expect(Buffer.byteLength(oversized)).toBe(OVERSIZED_BODY_BYTES);
    expect(OVERSIZED_BODY_BYTES).toBeGreaterThan(1.1 * 1024 * 1024 - 1);
    expect(() => JSON.parse(oversized) as unknown).not.toThrow();
    const deep = byName.get('deep-json')!.body!;
    expect(deep).toBe('['.repeat(NESTING_DEPTH) + ']'.repeat(NESTING_DEPTH));
    expect(NESTING_DEPTH).toBe(10_000);
    expect(byName.get('long-url')!.path.length).toBeGreaterThan(LONG_LENGTH);
    expect(
      byName.get('long-header')!.headers['x-safe-errors-audit-padding'],
    ).toHaveLength(16 * 1024);
    for (const name of ['get-html', 'unknown-route-html']) {
      expect(byName.get(name)!.headers.accept).toMatch(/^text\/html/);
    }
    expect(byName.get('malformed-json')!.headers['content-type']).toBe(
      'application/json',
    );
  });

  it('stays under the base path and uses / when no path is known', () => {
    const probes = buildProbes('/api/v1', [], 't');
    for (const probe of probes)
      expect(probe.path.startsWith('/api/v1')).toBe(true);
    expect(probes.find((p) => p.name === 'get')!.path).toBe('/api/v1');
    expect(probes.find((p) => p.name === 'bad-encoding')!.path).toBe(
      '/api/v1/%FF',
    );
    expect(
      buildProbes('', [], 't').find((p) => p.name === 'nul-in-path')!.path,
    ).toBe('/%00');
  });
});
