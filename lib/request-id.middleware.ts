import { Injectable, type NestMiddleware } from '@nestjs/common';
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
