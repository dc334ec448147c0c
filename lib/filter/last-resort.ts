import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';
import { closeUnfinished } from './close-unfinished.js';
import type { RequestFailure } from './request-failure.js';

/**
 * @internal When the answer itself failed: the plainest 500 (fixed JSON, the ID in header and body), tried
 * once; if even that cannot be sent, the connection is closed so that no half answer passes for a whole
 * one. Never throws.
 */
export function answerLastResort(
  failure: RequestFailure,
  requestIdHeader: string,
): void {
  const { adapter, response, requestId } = failure;
  try {
    if (adapter && !adapter.isHeadersSent(response)) {
      adapter.setHeader(response, requestIdHeader, requestId);
      adapter.setHeader(response, 'content-type', 'application/json');
      adapter.setHeader(response, 'cache-control', 'no-store');
      adapter.reply(
        response,
        { statusCode: 500, message: OPAQUE_ERROR_MESSAGE, requestId },
        500,
      );
      return;
    }
  } catch {
    // fall through: closing the connection is the only answer left
  }
  closeUnfinished(response);
}
