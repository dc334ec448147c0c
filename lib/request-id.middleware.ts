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

interface PlatformApp {
  use(
    handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void,
  ): unknown;
}

/**
 * @internal Registers the middleware with the platform's own `use` (Express itself; Fastify's middie, which
 * Nest installs), during `configure()`: ahead of every middleware Nest registers, and without Nest's route
 * matching and wrapping on each request. `false` when there is no such `use`; then it goes through Nest's
 * MiddlewareConsumer.
 */
export function registerOnPlatform(
  adapter: AbstractHttpAdapter | undefined,
  middleware: RequestIdMiddleware,
): boolean {
  const type = adapter?.getType?.();
  if (!adapter || (type !== 'express' && type !== 'fastify')) return false;
  const app = adapter.getInstance<Partial<PlatformApp>>();
  if (typeof app.use !== 'function') return false;
  app.use((req, res, next) => {
    let handedOn = false;
    try {
      middleware.use(req, res, (error?: unknown) => {
        handedOn = true;
        next(error);
      });
    } catch (error) {
      // What the rest of the chain throws is the platform's to handle, as before.
      if (handedOn) throw error;
      // Failing to give an ID must not fail the request: the filter gives one should it fail later.
      next();
    }
  });
  return true;
}
