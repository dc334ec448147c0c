import { AsyncLocalStorage } from 'node:async_hooks';

/** @internal What the library keeps for the request being served. */
export interface RequestContextStore {
  readonly requestId: string;
}

/**
 * @internal One store for the whole library: `getRequestId()` must work from any code, inside or outside
 * Nest's container. It holds no data itself; each request's data lives in that request's async context.
 */
export const requestContext = new AsyncLocalStorage<RequestContextStore>();

/** The correlation ID of the request being served, or `undefined` outside a request. */
export function getRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
