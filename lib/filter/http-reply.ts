import type { HttpServer } from '@nestjs/common';

interface NativeResponse {
  headersSent: boolean;
  statusCode: number;
  hasHeader(name: string): boolean;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * @internal A bare Node response where Nest expects its platform's: Fastify middleware is handed one.
 * Nest 12's Fastify adapter copes with it; Nest 11's calls `reply.header()` on it and throws. Told apart
 * the way Nest 12 does: Express and Fastify responses have a `status()` method, Node's has none.
 */
function isNativeResponse(response: unknown): response is NativeResponse {
  return (
    typeof response === 'object' &&
    response !== null &&
    !('status' in response) &&
    typeof (response as Partial<NativeResponse>).setHeader === 'function'
  );
}

/**
 * @internal Whether the response has started: also a Fastify reply whose headers went out through
 * `reply.raw`, which Nest 11 reports as not sent.
 */
export function headersSent(adapter: HttpServer, response: unknown): boolean {
  if (isNativeResponse(response)) return response.headersSent;
  return (
    adapter.isHeadersSent(response) ||
    (response as { raw?: { headersSent?: unknown } }).raw?.headersSent === true
  );
}

/** @internal Sets a response header through the adapter, or on a bare Node response directly. */
export function setHeader(
  adapter: HttpServer,
  response: unknown,
  name: string,
  value: string,
): void {
  if (isNativeResponse(response)) response.setHeader(name, value);
  else adapter.setHeader(response, name, value);
}

/** @internal Sends the answer through the adapter, or writes it as JSON on a bare Node response. */
export function reply(
  adapter: HttpServer,
  response: unknown,
  body: unknown,
  status: number,
): void {
  if (!isNativeResponse(response)) {
    adapter.reply(response, body, status);
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.statusCode = status;
  if (!response.hasHeader('content-type'))
    response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', String(Buffer.byteLength(text)));
  response.end(text);
}
