import type { HttpServer } from '@nestjs/common';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';
import { closeUnfinished } from './close-unfinished.js';
import { reasonPhrase } from './status.policy.js';
import { headersSent, reply, setHeader } from './http-reply.js';

/** @internal What an opaque answer carries: the status, a generic text, and the ID. */
export interface OpaqueResponse {
  contentType: string;
  body: Record<string, unknown>;
}

/**
 * @internal The body of every answer that hides its cause. A 500 reads exactly "Internal server error";
 * other statuses use their standard reason phrase; with `problemDetails`, an RFC 9457 problem.
 */
export function opaqueResponse(
  status: number,
  requestId: string,
  problemDetails: boolean,
): OpaqueResponse {
  const phrase = reasonPhrase(status);
  if (problemDetails) {
    return {
      contentType: 'application/problem+json',
      body: { type: 'about:blank', title: phrase, status, requestId },
    };
  }
  return {
    contentType: 'application/json',
    body: {
      statusCode: status,
      message: status === 500 ? OPAQUE_ERROR_MESSAGE : phrase,
      requestId,
    },
  };
}

/**
 * @internal Sends the opaque answer, never to be cached; a response whose headers are already out is
 * closed instead. Throws when the adapter does: the caller falls back to the last resort.
 */
export function sendOpaque(
  adapter: HttpServer,
  response: unknown,
  status: number,
  requestId: string,
  problemDetails: boolean,
): void {
  if (headersSent(adapter, response)) {
    closeUnfinished(response);
    return;
  }
  const { contentType, body } = opaqueResponse(
    status,
    requestId,
    problemDetails,
  );
  setHeader(adapter, response, 'content-type', contentType);
  setHeader(adapter, response, 'cache-control', 'no-store');
  // Serialized here: Nest 11's Express adapter replaces any non-JSON content type (problem+json) of an
  // object body with application/json; a string goes out as it is, in the bytes res.json would write.
  reply(adapter, response, JSON.stringify(body), status);
}
