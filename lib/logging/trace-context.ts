import { requireOptionalPeer } from './optional-peer.cjs';

interface SpanContextLike {
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
