/** Replaces every censored value. */
export const DEFAULT_CENSOR = '[REDACTED]';

/**
 * Keys whose values are censored by default. They are compared after
 * normalisation (lowercase, letters and digits only), so `api_key`, `apiKey`
 * and `API-KEY` are one entry.
 */
export const DEFAULT_REDACT_KEYS: readonly string[] = Object.freeze([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'client_secret',
  'api_key',
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'cookie',
  'cookies',
  'set-cookie',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'x-auth-token',
  'session_id',
  'sid',
  'connect.sid',
  'phpsessid',
  'csrf',
  'xsrf',
  'csrf_token',
  'x-csrf-token',
  'x-xsrf-token',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'card_number',
  'cc_number',
  'credit_card_number',
  'private_key',
  'ssn',
  'social_security_number',
]);

/** A normalised key containing one of these names a secret (`dbPassword`, `stripeSecretKey`). */
export const DEFAULT_SECRET_KEY_FRAGMENTS: readonly string[] = Object.freeze([
  'password',
  'passwd',
  'secret',
]);

/**
 * A normalised key ending with one of these names a secret (`githubToken`,
 * `stripeApiKey`). Suffixes rather than substrings, so `tokenType`,
 * `tokensUsed` and `cardNumberLast4` stay readable.
 */
export const DEFAULT_SECRET_KEY_SUFFIXES: readonly string[] = Object.freeze([
  'token',
  'apikey',
  'privatekey',
  'sessionid',
  'cardnumber',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
]);

/** Container levels kept (the root object is level 1); deeper containers become {@link MAX_DEPTH_MARKER}. */
export const DEFAULT_MAX_DEPTH = 64;
/** Items kept per array, Set or Map. */
export const DEFAULT_MAX_ARRAY_LENGTH = 1000;
/** Characters kept per string. */
export const DEFAULT_MAX_STRING_LENGTH = 16_384;

export const CIRCULAR_MARKER = '[Circular]';
export const MAX_DEPTH_MARKER = '[MaxDepth]';
export const UNREADABLE_MARKER = '[Unreadable]';
export const INVALID_DATE_MARKER = 'Invalid Date';
/** Property that carries the "more entries" marker of a truncated Map. */
export const TRUNCATED_MAP_KEY = '…';

export function truncatedItemsMarker(count: number): string {
  return `[… ${count} more items]`;
}

export function truncatedEntriesMarker(count: number): string {
  return `[… ${count} more entries]`;
}

export function truncatedStringMarker(count: number): string {
  return `…[truncated ${count} chars]`;
}
