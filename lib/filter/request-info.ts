import type { HttpServer } from '@nestjs/common';
import { read } from '../common/exception-inspection.js';
import { isSecretUrlParameter } from '../redaction/keys/secret-key.matcher.js';

/** @internal What the log says about the request that failed. */
export interface RequestInfo {
  method?: string;
  url?: string;
  route?: string;
  userId?: unknown;
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
  censor = '[REDACTED]',
): RequestInfo {
  const info: RequestInfo = {};
  if (!request || typeof request !== 'object') return info;
  const req = request as RequestLike;
  const method = read(() => adapter?.getRequestMethod?.(request));
  if (typeof method === 'string') info.method = method;
  const url = read(() => adapter?.getRequestUrl?.(request));
  if (typeof url === 'string') info.url = scrubQuery(url, censor);
  const route = read(() => req.route?.path ?? req.routeOptions?.url);
  if (typeof route === 'string') info.route = route;
  const userId = read(() => req.user?.id);
  if (userId !== undefined && userId !== null) info.userId = userId;
  return info;
}

/** @internal The URL with the values of credential-like query parameters censored. */
export function scrubQuery(url: string, censor: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      return isSecretUrlParameter(pair.slice(0, eq))
        ? `${pair.slice(0, eq + 1)}${censor}`
        : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}
