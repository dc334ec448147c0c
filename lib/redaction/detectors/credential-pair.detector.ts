import { normalizeKey } from '../keys/secret-key.matcher.js';
import {
  BACKSLASH,
  BACKTICK,
  CARRIAGE_RETURN,
  DOUBLE_QUOTE,
  LINE_FEED,
  SINGLE_QUOTE,
  isBlank,
  isKeyChar,
  isLetter,
} from '../scanner/char-codes.js';
import type { SecretMatch } from '../scanner/secret-span.js';
import {
  defineDetector,
  type ScanContext,
} from './secret-detector.interface.js';

// Characters that end an unquoted value: whitespace and the delimiters of
// query strings, cookies, lists, quotes, markup and closing brackets.
const VALUE_STOP = new Uint8Array(128);
for (const c of ' \t\n\r\f\v&;,"\'<>)]}`\\') VALUE_STOP[c.charCodeAt(0)] = 1;

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

// End of a `{…}` or `[…]` value, skipping brackets inside strings; the end of the text if it never closes.
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
  // Unclosed: the value may run on over any number of lines, so all of the rest is censored. Stopping at
  // the line's end instead made each later pair scan to the end again (quadratic on `pwd=[\n` repeated).
  return text.length;
}

/**
 * The span of the value that starts at `from`, or `undefined` when there is nothing to censor. A value
 * that already starts with the censor is left before it is read to its end: with a censor such as `***`,
 * `password=***password=***…` would otherwise be read to the end of the text once per `=`.
 */
function pairValue(
  text: string,
  from: number,
  normalizedKey: string,
  colon: boolean,
  censor: string,
): [number, number] | undefined {
  let start = from;
  let end: number;
  const first = text.charCodeAt(start);
  const scheme = AUTHORIZATION_KEYS.has(normalizedKey)
    ? ANY_SCHEME
    : COMMON_SCHEME;
  // util.inspect quotes a string holding both ' and " with backticks.
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === BACKTICK) {
    start++;
    scheme.lastIndex = start;
    if (scheme.test(text)) start = scheme.lastIndex;
    if (censored(text, start, censor)) return undefined;
    end = closingQuote(text, start, first);
  } else if (
    first === BACKSLASH &&
    (text[start + 1] === '"' || text[start + 1] === "'")
  ) {
    // Escaped JSON inside a JSON string: `{\"password\":\"x\"}`.
    const quote = text.slice(start, start + 2);
    start += 2;
    if (censored(text, start, censor)) return undefined;
    const close = text.indexOf(quote, start);
    end = close === -1 ? lineEnd(text, start) : close;
  } else if (first === 0x7b || first === 0x5b) {
    if (censored(text, start, censor)) return undefined;
    end = closingBracket(text, start);
  } else {
    scheme.lastIndex = start;
    if (scheme.test(text)) start = scheme.lastIndex;
    if (censored(text, start, censor)) return undefined;
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

function censored(text: string, at: number, censor: string): boolean {
  return censor !== '' && text.startsWith(censor, at);
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
    const key = keyBefore(text, sep, context.minKeyLength);
    if (key === undefined || !context.isSecretKey(key)) continue;
    const span = pairValue(
      text,
      from,
      normalizeKey(key),
      text[sep] === ':',
      censor,
    );
    if (span === undefined) continue;
    // Separators after a value are tried again: `password= token: x` finds both.
    found.push({ kind: 'credential-pair', start: span[0], end: span[1] });
    covered = Math.max(covered, span[1]);
  }
}

// `xxx=v` with the shortest key the scan can accept (pwd, sid, cvv…; a custom key may be shorter).
const SEPARATOR_AND_VALUE = 2;

/** Value of a secret key in `key=value`, `key: value`, query strings and embedded JSON. */
export const credentialPairDetector = defineDetector({
  kind: 'credential-pair',
  reveals: 'secret',
  minLength: (context) => context.minKeyLength + SEPARATOR_AND_VALUE,
  markers: ['=', ':'],
  usesKeys: true,
  scan: scanPairs,
});
