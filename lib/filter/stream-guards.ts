import {
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import {
  INTERCEPTORS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants.js';
import type { AbstractHttpAdapter, ModulesContainer } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { read } from '../common/exception-inspection.js';
import type { StreamFailureInterceptor } from './stream-failure.interceptor.js';

// Adapters already given the guard: several apps may share a process, never an adapter.
const guardedAdapters = new WeakSet<object>();
// Handler metadata belongs to the controller class, which several apps in one process may share: the
// handler gets one interceptor for all of them, which hands each request to its own app's, found by the
// HTTP server the request came in on.
const byServer = new WeakMap<object, StreamFailureInterceptor>();
const dispatcher: NestInterceptor = {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const server = read(() => {
      const req = context.switchToHttp().getRequest<{
        raw?: { socket?: { server?: object } };
        socket?: { server?: object };
      }>();
      return (req.raw ?? req).socket?.server;
    });
    const own = server && byServer.get(server);
    return own ? own.intercept(context, next) : next.handle();
  },
};

/**
 * @internal Puts SSE streams and StreamableFiles under the filter's rules without costing other routes
 * anything: the interceptor is added to `@Sse()` handlers only (a global interceptor would put every
 * request on Nest's rxjs path), and a StreamableFile is guarded as the adapter is handed it. Run before
 * Nest registers routes, which is when it reads each handler's interceptors.
 */
export function attachStreamGuards(
  modules: ModulesContainer,
  adapter: AbstractHttpAdapter | undefined,
  interceptor: StreamFailureInterceptor,
): void {
  const server = read(() => adapter?.getHttpServer?.() as object | undefined);
  if (server) byServer.set(server, interceptor);
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const proto = (wrapper.metatype as { prototype?: object } | null)
        ?.prototype;
      if (proto) guardSseHandlers(proto, dispatcher);
    }
  }
  if (!adapter || guardedAdapters.has(adapter)) return;
  guardedAdapters.add(adapter);
  const reply = adapter.reply.bind(adapter);
  adapter.reply = (response: unknown, body: unknown, statusCode?: number) => {
    if (body instanceof StreamableFile) interceptor.guard(body, response);
    return reply(response, body, statusCode);
  };
}

function guardSseHandlers(proto: object, interceptor: object): void {
  for (
    let p: object | null = proto;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === 'constructor') continue;
      const handler = Object.getOwnPropertyDescriptor(p, name)
        ?.value as unknown;
      if (
        typeof handler !== 'function' ||
        Reflect.getMetadata(SSE_METADATA, handler) !== true
      )
        continue;
      const own = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ??
        []) as unknown[];
      if (own.includes(interceptor)) continue;
      // First in the list: the outermost of the method's interceptors sees every error.
      Reflect.defineMetadata(
        INTERCEPTORS_METADATA,
        [interceptor, ...own],
        handler,
      );
    }
  }
}
