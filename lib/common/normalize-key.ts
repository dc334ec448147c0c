const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

/** @internal Lowercase, letters and digits only: `X-Api-Key`, `api_key` and `apiKey` all become `apikey`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(NON_ALPHANUMERIC, '');
}
