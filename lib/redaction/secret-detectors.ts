import {
  DEFAULT_CENSOR,
  DEFAULT_REDACT_KEYS,
  DEFAULT_SECRET_KEY_FRAGMENTS,
  DEFAULT_SECRET_KEY_SUFFIXES,
} from './redact.constants.js';

export type SecretKind =
  | 'bearer'
  | 'jwt'
  | 'credential-pair'
  | 'connection-string'
  | 'card'
  | 'aws-key'
  | 'token';

/** A secret found in text: `text.slice(start, end)` is the secret itself, without its context. */
export interface SecretMatch {
  kind: string;
  start: number;
  end: number;
}

export interface ScanContext {
  /** Whether a key seen in text (`key=value`, `"key":"value"`) names a secret. */
  readonly isSecretKey: (rawKey: string) => boolean;
  /** Values that already start with the censor are skipped, so scrubbing twice changes nothing. */
  readonly censor: string;
  /** Keys shorter than this are not looked up. @default 1 */
  readonly minKeyLength?: number;
}

export interface SecretDetector {
  readonly kind: SecretKind;
  readonly description: string;
  /** Cheap pre-check: `false` means `scan` cannot find anything, so it is not run. */
  readonly mayContain: (text: string) => boolean;
  /** Appends every secret found in `text` to `found`. */
  readonly scan: (
    text: string,
    context: ScanContext,
    found: SecretMatch[],
  ) => void;
}

/* ------------------------------------------------------------------ keys */

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Lowercase, letters and digits only: `X-Api-Key`, `api_key` and `apiKey` all become `apikey`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(NON_ALPHANUMERIC, '');
}

const DEFAULT_EXACT_KEYS: ReadonlySet<string> = new Set(
  DEFAULT_REDACT_KEYS.map(normalizeKey),
);

/** The built-in key vocabulary, for an already normalised key. */
export function isDefaultSecretKeyNormalized(normalized: string): boolean {
  if (DEFAULT_EXACT_KEYS.has(normalized)) return true;
  for (const fragment of DEFAULT_SECRET_KEY_FRAGMENTS) {
    if (normalized.includes(fragment)) return true;
  }
  for (const suffix of DEFAULT_SECRET_KEY_SUFFIXES) {
    if (normalized.endsWith(suffix)) return true;
  }
  return false;
}

export interface KeyMatcherOptions {
  /** Include the built-in vocabulary. */
  readonly defaults: boolean;
  /** Extra names, compared after {@link normalizeKey}. */
  readonly names?: readonly string[];
  /** Extra patterns, tested against the raw key (must not be global or sticky). */
  readonly patterns?: readonly RegExp[];
}

// Bounded so that keys made from data (ids, timestamps) cannot grow memory without limit.
const KEY_CACHE_LIMIT = 10_000;

/** `(rawKey) => boolean`, and the shortest normalised key it can accept. */
export interface KeyMatcher {
  (rawKey: string): boolean;
  readonly minLength: number;
}

const DEFAULT_MIN_KEY_LENGTH = Math.min(
  ...[
    ...DEFAULT_EXACT_KEYS,
    ...DEFAULT_SECRET_KEY_FRAGMENTS,
    ...DEFAULT_SECRET_KEY_SUFFIXES,
  ].map((k) => k.length),
);

/** Builds a cached matcher: each distinct key string is normalised and judged once. */
export function createKeyMatcher(options: KeyMatcherOptions): KeyMatcher {
  const names = new Set((options.names ?? []).map(normalizeKey));
  const patterns = options.patterns ?? [];
  const { defaults } = options;
  const cache = new Map<string, boolean>();
  // A pattern sees the raw key, so it may accept any length.
  const minLength =
    patterns.length > 0
      ? 1
      : Math.min(
          defaults ? DEFAULT_MIN_KEY_LENGTH : Infinity,
          ...[...names].map((n) => n.length),
        );
  const matcher = (rawKey: string): boolean => {
    const cached = cache.get(rawKey);
    if (cached !== undefined) return cached;
    const normalized = normalizeKey(rawKey);
    let hit =
      (defaults && isDefaultSecretKeyNormalized(normalized)) ||
      names.has(normalized);
    for (let i = 0; !hit && i < patterns.length; i++) {
      hit = patterns[i].test(rawKey);
    }
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(rawKey, hit);
    return hit;
  };
  return Object.assign(matcher, { minLength });
}

/** Whether `key` names a secret under the built-in vocabulary. */
export const isSecretKeyName: KeyMatcher = createKeyMatcher({
  defaults: true,
});

/* ------------------------------------------------------ character tests */

const BACKSLASH = 0x5c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// Characters that end an unquoted value: whitespace and the delimiters of
// query strings, cookies, lists, quotes, markup and closing brackets.
const VALUE_STOP = new Uint8Array(128);
for (const c of ' \t\n\r\f\v&;,"\'<>)]}`\\') VALUE_STOP[c.charCodeAt(0)] = 1;

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/* --------------------------------------------------------------- bearer */

// Scheme spellings seen in practice; matching them case-sensitively keeps the
// pre-check a plain substring search.
const BEARER =
  /(?<![A-Za-z0-9_-])(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]+([A-Za-z0-9._~+/-]+=*)/g;
// Real tokens have a digit, punctuation or an inner capital; English words
// after "Basic"/"Bearer" ("Basic authentication") do not.
const TOKEN_LIKE = /[0-9._~+/=-]|.[A-Z]/;
const MIN_BEARER_TOKEN = 6;

function scanBearer(text: string, _c: ScanContext, found: SecretMatch[]): void {
  BEARER.lastIndex = 0;
  for (let m = BEARER.exec(text); m !== null; m = BEARER.exec(text)) {
    let token = m[1];
    const start = m.index + m[0].length - token.length;
    // A sentence may end right after the token.
    while (token.endsWith('.')) token = token.slice(0, -1);
    if (token.length < MIN_BEARER_TOKEN || !TOKEN_LIKE.test(token)) {
      // The rejected word may itself be a scheme: `Bearer Bearer <token>`.
      BEARER.lastIndex = start;
      continue;
    }
    found.push({ kind: 'bearer', start, end: start + token.length });
  }
}

/* ------------------------------------------------------------------ jwt */

const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

function scanJwt(text: string, _c: ScanContext, found: SecretMatch[]): void {
  JWT.lastIndex = 0;
  for (let m = JWT.exec(text); m !== null; m = JWT.exec(text)) {
    found.push({ kind: 'jwt', start: m.index, end: m.index + m[0].length });
  }
}

/* ------------------------------------------------------ credential pair */

// Pairs are found from their separator: each `:` or `=` is read backwards as
// `key["'][ \t]*` (the quote for JSON, escaped JSON and util.inspect). That
// is linear and far cheaper than a regex trying every word as a key.
const MAX_KEY_LENGTH = 64;
const COMMON_SCHEME = /(?:bearer|basic)[ \t]+(?=[^\s"'\\])/iy;
const ANY_SCHEME =
  /(?:bearer|basic|digest|token|bot|negotiate|ntlm|aws4-hmac-sha256)[ \t]+(?=[^\s"'\\])/iy;
const AUTHORIZATION_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxyauthorization',
]);
// Header values run to the end of the line: a cookie header holds many `;`-separated pairs.
const HEADER_KEYS: ReadonlySet<string> = new Set([
  ...AUTHORIZATION_KEYS,
  'cookie',
  'cookies',
  'setcookie',
]);
const NOT_SECRET_LITERALS: ReadonlySet<string> = new Set([
  'null',
  'true',
  'false',
  'undefined',
]);

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === LINE_FEED || c === CARRIAGE_RETURN) break;
    end++;
  }
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function closingQuote(text: string, from: number, quote: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === quote || c === LINE_FEED || c === CARRIAGE_RETURN) {
      return i;
    }
  }
  return text.length;
}

// End of a `{…}` or `[…]` value, skipping brackets inside strings.
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = closingQuote(text, i + 1, DOUBLE_QUOTE);
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return lineEnd(text, from);
}

/** The span of the value that starts at `from`, or `undefined` when there is nothing to censor. */
function pairValue(
  text: string,
  from: number,
  normalizedKey: string,
  colon: boolean,
): [number, number] | undefined {
  let start = from;
  let end: number;
  const first = text.charCodeAt(start);
  const scheme = AUTHORIZATION_KEYS.has(normalizedKey)
    ? ANY_SCHEME
    : COMMON_SCHEME;
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    start++;
    scheme.lastIndex = start;
    if (scheme.test(text)) start = scheme.lastIndex;
    end = closingQuote(text, start, first);
  } else if (
    first === BACKSLASH &&
    (text[start + 1] === '"' || text[start + 1] === "'")
  ) {
    // Escaped JSON inside a JSON string: `{\"password\":\"x\"}`.
    const quote = text.slice(start, start + 2);
    start += 2;
    const close = text.indexOf(quote, start);
    end = close === -1 ? lineEnd(text, start) : close;
  } else if (first === 0x7b || first === 0x5b) {
    end = closingBracket(text, start);
  } else {
    scheme.lastIndex = start;
    if (scheme.test(text)) start = scheme.lastIndex;
    if (colon && HEADER_KEYS.has(normalizedKey)) {
      end = lineEnd(text, start);
    } else {
      end = start;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c < 128 && VALUE_STOP[c] === 1) break;
        end++;
      }
      if (end - start <= 9 && NOT_SECRET_LITERALS.has(text.slice(start, end))) {
        return undefined;
      }
    }
  }
  return end > start ? [start, end] : undefined;
}

function isKeyChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 0x5f || code === 0x2d;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * The key written just before the separator at `sep`, or `undefined`. Keys
 * are runs of letters, digits, `_` and `-`, without leading digits and
 * dashes: `1password` is read as `password`, timestamps (`22T10:00`) as
 * short junk. `.` ends a key, so `connect.sid` is judged as `sid` and
 * `password.ts:12` (a stack frame) as `ts`.
 */
function keyBefore(
  text: string,
  sep: number,
  minLength: number,
): string | undefined {
  let end = sep;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  const quote = text.charCodeAt(end - 1);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    end--;
    if (text.charCodeAt(end - 1) === BACKSLASH) end--;
  }
  let start = end;
  while (start > 0 && isKeyChar(text.charCodeAt(start - 1))) {
    if (end - start === MAX_KEY_LENGTH) return undefined;
    start--;
  }
  while (
    start < end &&
    !(isLetter(text.charCodeAt(start)) || text.charCodeAt(start) === 0x5f)
  ) {
    start++;
  }
  // Shorter runs (`js` in `file.js:42`, line numbers) cannot be a secret key: no lookup, no slice.
  return end - start >= minLength && start < end
    ? text.slice(start, end)
    : undefined;
}

function scanPairs(
  text: string,
  context: ScanContext,
  found: SecretMatch[],
): void {
  const { censor } = context;
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  let covered = 0;
  while (colon !== -1 || equals !== -1) {
    let sep: number;
    if (equals === -1 || (colon !== -1 && colon < equals)) {
      sep = colon;
      colon = text.indexOf(':', sep + 1);
    } else {
      sep = equals;
      equals = text.indexOf('=', sep + 1);
    }
    let from = sep + 1;
    while (from < text.length && isBlank(text.charCodeAt(from))) from++;
    // A value that would start inside one already censored is censored with it. Skipping it keeps the
    // scan linear: `password=password=…` would otherwise read to the end of the text once per `=`.
    if (from < covered) continue;
    const key = keyBefore(text, sep, context.minKeyLength ?? 1);
    if (key === undefined || !context.isSecretKey(key)) continue;
    const span = pairValue(text, from, normalizeKey(key), text[sep] === ':');
    if (span === undefined) continue;
    if (censor !== '' && text.startsWith(censor, span[0])) continue;
    // Separators after a value are tried again: `password= token: x` finds both.
    found.push({ kind: 'credential-pair', start: span[0], end: span[1] });
    covered = Math.max(covered, span[1]);
  }
}

/* ---------------------------------------------------- connection string */

// `scheme://user:password@host`: the password stops at what cannot be in an
// unencoded userinfo, so ports and paths (`host:5432/db`) never match.
// A password may itself hold `@` (unencoded, as people write them): it runs to the last `@` before the host.
const CONNECTION = /:\/\/([^\s:@/?#"'<>]*):([^\s/?#"'<>]+)@/g;

function scanConnections(
  text: string,
  context: ScanContext,
  found: SecretMatch[],
): void {
  const { censor } = context;
  CONNECTION.lastIndex = 0;
  for (let m = CONNECTION.exec(text); m !== null; m = CONNECTION.exec(text)) {
    const start = m.index + 3 + m[1].length + 1;
    if (censor !== '' && m[2] === censor) continue;
    found.push({ kind: 'connection-string', start, end: start + m[2].length });
  }
}

/* ----------------------------------------------------------------- card */

/** Luhn (mod 10) checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export type CardNetwork =
  'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners';

/** The card network whose prefix and length fit `digits`, if any (no checksum test). */
export function cardNetwork(digits: string): CardNetwork | undefined {
  const n = digits.length;
  if (n < 13 || n > 19) return undefined;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return 'visa';
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
    return n === 16 ? 'mastercard' : undefined;
  }
  if (p2 === 34 || p2 === 37) return n === 15 ? 'amex' : undefined;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) {
    return n >= 16 ? 'discover' : undefined;
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 ? 'jcb' : undefined;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38) {
    return n >= 14 ? 'diners' : undefined;
  }
  return undefined;
}

/** A network prefix and length, and a valid Luhn checksum. */
export function isCardNumber(digits: string): boolean {
  return cardNetwork(digits) !== undefined && luhnValid(digits);
}

// Every card candidate starts with at least four adjacent digits.
const CARD_HINT = /\d{4}(?:[ -]?\d){9}/;
// Maximal runs of digit groups joined by one space or dash; no backtracking.
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

// A run glued to letters (`x4111…`, hex ids) or part of a decimal (`0.4111…`) is no card.
function gluedBefore(text: string, at: number): boolean {
  if (at < 0) return false;
  const c = text.charCodeAt(at);
  if (isLetter(c) || c === 0x5f) return true;
  return (
    (c === 0x2e || c === 0x2c) && at > 0 && isDigit(text.charCodeAt(at - 1))
  );
}

function gluedAfter(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (isLetter(c) || c === 0x5f) return true;
  return (c === 0x2e || c === 0x2c) && isDigit(text.charCodeAt(at + 1));
}

interface DigitGroup {
  start: number;
  digits: string;
}

function scanCards(text: string, _c: ScanContext, found: SecretMatch[]): void {
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
    const run = m[0];
    if (run.length < 13) continue;
    const groups: DigitGroup[] = [];
    let groupStart = 0;
    for (let i = 1; i <= run.length; i++) {
      if (i === run.length || !isDigit(run.charCodeAt(i))) {
        groups.push({
          start: m.index + groupStart,
          digits: run.slice(groupStart, i),
        });
        groupStart = i + 1;
      }
    }
    const last = groups.length - 1;
    const headGlued = gluedBefore(text, m.index - 1);
    const tailGlued = gluedAfter(text, m.index + run.length);
    const usable = (i: number): boolean =>
      !((i === 0 && headGlued) || (i === last && tailGlued));
    for (let i = 0; i <= last; i++) {
      const first = groups[i];
      if (!usable(i)) continue;
      if (first.digits.length >= 13) {
        // One unbroken group: the whole group or nothing, never a slice of a longer number.
        if (isCardNumber(first.digits)) {
          found.push({
            kind: 'card',
            start: first.start,
            end: first.start + first.digits.length,
          });
        }
        continue;
      }
      // Grouped cards are printed 4-4-4-4(-3), 4-6-5 or 4-6-4; this shape
      // also keeps UUIDs (8-4-4-4-12) and dates out.
      if (first.digits.length !== 4) continue;
      let digits = first.digits;
      let best = -1;
      for (let j = i + 1; j <= last && usable(j); j++) {
        const length = groups[j].digits.length;
        if (length < 3 || length > 6) break;
        digits += groups[j].digits;
        if (digits.length > 19) break;
        if (isCardNumber(digits)) best = j;
      }
      if (best !== -1) {
        const end = groups[best].start + groups[best].digits.length;
        found.push({ kind: 'card', start: first.start, end });
        i = best;
      }
    }
  }
}

/* -------------------------------------------------------------- aws key */

const AWS_KEY = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;

function scanAwsKeys(
  text: string,
  _c: ScanContext,
  found: SecretMatch[],
): void {
  AWS_KEY.lastIndex = 0;
  for (let m = AWS_KEY.exec(text); m !== null; m = AWS_KEY.exec(text)) {
    found.push({ kind: 'aws-key', start: m.index, end: m.index + m[0].length });
  }
}

/* --------------------------------------------------------------- tokens */

// Tokens whose format announces them: GitHub (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), Stripe
// (sk_/rk_ live and test), Slack (xoxb-, xoxp-, …), Google API keys (AIza…), and PEM private keys.
const PREFIXED_TOKEN =
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}|xox[abposr]-[A-Za-z0-9-]{10,250}|AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_])/g;
const PRIVATE_KEY =
  /-----BEGIN (?:[A-Z]{1,12} ){0,2}PRIVATE KEY-----[\s\S]{0,16384}?(?:-----END (?:[A-Z]{1,12} ){0,2}PRIVATE KEY-----|$)/g;

function scanTokens(text: string, _c: ScanContext, found: SecretMatch[]): void {
  for (const pattern of [PREFIXED_TOKEN, PRIVATE_KEY]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ kind: 'token', start: m.index, end: m.index + m[0].length });
    }
  }
}

/* ------------------------------------------------------------ pre-checks */

// Each pre-check is a necessary condition for its detector, built from native string searches: a
// single-character indexOf is a memchr, far cheaper than any loop over the characters in JavaScript.
// They gate on length first: each detector has a shortest text it can match.

// `xxx=v` with the shortest built-in key (pwd, sid, cvv…); a custom shorter key lowers it, see createTextScanner.
const MIN_PAIR_TEXT = 5;
const MIN_CONNECTION_TEXT = 6; // ://:x@
const MIN_JWT_TEXT = 10; // eyJxx.xx.
const MIN_BEARER_TEXT = 12; // Basic + blank + 6
const MIN_CARD_TEXT = 13;
const MIN_TOKEN_TEXT = 15; // xoxb- + 10
const MIN_AWS_TEXT = 20;

const SCHEME_HINT = /[Bb](?:earer|asic)|B(?:EARER|ASIC)/;
const FOUR_DIGITS = /[0-9][0-9][0-9][0-9]/;

function hasPairHint(text: string): boolean {
  return text.indexOf('=') !== -1 || text.indexOf(':') !== -1;
}

function hasConnectionHint(text: string): boolean {
  const scheme = text.indexOf('://');
  return scheme !== -1 && text.indexOf('@', scheme) !== -1;
}

// `yJ`, being rarer in text than `e`, is searched for first.
function hasJwtHint(text: string): boolean {
  const y = text.indexOf('yJ');
  return y !== -1 && text.includes('eyJ', Math.max(0, y - 1));
}

function hasCardHint(text: string): boolean {
  return FOUR_DIGITS.test(text) && CARD_HINT.test(text);
}

function hasAwsHint(text: string): boolean {
  return (
    text.indexOf('IA') !== -1 &&
    (text.includes('AKIA') || text.includes('ASIA'))
  );
}

function hasTokenHint(text: string): boolean {
  for (let i = text.indexOf('_'); i !== -1; i = text.indexOf('_', i + 1)) {
    if (isTokenUnderscore(text, i)) return true;
  }
  return (
    text.includes('xox') ||
    text.includes('AIza') ||
    text.includes('PRIVATE KEY')
  );
}

function endsWithAt(text: string, end: number, word: string): boolean {
  return end + 1 >= word.length && text.startsWith(word, end + 1 - word.length);
}

// The `_` of ghp_, sk_live_, rk_test_, github_pat_.
function isTokenUnderscore(text: string, i: number): boolean {
  const a = text.charCodeAt(i - 3);
  const b = text.charCodeAt(i - 2);
  const c = text.charCodeAt(i - 1);
  return (
    (a === 0x67 && b === 0x68) || // gh?_
    ((b === 0x73 || b === 0x72) && c === 0x6b) || // sk_ rk_
    endsWithAt(text, i - 1, 'github') ||
    endsWithAt(text, i - 1, 'live') ||
    endsWithAt(text, i - 1, 'test')
  );
}

// One bit per built-in detector, for the short-text pre-check below.
const HINT_BEARER = 1;
const HINT_JWT = 2;
const HINT_PAIR = 4;
const HINT_CONNECTION = 8;
const HINT_CARD = 16;
const HINT_AWS = 32;
const HINT_TOKEN = 64;

// 1 for digits, 2 for separators and the last letter of each marker, 0 for the rest (ASCII only).
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = 1;
for (const c of ':=@AJRCrc_-IY') CHAR_CLASS[c.charCodeAt(0)] = 2;

// Out of the loop below so that the loop stays small enough to compile tightly.
function markerHint(text: string, i: number, c: number): number {
  switch (c) {
    case 0x3d: // =
    case 0x3a: // :
      return HINT_PAIR;
    case 0x40: // @
      return HINT_CONNECTION;
    case 0x4a: // J
      return endsWithAt(text, i, 'eyJ') ? HINT_JWT : 0;
    case 0x41: // A
      return endsWithAt(text, i, 'AKIA') || endsWithAt(text, i, 'ASIA')
        ? HINT_AWS
        : 0;
    // The previous letter is compared first: `r` and `c` end many ordinary words.
    case 0x72: // r
      return text.charCodeAt(i - 1) === 0x65 && endsWithAt(text, i, 'earer')
        ? HINT_BEARER
        : 0;
    case 0x52: // R
      return text.charCodeAt(i - 1) === 0x45 && endsWithAt(text, i, 'EARER')
        ? HINT_BEARER
        : 0;
    case 0x63: // c
      return text.charCodeAt(i - 1) === 0x69 && endsWithAt(text, i, 'asic')
        ? HINT_BEARER
        : 0;
    case 0x43: // C
      return text.charCodeAt(i - 1) === 0x49 && endsWithAt(text, i, 'ASIC')
        ? HINT_BEARER
        : 0;
    case 0x5f: // _ of ghp_, sk_live_, rk_test_, github_pat_
      return isTokenUnderscore(text, i) ? HINT_TOKEN : 0;
    case 0x2d: // - of xoxb-
      return endsWithAt(text, i - 2, 'xox') ? HINT_TOKEN : 0;
    case 0x49: // I of AIza
      return text.charCodeAt(i - 1) === 0x41 && text.startsWith('za', i + 1)
        ? HINT_TOKEN
        : 0;
    case 0x59: // Y of PRIVATE KEY
      return endsWithAt(text, i, 'PRIVATE KEY') ? HINT_TOKEN : 0;
    default:
      return 0;
  }
}

/**
 * One pass standing for every built-in pre-check, as a bit per detector: a detector whose bit is unset
 * cannot find anything in `text`. It looks for `=`, `:`, `@`, four adjacent digits, `eyJ`,
 * `AKIA`/`ASIA` and the schemes `Bearer`/`Basic` (as `Bearer`, `bearer` or `BEARER`), by their last letter.
 */
function shortTextHints(text: string): number {
  let hints = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? CHAR_CLASS[c] : 0;
    if (kind === 0) {
      digits = 0;
    } else if (kind === 1) {
      if (++digits >= 4) hints |= HINT_CARD;
    } else {
      digits = 0;
      hints |= markerHint(text, i, c);
    }
  }
  return hints;
}

// Up to this length one loop over the characters is cheaper than a dozen native searches, each of
// which costs about as much as 10 characters of the loop.
const SHORT_TEXT = 128;

/* ------------------------------------------------------------ detectors */

/** The built-in free-text detectors, in the order they run. */
export const SECRET_DETECTORS: readonly SecretDetector[] = Object.freeze([
  {
    kind: 'bearer',
    description:
      'Token after an HTTP auth scheme: `Bearer <token>`, `Basic <base64>`',
    mayContain: (text: string) =>
      text.length >= MIN_BEARER_TEXT && SCHEME_HINT.test(text),
    scan: scanBearer,
  },
  {
    kind: 'jwt',
    description: 'JSON Web Token: `eyJ….….…`',
    mayContain: (text: string) =>
      text.length >= MIN_JWT_TEXT && hasJwtHint(text),
    scan: scanJwt,
  },
  {
    kind: 'credential-pair',
    description:
      'Value of a secret key in `key=value`, `key: value`, query strings and embedded JSON',
    mayContain: hasPairHint,
    scan: scanPairs,
  },
  {
    kind: 'connection-string',
    description: 'Password in `scheme://user:password@host`',
    mayContain: (text: string) =>
      text.length >= MIN_CONNECTION_TEXT && hasConnectionHint(text),
    scan: scanConnections,
  },
  {
    kind: 'card',
    description:
      'Payment card number: network prefix, 13–19 digits, valid Luhn checksum',
    mayContain: (text: string) =>
      text.length >= MIN_CARD_TEXT && hasCardHint(text),
    scan: scanCards,
  },
  {
    kind: 'aws-key',
    description: 'AWS access key ID: `AKIA`/`ASIA` + 16 characters',
    mayContain: (text: string) =>
      text.length >= MIN_AWS_TEXT && hasAwsHint(text),
    scan: scanAwsKeys,
  },
  {
    kind: 'token',
    description:
      'Tokens with a known prefix (GitHub, Stripe, Slack, Google API keys) and PEM private keys',
    mayContain: (text: string) =>
      text.length >= MIN_TOKEN_TEXT && hasTokenHint(text),
    scan: scanTokens,
  },
] satisfies SecretDetector[]);

/** Shortest text the built-in detectors can match (`pwd=x`). */
export const MIN_SECRET_TEXT_LENGTH = MIN_PAIR_TEXT;

/**
 * The shared pre-check: text it rejects cannot hold a secret any built-in detector finds, so none of
 * them runs.
 */
export function mightContainSecret(text: string): boolean {
  return text.length < SHORT_TEXT
    ? text.length >= MIN_PAIR_TEXT && shortTextHints(text) !== 0
    : SECRET_DETECTORS.some((d) => d.mayContain(text));
}

/* ------------------------------------------------------------- scanning */

export interface TextScannerOptions {
  readonly censor: string;
  readonly detectors: readonly SecretDetector[];
  readonly isSecretKey: (rawKey: string) => boolean;
  /** Shortest key `isSecretKey` can accept, once normalised. @default 1 */
  readonly minKeyLength?: number;
  /** Extra patterns, each global; every non-empty match is a secret. */
  readonly patterns?: readonly RegExp[];
}

export interface TextScanner {
  /** Shorter text holds nothing this scanner finds. */
  readonly minLength: number;
  /** Every secret, sorted, overlaps merged (the first one's kind wins). */
  readonly find: (text: string) => SecretMatch[];
  /** `text` with each secret replaced by the censor; `text` itself when nothing was found. */
  readonly scrub: (text: string) => string;
}

function byPosition(a: SecretMatch, b: SecretMatch): number {
  return a.start - b.start || b.end - a.end;
}

function mergeSpans(spans: SecretMatch[]): SecretMatch[] {
  if (spans.length > 1) spans.sort(byPosition);
  const merged: SecretMatch[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous !== undefined && span.start < previous.end) {
      if (span.end > previous.end) previous.end = span.end;
    } else {
      merged.push({ kind: span.kind, start: span.start, end: span.end });
    }
  }
  return merged;
}

export function createTextScanner(options: TextScannerOptions): TextScanner {
  const minKeyLength = options.minKeyLength ?? 1;
  const context: ScanContext = {
    censor: options.censor,
    isSecretKey: options.isSecretKey,
    minKeyLength,
  };
  const { detectors, censor } = options;
  const patterns = options.patterns ?? [];
  // The pair detector can match `k=v` with the shortest key; the others need more than 5 characters.
  const minPairText = minKeyLength + 2;
  let minText = Infinity;
  if (detectors.length > 0) {
    minText = detectors.some((d) => d.kind === 'credential-pair')
      ? Math.min(minPairText, MIN_PAIR_TEXT)
      : MIN_CONNECTION_TEXT;
  }

  const has = (kind: SecretKind): boolean =>
    detectors.some((d) => d.kind === kind);
  const bearer = has('bearer');
  const jwt = has('jwt');
  const pairs = has('credential-pair');
  const connections = has('connection-string');
  const cards = has('card');
  const aws = has('aws-key');
  const tokens = has('token');

  // The built-in detectors in their order, each behind its pre-check; written out rather than looped
  // over, so that each check is a direct call.
  const collectShort = (
    text: string,
    hints: number,
    found: SecretMatch[],
  ): void => {
    const n = text.length;
    if (bearer && (hints & HINT_BEARER) !== 0 && n >= MIN_BEARER_TEXT)
      scanBearer(text, context, found);
    if (jwt && (hints & HINT_JWT) !== 0 && n >= MIN_JWT_TEXT)
      scanJwt(text, context, found);
    if (pairs && (hints & HINT_PAIR) !== 0 && n >= minPairText)
      scanPairs(text, context, found);
    if (
      connections &&
      (hints & HINT_CONNECTION) !== 0 &&
      n >= MIN_CONNECTION_TEXT &&
      hasConnectionHint(text)
    )
      scanConnections(text, context, found);
    if (
      cards &&
      (hints & HINT_CARD) !== 0 &&
      n >= MIN_CARD_TEXT &&
      CARD_HINT.test(text)
    )
      scanCards(text, context, found);
    if (aws && (hints & HINT_AWS) !== 0 && n >= MIN_AWS_TEXT)
      scanAwsKeys(text, context, found);
    if (tokens && (hints & HINT_TOKEN) !== 0 && n >= MIN_TOKEN_TEXT)
      scanTokens(text, context, found);
  };

  const collectLong = (text: string, found: SecretMatch[]): void => {
    if (bearer && SCHEME_HINT.test(text)) scanBearer(text, context, found);
    if (jwt && hasJwtHint(text)) scanJwt(text, context, found);
    if (pairs && hasPairHint(text)) scanPairs(text, context, found);
    if (connections && hasConnectionHint(text))
      scanConnections(text, context, found);
    if (cards && hasCardHint(text)) scanCards(text, context, found);
    if (aws && hasAwsHint(text)) scanAwsKeys(text, context, found);
    if (tokens && hasTokenHint(text)) scanTokens(text, context, found);
  };

  const collect = (text: string, found: SecretMatch[]): void => {
    const n = text.length;
    if (n >= minText) {
      if (n < SHORT_TEXT) {
        const hints = shortTextHints(text);
        if (hints !== 0) collectShort(text, hints, found);
      } else {
        collectLong(text, found);
      }
    }
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          // Guard against patterns that match empty text mid-string.
          pattern.lastIndex++;
          continue;
        }
        found.push({
          kind: 'pattern',
          start: m.index,
          end: m.index + m[0].length,
        });
      }
    }
  };

  const find = (text: string): SecretMatch[] => {
    const found: SecretMatch[] = [];
    collect(text, found);
    return mergeSpans(found);
  };

  // Reused: scanning runs no caller code, so no call can start while another is in progress.
  const found: SecretMatch[] = [];
  const scrub = (text: string): string => {
    // A scan that threw part-way (a stack overflow) may have left spans behind.
    if (found.length !== 0) found.length = 0;
    collect(text, found);
    // Most text holds no secret: it comes back as it is, and nothing was allocated.
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    const spans = mergeSpans(found);
    found.length = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + censor;
      at = span.end;
    }
    return out + text.slice(at);
  };

  return { minLength: patterns.length > 0 ? 1 : minText, find, scrub };
}

const defaultScanners = new Map<string, TextScanner>();

function defaultScanner(censor: string): TextScanner {
  let scanner = defaultScanners.get(censor);
  if (scanner === undefined) {
    scanner = createTextScanner({
      censor,
      detectors: SECRET_DETECTORS,
      isSecretKey: isSecretKeyName,
      minKeyLength: isSecretKeyName.minLength,
    });
    // Only a handful of censors exist in practice; the cap bounds odd callers.
    if (defaultScanners.size >= 16) defaultScanners.clear();
    defaultScanners.set(censor, scanner);
  }
  return scanner;
}

/** Replaces each secret in `text` (built-in detectors and key vocabulary) with `censor`, keeping its context. */
export function scrubText(
  text: string,
  censor: string = DEFAULT_CENSOR,
): string {
  return defaultScanner(censor).scrub(text);
}

/** Where the built-in detectors find secrets in `text`; the default censor counts as already redacted. */
export function findSecretsInText(text: string): SecretMatch[] {
  return defaultScanner(DEFAULT_CENSOR).find(text);
}
