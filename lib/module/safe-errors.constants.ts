/** Response header that carries the request's correlation ID unless `requestIdHeader` names another. */
export const DEFAULT_REQUEST_ID_HEADER = 'x-request-id';

/** The only message an unexpected failure ever shows a client. */
export const OPAQUE_ERROR_MESSAGE = 'Internal server error';

/** Shape a generated request ID must have: URL- and header-safe, long enough to be unguessable. */
export const GENERATED_REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** Shape an incoming request ID must have before it is trusted (`trustIncomingRequestId`). */
export const INCOMING_REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;
