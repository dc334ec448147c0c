/** Response header that carries the request's correlation ID unless `requestIdHeader` names another. */
export const DEFAULT_REQUEST_ID_HEADER = 'x-request-id';

/** The only message an unexpected failure ever shows a client. */
export const OPAQUE_ERROR_MESSAGE = 'Internal server error';
