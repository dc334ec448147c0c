import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startChildApp } from '../utils/child-app.js';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/traced-app.mjs', import.meta.url),
);
const ROUTES = ['manual-sync', 'manual-async', 'no-span'] as const;

interface Span {
  name: string;
  traceId: string;
  spanId: string;
}
type Line = Record<string, unknown>;

/** Boots the traced app in its own process, calls each route once, stops it, and returns what it wrote. */
async function run(mode: string) {
  const app = await startChildApp(FIXTURE, { MODE: mode });
  try {
    for (const route of ROUTES) {
      const res = await fetch(`http://127.0.0.1:${app.port}/${route}`);
      expect(res.status).toBe(500);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    await app.stop();
  }
  const text = app.stdout().split('\n');
  const spans = text
    .filter((l) => l.startsWith('SPAN '))
    .map((l) => JSON.parse(l.slice(5)) as Span);
  const lines = text
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.context === 'SafeErrorsFilter');
  const lineOf = (route: string) => {
    const found = lines.filter((l) => l.url === `/${route}`);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const span = (name: string) => {
    const found = spans.filter((s) => s.name === name);
    expect(found.length).toBeGreaterThan(0);
    return found;
  };
  return { lineOf, span, spans };
}

describe("the failure line's trace context, in an app traced with @opentelemetry/sdk-trace-node", () => {
  it('names the span where the error was thrown (sync and async startActiveSpan); none without a span', async () => {
    const { lineOf, span } = await run('plain');
    for (const [route, name] of [
      ['manual-sync', 'charge-card'],
      ['manual-async', 'load-order'],
    ] as const) {
      const [thrownIn] = span(name);
      expect(lineOf(route)).toMatchObject({
        traceId: thrownIn!.traceId,
        spanId: thrownIn!.spanId,
      });
    }
    expect(lineOf('no-span')).not.toHaveProperty('traceId');
  });

  it('with HTTP auto-instrumentation, names the handler span, not the request span, and the request span when the handler has none', async () => {
    const { lineOf, span, spans } = await run('http');
    const server = span('GET');
    for (const [route, name] of [
      ['manual-sync', 'charge-card'],
      ['manual-async', 'load-order'],
    ] as const) {
      const [thrownIn] = span(name);
      const line = lineOf(route);
      expect(line).toMatchObject({
        traceId: thrownIn!.traceId,
        spanId: thrownIn!.spanId,
      });
      // The handler's span is a child of that request's span: same trace, another span.
      expect(server.map((s) => s.traceId)).toContain(thrownIn!.traceId);
      expect(server.map((s) => s.spanId)).not.toContain(line.spanId);
    }
    const noSpan = lineOf('no-span');
    const request = spans.find((s) => s.traceId === noSpan.traceId)!;
    expect(request).toMatchObject({ name: 'GET', spanId: noSpan.spanId });
  });

  it("with the winston instrumentation and the app's logger.instance, carries its trace_id/span_id for the thrown span, not ours beside them", async () => {
    const { lineOf, span } = await run('winston-instance');
    const [thrownIn] = span('charge-card');
    const line = lineOf('manual-sync');
    expect(line).toMatchObject({
      trace_id: thrownIn!.traceId,
      span_id: thrownIn!.spanId,
    });
    expect(line).not.toHaveProperty('traceId');
    expect(line).not.toHaveProperty('spanId');
  });

  it('with the winston instrumentation and the library’s own logger, writes traceId/spanId once, and no trace_id', async () => {
    const { lineOf, span } = await run('winston-owned');
    const [thrownIn] = span('load-order');
    const line = lineOf('manual-async');
    expect(line).toMatchObject({
      traceId: thrownIn!.traceId,
      spanId: thrownIn!.spanId,
    });
    expect(line).not.toHaveProperty('trace_id');
  });
});
