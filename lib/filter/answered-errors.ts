import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';

/**
 * @internal The opaque errors the filter handed to a transport that reports them itself (GraphQL): the
 * GraphQL integration finds them again among an operation's errors, and neither logs them twice nor
 * gives them a second ID.
 */
const answered = new WeakMap<object, string>();

export function markAnswered(error: object, requestId: string): void {
  answered.set(error, requestId);
}

/** The request ID the filter gave `error`, if it answered it. */
export function answeredId(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null
    ? answered.get(error)
    : undefined;
}

/**
 * @internal The opaque error handed back in place of a failure: no frames (GraphQL servers may send
 * stacks to clients), only the ID, under `extensions` where GraphQL reads extra fields. Marked answered.
 */
export function answeredError(requestId: string): Error {
  const opaque = new Error(OPAQUE_ERROR_MESSAGE);
  opaque.stack = `Error: ${OPAQUE_ERROR_MESSAGE}`;
  markAnswered(opaque, requestId);
  return Object.assign(opaque, {
    requestId,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}
