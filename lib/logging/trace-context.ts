import { requireOptionalPeer } from './optional-peer.cjs';

export interface SpanContextLike {
  traceId: string;
  spanId: string;
}
interface OtelApiLike {
  trace: {
    getActiveSpan(): { spanContext(): SpanContextLike } | undefined;
    isSpanContextValid?(context: SpanContextLike): boolean;
  };
}

/** @internal Reads the active OpenTelemetry span, when `@opentelemetry/api` is installed. */
export type TraceReader = () => SpanContextLike | undefined;

/**
 * @internal `@opentelemetry/api` is an optional peer: loaded synchronously if present, so a logger built
 * without it costs nothing per line.
 */
export function createTraceReader(): TraceReader | undefined {
  let api: OtelApiLike;
  try {
    api = requireOptionalPeer('@opentelemetry/api') as OtelApiLike;
  } catch {
    return undefined;
  }
  return () => {
    const span = api.trace.getActiveSpan();
    if (!span) return undefined;
    const ctx = span.spanContext();
    if (api.trace.isSpanContextValid && !api.trace.isSpanContextValid(ctx))
      return undefined;
    return ctx;
  };
}

interface OtelContextApiLike {
  context: {
    active(): unknown;
    with(context: unknown, fn: () => void): void;
  };
  trace: { setSpanContext(context: unknown, span: SpanContextLike): unknown };
}

/**
 * @internal Runs `fn` with `span` as the active span, for a winston that reads the active span itself
 * (OpenTelemetry's winston instrumentation): its `trace_id` then names the span where the error was
 * thrown. Without the API, just runs `fn`.
 */
export function withActiveSpan(span: SpanContextLike, fn: () => void): void {
  let api: OtelContextApiLike;
  try {
    api = requireOptionalPeer('@opentelemetry/api') as OtelContextApiLike;
  } catch {
    return fn();
  }
  api.context.with(api.trace.setSpanContext(api.context.active(), span), fn);
}

/** @internal Whether a winston logger's `write` was wrapped by OpenTelemetry's winston instrumentation. */
export function correlatesItself(logger: unknown): boolean {
  const write = (logger as { write?: unknown } | null)?.write;
  return (
    typeof write === 'function' &&
    (write as { __wrapped?: unknown }).__wrapped === true
  );
}
