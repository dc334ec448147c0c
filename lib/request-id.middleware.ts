import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID, requestContext } from './request-context.js';
import { SafeErrorsConfig } from './safe-errors.config.js';

/**
 * @internal Gives every request its correlation ID before routing, guards and pipes run, and keeps it in
 * async context for the whole request. Both adapters hand middleware Node's own request and response.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware<
  IncomingMessage,
  ServerResponse
> {
  constructor(private readonly config: SafeErrorsConfig) {}

  use(
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ): void {
    const requestId = this.config.requestIdFor(req.headers);
    res.setHeader(this.config.requestIdHeader, requestId);
    (req as unknown as Record<symbol, unknown>)[REQUEST_ID] = requestId;
    requestContext.run({ requestId }, next);
  }
}

type Next = (error?: unknown) => void;

interface ExpressApp {
  use(
    handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void,
  ): unknown;
}

interface FastifyApp {
  addHook(
    name: 'onRequest',
    hook: (
      request: { raw: IncomingMessage },
      reply: { raw: ServerResponse },
      done: Next,
    ) => void,
  ): unknown;
}

/**
 * @internal Registers the middleware on the platform itself, ahead of any Nest middleware: without Nest's
 * route matching and wrapping for each request. `false` for other platforms, which then get it through
 * Nest's MiddlewareConsumer.
 */
export function registerOnPlatform(
  adapter: AbstractHttpAdapter | undefined,
  middleware: RequestIdMiddleware,
): boolean {
  const type = adapter?.getType?.();
  // Should `use` ever throw before handing on, the request still goes on, without an ID; the filter then
  // gives it one.
  const run = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    let handedOn = false;
    try {
      middleware.use(req, res, (error?: unknown) => {
        handedOn = true;
        next(error);
      });
    } catch {
      if (!handedOn) next();
    }
  };
  if (type === 'express' && adapter) {
    adapter.getInstance<ExpressApp>().use(run);
    return true;
  }
  if (type === 'fastify' && adapter) {
    adapter
      .getInstance<FastifyApp>()
      .addHook('onRequest', (request, reply, done) =>
        run(request.raw, reply.raw, done),
      );
    return true;
  }
  return false;
}
