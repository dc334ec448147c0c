import type { HttpServer } from '@nestjs/common';
import { read } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { getRequestId, requestIdOf } from '../request-id/request-context.js';

interface HeadersLike {
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * @internal One failed HTTP request, as every step of its answer and its log line needs it: what was
 * thrown, the platform's request and response, the adapter that writes to them, and the request's ID.
 */
export interface RequestFailure {
  readonly exception: unknown;
  readonly request: unknown;
  readonly response: unknown;
  readonly adapter: HttpServer | undefined;
  readonly requestId: string;
  /** Whether the request-ID middleware ran, so the response already carries the ID header. */
  readonly idAssigned: boolean;
}

/**
 * @internal The failure of one HTTP request, with its ID: the one the middleware gave it, else a new one
 * for the request's headers. A request that failed before the middleware ran (body parsing, Fastify's
 * router) has none yet.
 */
export function requestFailure(
  parts: Pick<RequestFailure, 'exception' | 'request' | 'response' | 'adapter'>,
  config: SafeErrorsConfig,
): RequestFailure {
  const assigned = requestIdOf(parts.request) ?? getRequestId();
  return {
    ...parts,
    requestId:
      assigned ??
      config.requestIdFor(read(() => (parts.request as HeadersLike).headers)),
    idAssigned: assigned !== undefined,
  };
}
