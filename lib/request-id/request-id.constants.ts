/** Shape a generated request ID must have: URL- and header-safe, long enough to be unguessable. */
export const GENERATED_REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** Shape an incoming request ID must have before it is trusted (`trustIncomingRequestId`). */
export const INCOMING_REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

// Headers that frame the message or carry credentials and redirects: an ID must never replace them.
export const FORBIDDEN_REQUEST_ID_HEADER =
  /^(?:content-.*|transfer-encoding|connection|keep-alive|upgrade|host|set-cookie|cookie|authorization|proxy-.*|location|www-authenticate|cache-control|te|trailer)$/i;
