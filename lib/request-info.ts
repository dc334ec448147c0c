import type { HttpServer } from '@nestjs/common';

/** @internal What the log says about the request that failed. */
export interface RequestInfo {
  method?: string;
  url?: string;
  route?: string;
  userId?: unknown;
}

function read<T>(getter: () => T): T | undefined {
  try {
    return getter();
  } catch {
    return undefined;
  }
}

interface RequestLike {
  route?: { path?: unknown };
  routeOptions?: { url?: unknown };
  user?: { id?: unknown };
}

/**
 * @internal Method and URL come from the adapter; the route template is read where each platform keeps
 * it (Express: `req.route.path`, Fastify: `request.routeOptions.url`). Every read is guarded: the request
 * may be half-built when parsing failed.
 */
export function describeRequest(
  request: unknown,
  adapter: HttpServer | undefined,
): RequestInfo {
  const info: RequestInfo = {};
  if (!request || typeof request !== 'object') return info;
  const req = request as RequestLike;
  const method = read(() => adapter?.getRequestMethod?.(request));
  if (typeof method === 'string') info.method = method;
  const url = read(() => adapter?.getRequestUrl?.(request));
  if (typeof url === 'string') info.url = url;
  const route = read(() => req.route?.path ?? req.routeOptions?.url);
  if (typeof route === 'string') info.route = route;
  const userId = read(() => req.user?.id);
  if (userId !== undefined && userId !== null) info.userId = userId;
  return info;
}
