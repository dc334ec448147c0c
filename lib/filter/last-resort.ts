import { closeUnfinished } from './close-unfinished.js';
import { opaqueResponse } from './opaque-response.js';
import type { RequestFailure } from './request-failure.js';
import { headersSent, reply, setHeader } from './http-reply.js';

/**
 * @internal When the answer itself failed: the plainest 500 (fixed JSON, the ID in header and body), tried
 * once; if even that cannot be sent, the connection is closed so that no half answer passes for a whole
 * one. Never throws.
 */
export function answerLastResort(
  failure: RequestFailure,
  requestIdHeader: string,
  problemDetails = false,
): void {
  const { adapter, response, requestId } = failure;
  try {
    if (adapter && !headersSent(adapter, response)) {
      // The same body as the ordinary opaque answer: a client must not tell the two roads apart.
      const { contentType, body } = opaqueResponse(
        500,
        requestId,
        problemDetails,
      );
      setHeader(adapter, response, requestIdHeader, requestId);
      setHeader(adapter, response, 'content-type', contentType);
      setHeader(adapter, response, 'cache-control', 'no-store');
      reply(adapter, response, JSON.stringify(body), 500);
      return;
    }
  } catch {
    // fall through: closing the connection is the only answer left
  }
  closeUnfinished(response);
}
