import { errorStatus, reasonPhrase } from './status.policy.js';

/** @internal Where SafeErrorsModule leaves its responder on the Fastify instance it serves. */
export const FRAMEWORK_ERRORS_RESPONDER = Symbol.for(
  'nestjs-safe-errors.frameworkErrors',
);

type Responder = (error: unknown, request: unknown, reply: unknown) => void;

interface FastifyRequestLike {
  server?: unknown;
}

interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload: unknown): unknown;
}

/**
 * Fastify's `frameworkErrors` handler: pass it to `new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors })`.
 * Fastify's router answers a malformed URL (400) or an over-long route parameter (414) before any Nest filter
 * runs, echoing the raw URL and an `FST_ERR_*` code; with this handler those answers keep their status, carry
 * a request ID, echo nothing, and are logged like every other failure.
 */
export function fastifyFrameworkErrors(
  error: Error,
  request: unknown,
  reply: unknown,
): void {
  const server = (request as FastifyRequestLike | undefined)?.server as
    Record<symbol, Responder | undefined> | undefined;
  const responder = server?.[FRAMEWORK_ERRORS_RESPONDER];
  if (responder) {
    responder(error, request, reply);
    return;
  }
  // No SafeErrorsModule on this app (or not initialised yet): still keep the status and echo nothing.
  const code = errorStatus((error as { statusCode?: unknown }).statusCode, 400);
  const r = reply as FastifyReplyLike;
  r.code(code)
    .header('cache-control', 'no-store')
    .send({ statusCode: code, message: reasonPhrase(code) });
}
