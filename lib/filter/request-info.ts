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
  params?: unknown;
  query?: unknown;
  body?: unknown;
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
  const route = routeOf(req);
  if (route !== undefined) info.route = route;
  const userId = userIdOf(req);
  if (userId !== undefined) info.userId = userId;
  return info;
}

/** @internal The matched route's template, where each platform keeps it; `undefined` before routing. */
export function routeOf(request: unknown): string | undefined {
  const req = request as RequestLike | undefined;
  const route = read(() => req?.route?.path ?? req?.routeOptions?.url);
  return typeof route === 'string' ? route : undefined;
}

/** @internal `request.user.id`, as Passport and most guards leave it. */
export function userIdOf(request: unknown): unknown {
  const req = request as RequestLike | undefined;
  const userId = read(() => req?.user?.id);
  return userId === null ? undefined : userId;
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

/** @internal What the client sent to the failed route, beyond its URL. */
export interface RequestInputs {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

function nonEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    read(() => Object.keys(value).length > 0) === true
  );
}

/** @internal How a logged request body is made safe: redacted whole, then cut to `maxLength`. */
export interface BodyCap {
  readonly maxLength: number;
  readonly redactor: (value: unknown) => unknown;
}

/**
 * @internal The route's params and query as the platform parsed them (redacted with the rest of the line),
 * and the body only when `body` gives its cap: redacted here, first, so that the cut cannot split a secret
 * the redaction would have recognised whole.
 */
export function requestInputs(
  request: unknown,
  body: BodyCap | undefined,
): RequestInputs {
  const inputs: RequestInputs = {};
  if (!request || typeof request !== 'object') return inputs;
  const req = request as RequestLike;
  const params = read(() => req.params);
  if (nonEmptyObject(params)) inputs.params = params;
  const query = read(() => req.query);
  if (nonEmptyObject(query)) inputs.query = query;
  if (body) {
    const value = read(() => req.body);
    if (value !== undefined) inputs.body = cappedBody(value, body);
  }
  return inputs;
}

function cappedBody(value: unknown, { maxLength, redactor }: BodyCap): unknown {
  const clean = redactor(value);
  const text = read(() =>
    typeof clean === 'string' ? clean : JSON.stringify(clean),
  );
  if (typeof text !== 'string') return '[Unserializable body]';
  if (text.length <= maxLength) return clean;
  return `${text.slice(0, maxLength)}… [cut: ${text.length - maxLength} more characters]`;
}
