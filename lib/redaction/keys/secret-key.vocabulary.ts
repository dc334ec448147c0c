/**
 * The key vocabulary: every name the library treats as naming a secret, in one place. Names are compared
 * after normalisation (lowercase, letters and digits only), so `api_key`, `apiKey` and `API-KEY` are one
 * entry.
 */
export const SECRET_KEYS = Object.freeze({
  /** A key equal to one of these names a secret. */
  exact: Object.freeze([
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
  ]),
  /** A key containing one of these names a secret (`dbPassword`, `stripeSecretKey`). */
  fragments: Object.freeze(['password', 'passwd', 'secret']),
  /**
   * A key ending with one of these names a secret (`githubToken`, `stripeApiKey`). Suffixes rather than
   * substrings, so `tokenType`, `tokensUsed` and `cardNumberLast4` stay readable.
   */
  suffixes: Object.freeze([
    'token',
    'apikey',
    'privatekey',
    'sessionid',
    'cardnumber',
    'cvv',
    'cvv2',
    'cvc',
    'cvc2',
  ]),
  /**
   * Query parameters that carry one-time credentials in URLs (OAuth codes, signed-URL signatures, API
   * keys): censored in a logged URL, where the name is known to be a parameter. Too common as words to
   * be keys anywhere else; the URL's `token=` and `password=` pairs follow the lists above.
   */
  urlParameters: Object.freeze([
    'code',
    'sig',
    'signature',
    'key',
    'otp',
    'x-amz-signature',
    'x-amz-credential',
    'x-amz-security-token',
    'x-goog-signature',
    'x-goog-credential',
  ]),
});
