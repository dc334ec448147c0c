// The alphabet of opaque tokens: base64 and base64url, hex, and the separators vendors put in them.
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b || // +
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x2f || // /
    code === 0x3d || // =
    code === 0x5f || // _
    code === 0x7e // ~
  );
}

const MIN_LENGTH = 16;
// Longer than any cache key or identifier a person writes; bounded so the test stays cheap.
const MAX_LENGTH = 4096;

/**
 * @internal Whether a value under a broad key (`signingKey`, `auth`, `code`) looks like a credential: one
 * unbroken run of token characters, at least 16 long, with letters and digits, and either both cases
 * or 32 characters and more (hex keys). `user:42:orders`, `createdAt`, `ERR_INVALID_ARG` and
 * `2026-12-01` do not.
 */
export function looksLikeCredential(
  value: string,
  start = 0,
  end = value.length,
): boolean {
  const length = end - start;
  if (length < MIN_LENGTH || length > MAX_LENGTH) return false;
  let lower = false;
  let upper = false;
  let digit = false;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    if (!isTokenChar(code)) return false;
    if (code >= 0x61 && code <= 0x7a) lower = true;
    else if (code >= 0x41 && code <= 0x5a) upper = true;
    else if (code >= 0x30 && code <= 0x39) digit = true;
  }
  if (!digit || !(lower || upper)) return false;
  return (lower && upper) || length >= 32;
}
