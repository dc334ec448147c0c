import { AsyncLocalStorage } from 'node:async_hooks';

/** @internal What the library keeps for the request being served. */
export interface RequestContextStore {
  readonly requestId: string;
  /** The platform's request (Express's `req`, Fastify's `request`), for what is read of it later. */
  request?: unknown;
  /** The app's `logFields` hook, for every line written in this request. */
  fields?: (request: unknown) => Record<string, unknown> | undefined;
}

// Stryker disable next-line StringLiteral: every reader and writer goes through this constant
const SHARED_CONTEXT = Symbol.for('nestjs-safe-errors.requestContext');
const shared = globalThis as {
  [SHARED_CONTEXT]?: AsyncLocalStorage<RequestContextStore>;
};

/**
 * @internal One store for the whole process: `getRequestId()` must work from any code, inside or outside
 * Nest's container, and from either build (an app that imports the ESM build beside a dependency that
 * requires the CommonJS one loads the library twice). It holds no data itself; each request's data lives in
 * that request's async context.
 */
export const requestContext = (shared[SHARED_CONTEXT] ??=
  new AsyncLocalStorage<RequestContextStore>());

/** The correlation ID of the request being served, or `undefined` outside a request. */
export function getRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** @internal Where the middleware also leaves the ID: on Node's own request object. */
// Stryker disable next-line StringLiteral: the writer and the reader both use this constant; any name is the same
export const REQUEST_ID = Symbol.for('nestjs-safe-errors.requestId');

/**
 * @internal The ID the middleware gave this request, read from the request itself (Express's request is
 * Node's; Fastify keeps Node's as `raw`). The filter's fallback should a platform run a handler outside the
 * request's async context.
 */
export function requestIdOf(request: unknown): string | undefined {
  try {
    const req = request as Record<symbol, unknown> & {
      raw?: Record<symbol, unknown>;
    };
    // Stryker disable next-line OptionalChaining: without raw the read throws, and the catch returns undefined too
    const id = req[REQUEST_ID] ?? req.raw?.[REQUEST_ID];
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
