import { requireOptionalPeer } from './optional-peer.cjs';
import type { SpanContextLike } from './trace-context.js';

type Fn = (...args: unknown[]) => unknown;

interface OtelApiLike {
  context: {
    with(
      context: unknown,
      fn: Fn,
      thisArg?: unknown,
      ...args: unknown[]
    ): unknown;
  };
  trace: {
    getSpan(context: unknown): { spanContext(): SpanContextLike } | undefined;
    isSpanContextValid?(context: SpanContextLike): boolean;
  };
}

// Where each error left the innermost context that had a span: set once, by the innermost.
const thrownIn = new WeakMap<object, SpanContextLike>();
let installed: { api: OtelApiLike; users: number; on: boolean } | undefined;

/** @internal The span that was active where `error` was thrown, if it left a span's context. */
export function spanWhereThrown(error: unknown): SpanContextLike | undefined {
  return typeof error === 'object' && error !== null
    ? thrownIn.get(error)
    : undefined;
}

function note(api: OtelApiLike, error: unknown, context: unknown): void {
  if (typeof error !== 'object' || error === null || thrownIn.has(error))
    return;
  const span = api.trace.getSpan(context)?.spanContext();
  if (!span) return;
  if (api.trace.isSpanContextValid && !api.trace.isSpanContextValid(span))
    return;
  thrownIn.set(error, span);
}

function isNativePromise(value: unknown): value is Promise<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Promise.prototype
  );
}

/**
 * @internal Remembers, for each error that leaves an OpenTelemetry context (`startActiveSpan`,
 * `context.with`, an instrumentation's span), the span of that context, so the filter's line names the span
 * where the error was thrown, not the request's, which is all that is active by the time a filter runs.
 * Wraps `context.with` of `@opentelemetry/api`: the result is what the callback returned, except that a
 * native promise comes back as a promise settled the same way. Nothing without the API; returns the undo.
 */
export function trackThrownSpans(): () => void {
  if (!installed) {
    let api: OtelApiLike;
    try {
      api = requireOptionalPeer('@opentelemetry/api') as OtelApiLike;
    } catch {
      return () => undefined;
    }
    const state = { api, users: 0, on: true };
    // Called below with the `this` each caller gives the wrapper.
    // oxlint-disable-next-line typescript/unbound-method
    const original = api.context.with;
    api.context.with = function (
      this: unknown,
      context: unknown,
      fn: Fn,
      thisArg?: unknown,
      ...args: unknown[]
    ) {
      if (!state.on || typeof fn !== 'function')
        return original.call(this, context, fn, thisArg, ...args);
      return original.call(
        this,
        context,
        function (this: unknown, ...inner: unknown[]) {
          let result: unknown;
          try {
            result = fn.apply(this, inner);
          } catch (error) {
            note(api, error, context);
            throw error;
          }
          if (!isNativePromise(result)) return result;
          return result.then(undefined, (error: unknown) => {
            note(api, error, context);
            throw error;
          });
        },
        thisArg,
        ...args,
      );
    };
    installed = state;
  }
  const state = installed;
  state.users++;
  state.on = true;
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    // The wrapper stays (another may have wrapped it since); it only stops noting.
    if (--state.users === 0) state.on = false;
  };
}
