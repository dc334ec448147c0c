import { Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  REQUEST_ID,
  requestContext,
  type RequestContextStore,
} from './request-context.js';
import { RequestLines } from '../request-log/request-lines.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';

/**
 * @internal Gives every request its correlation ID before routing, guards and pipes run, and keeps it in
 * async context for the whole request. Both adapters hand middleware Node's own request and response.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware<
  IncomingMessage,
  ServerResponse
> {
  constructor(
    private readonly config: SafeErrorsConfig,
    @Optional() private readonly lines?: RequestLines,
  ) {}

  /** `platformRequest`: Fastify's request, when its hook runs this, for what later lines read of it. */
  use(
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
    platformRequest?: unknown,
  ): void {
    const given = (req as unknown as Record<symbol, RequestContextStore>)[
      REQUEST_STORE
    ];
    // Stamped by the server's listener (see stampOnServer), whose async context is still the current one:
    // nothing left to do. Otherwise the ID is given here, or kept, and its context entered.
    if (given !== undefined && requestContext.getStore() === given) {
      if (platformRequest !== undefined) given.request = platformRequest;
      return next();
    }
    const store = given ?? stamp(req, res, this.config, this.lines);
    if (platformRequest !== undefined) store.request = platformRequest;
    requestContext.run(store, next);
  }
}

// Where the request's context store is kept on Node's request, so a lost async context is found again.
const REQUEST_STORE = Symbol('nestjs-safe-errors.requestStore');

/** Gives the request its ID, header and context store, once; starts its request line if asked. */
function stamp(
  req: IncomingMessage,
  res: ServerResponse,
  config: SafeErrorsConfig,
  lines: RequestLines | undefined,
): RequestContextStore {
  const requestId = config.requestIdFor(req.headers);
  res.setHeader(config.requestIdHeader, requestId);
  const store: RequestContextStore = { requestId, request: req };
  if (config.logFields) store.fields = config.logFields;
  const target = req as unknown as Record<symbol, unknown>;
  target[REQUEST_ID] = requestId;
  target[REQUEST_STORE] = store;
  lines?.track(req, res, store);
  return store;
}

interface RequestEmitter {
  prependListener(
    event: 'request',
    listener: (req: IncomingMessage, res: ServerResponse) => void,
  ): unknown;
}

const stamped = new WeakSet<object>();

/**
 * @internal Gives each request its ID and header as the HTTP server receives it, before Express or Fastify
 * sees it: the answers the platform gives before any middleware (a CORS preflight, Fastify's 503 while
 * closing, a security hook's refusal, a rate limiter `app.use`'d in main.ts) carry the ID too, and
 * `getRequestId()` works in main.ts's middleware. The middleware then keeps that ID.
 */
export function stampOnServer(
  server: unknown,
  config: SafeErrorsConfig,
  lines?: RequestLines,
): void {
  const emitter = server as Partial<RequestEmitter> | undefined;
  if (
    !emitter ||
    typeof emitter.prependListener !== 'function' ||
    stamped.has(emitter)
  )
    return;
  stamped.add(emitter);
  emitter.prependListener('request', (req, res) => {
    try {
      // Fastify runs middie's hook (main.ts's app.use) before any hook a module can add: the ID's async
      // context starts here, for the rest of this request's handling on this connection.
      requestContext.enterWith(stamp(req, res, config, lines));
    } catch {
      // The middleware tries again; the filter gives an ID should both fail.
    }
  });
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

// Platform instances already given the middleware: the module may try both at construction and in configure().
const registered = new WeakSet<object>();

/** Runs the middleware; a failure to give an ID never fails the request (the filter gives one later). */
function giveId(
  middleware: RequestIdMiddleware,
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
  platformRequest?: unknown,
): void {
  let handedOn = false;
  try {
    middleware.use(
      req,
      res,
      (error?: unknown) => {
        handedOn = true;
        next(error);
      },
      platformRequest,
    );
  } catch (error) {
    // What the rest of the chain throws is the platform's to handle, as before.
    if (handedOn) throw error;
    next();
  }
}

/**
 * @internal Gives the platform the middleware as its very first step: `app.use` on Express, an `onRequest`
 * hook on Fastify, added before any of Nest's or the app's (CORS, `app.use` in main.ts, body parsing). Done
 * when the module is built, which is inside `NestFactory.create()`, before main.ts can add anything; a
 * testing module, built before its app exists, is given it in `configure()`. Costs no route matching per
 * request. `false` on any other platform.
 */
export function registerOnPlatform(
  adapter: AbstractHttpAdapter | undefined,
  config: SafeErrorsConfig,
  lines?: RequestLines,
): boolean {
  const type = adapter?.getType?.();
  if (type !== 'express' && type !== 'fastify') return false;
  const instance = adapter!.getInstance<Partial<ExpressApp & FastifyApp>>();
  if (
    !instance ||
    (typeof instance !== 'object' && typeof instance !== 'function')
  )
    return false;
  if (registered.has(instance)) return true;
  const middleware = new RequestIdMiddleware(config, lines);
  if (type === 'express') {
    if (typeof instance.use !== 'function') return false;
    instance.use((req, res, next) => giveId(middleware, req, res, next));
  } else {
    if (typeof instance.addHook !== 'function') return false;
    instance.addHook('onRequest', (request, reply, done) =>
      giveId(middleware, request.raw, reply.raw, done, request),
    );
  }
  registered.add(instance);
  return true;
}
