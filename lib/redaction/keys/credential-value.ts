import { GUARDED, SECRET, type KeyVerdict } from './secret-key.matcher.js';

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

// Longer than any cache key or identifier a person writes.
const MIN_LENGTH = 16;

/** @internal Where the last character of each kind is in a span: enough to judge any suffix of it at once. */
export interface CredentialShape {
  readonly end: number;
  readonly lastOther: number;
  readonly lastLower: number;
  readonly lastUpper: number;
  readonly lastDigit: number;
  readonly lastSlash: number;
  readonly lastDot: number;
}

/** @internal One pass over `[start, end)`. */
export function credentialShape(
  text: string,
  start: number,
  end: number,
): CredentialShape {
  let lastOther = -1;
  let lastLower = -1;
  let lastUpper = -1;
  let lastDigit = -1;
  let lastSlash = -1;
  let lastDot = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2f) lastSlash = i;
    else if (code === 0x2e) lastDot = i;
    if (!isTokenChar(code)) lastOther = i;
    else if (code >= 0x61 && code <= 0x7a) lastLower = i;
    else if (code >= 0x41 && code <= 0x5a) lastUpper = i;
    else if (code >= 0x30 && code <= 0x39) lastDigit = i;
  }
  return {
    end,
    lastOther,
    lastLower,
    lastUpper,
    lastDigit,
    lastSlash,
    lastDot,
  };
}

/**
 * @internal Whether `[from, shape.end)` looks like a credential: one unbroken run of token characters,
 * at least 16 long, with letters and digits, and either both cases or 32 characters and more (hex
 * keys). `user:42:orders`, `createdAt`, `ERR_INVALID_ARG` and `2026-12-01` do not, nor a file path
 * (`/usr/lib/python3/app.py`, in an error page's `<code>`): base64 has `/` but no `.`, and JWTs and
 * vendor tokens `.` but no `/`.
 */
export function suffixLooksLikeCredential(
  shape: CredentialShape,
  from: number,
): boolean {
  const length = shape.end - from;
  if (length < MIN_LENGTH) return false;
  if (shape.lastOther >= from || shape.lastDigit < from) return false;
  if (shape.lastSlash >= from && shape.lastDot >= from) return false;
  const lower = shape.lastLower >= from;
  const upper = shape.lastUpper >= from;
  if (!(lower || upper)) return false;
  return (lower && upper) || length >= 32;
}

/** @internal Whether a value under a broad key (`signingKey`, `auth`, `code`) looks like a credential. */
export function looksLikeCredential(
  value: string,
  start = 0,
  end = value.length,
): boolean {
  if (end - start < MIN_LENGTH) return false;
  return suffixLooksLikeCredential(credentialShape(value, start, end), start);
}

/**
 * @internal Whether `text[start, end)` is censored for its key's verdict: always under a secret key,
 * and under a broad one (`signingKey`, `code`) when it is credential-shaped.
 */
export function censorsSpan(
  verdict: KeyVerdict,
  text: string,
  start = 0,
  end = text.length,
): boolean {
  return (
    verdict === SECRET ||
    (verdict === GUARDED && looksLikeCredential(text, start, end))
  );
}

/** @internal The same for a value in an object: a broad key's value must be a string to be censored. */
export function censorsValue(verdict: KeyVerdict, raw: unknown): boolean {
  return (
    verdict === SECRET || (typeof raw === 'string' && censorsSpan(verdict, raw))
  );
}
