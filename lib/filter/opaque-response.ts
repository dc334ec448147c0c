import { STATUS_CODES } from 'node:http';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';

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
  const phrase = STATUS_CODES[status] ?? 'Error';
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
