import {
  credentialShape,
  looksLikeCredential,
  suffixLooksLikeCredential,
} from '../keys/credential-value.js';
import {
  GUARDED,
  NOT_SECRET,
  SECRET,
  isSecretUrlParameter,
  normalizeKey,
} from '../keys/secret-key.matcher.js';
import {
  codeAt,
  codeBefore,
  isDigit,
  isLetter,
} from '../scanner/char-codes.js';
import { isCensorAt, type SecretMatch } from '../scanner/secret-span.js';
import { isCodeValue, isMaskAt, isProseAt } from './pair/code-value.js';
import {
  digitsOnlyBefore,
  isExtensionBefore,
  isPairBlank,
  isQueryParameter,
  keyBefore,
} from './pair/pair-key.js';
import { readValue, type BareMemo } from './pair/pair-value.js';
import {
  defineDetector,
  type ScanContext,
} from './secret-detector.interface.js';

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

const EQUALS = 0x3d;
const COLON = 0x3a;
const GREATER = 0x3e;

/** The separator at `sep` and where its value may start; `undefined` when it is not one. */
interface Separator {
  /** Index just past the separator. */
  readonly after: number;
  /** Only a string literal is a value: `==` compares, `=>` may start a function body. */
  readonly literalOnly: boolean;
  readonly colon: boolean;
}

function separatorAt(text: string, sep: number): Separator | undefined {
  const c = text.charCodeAt(sep);
  const next = codeAt(text, sep + 1);
  if (c === COLON) {
    // `key := "v"` (Go); `::` is a scope (`Foo::password`), not a pair.
    if (next === EQUALS)
      return { after: sep + 2, literalOnly: false, colon: false };
    if (next === COLON || codeBefore(text, sep) === COLON) return undefined;
    return { after: sep + 1, literalOnly: false, colon: true };
  }
  if (c === EQUALS) {
    // Inside a run of `=` (read once, from its first): `====` is not a pair, nor quadratic.
    if (codeBefore(text, sep) === EQUALS) return undefined;
    // `==`/`===` compare (`token === X`); the string literal compared to is still written out.
    if (next === EQUALS) {
      let after = sep + 1;
      while (codeAt(text, after) === EQUALS) after++;
      // An operator stands between blanks; `…LPw=="` is base64 padding.
      if (codeBefore(text, sep) !== 0x20 && codeAt(text, after) !== 0x20)
        return undefined;
      return { after, literalOnly: true, colon: false };
    }
    // `key => "v"` (Ruby, PHP, Perl dumps); `[password] => v` is handled by the caller.
    if (next === GREATER)
      return { after: sep + 2, literalOnly: true, colon: false };
    return { after: sep + 1, literalOnly: false, colon: false };
  }
  return undefined;
}

function isLetterOrDigit(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x60;
}

// Where a value's text begins, past an opening quote (`"v"`, `\"v\"` in escaped JSON).
function valueTextStart(text: string, from: number): number {
  const c = text.charCodeAt(from);
  if (isQuote(c)) return from + 1;
  if (c === 0x5c && isQuote(codeAt(text, from + 1))) return from + 2;
  return from;
}

function scanPairs(
  text: string,
  context: ScanContext,
  found: SecretMatch[],
): void {
  const { censor } = context;
  // Fullwidth `：` and `＝` are found in the shadow, where they read as `:` and `=`.
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  const memo: BareMemo = { start: -1, end: -1 };
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
    // Every test before the key's verdict only rejects, so the cheapest go first. Each stack frame has
    // two separators (`file.js:42:11`): both are rejected here, without reading a key or a separator.
    // `42:11`: no key.
    if (digitsOnlyBefore(text, sep)) continue;
    // `file.js:42`: the key is `js`, judged from its codes.
    if (
      isExtensionBefore(text, sep) &&
      context.twoCharKeyVerdict(
        text.charCodeAt(sep - 2),
        text.charCodeAt(sep - 1),
      ) === NOT_SECRET
    ) {
      continue;
    }
    const separator = separatorAt(text, sep);
    if (separator === undefined) continue;
    let from = separator.after;
    while (from < text.length && isPairBlank(text.charCodeAt(from))) from++;
    // A value that would start inside one already censored is censored with it. Skipping it keeps the
    // scan linear: `password=password=…` would otherwise read to the end of the text once per `=`.
    if (from < covered || from >= text.length) continue;
    const pairKey = keyBefore(text, sep, context.minKeyLength);
    if (pairKey === undefined) continue;
    const query = !separator.colon && isQueryParameter(text, pairKey.start);
    // `js` in `file.js:42`, at every stack frame: judged from its codes, with no slice unless it is kept.
    let verdict =
      pairKey.end - pairKey.start === 2 && !pairKey.wide
        ? context.twoCharKeyVerdict(
            text.charCodeAt(pairKey.start),
            text.charCodeAt(pairKey.start + 1),
          )
        : undefined;
    if (verdict === NOT_SECRET && !query) continue;
    const key = text.slice(pairKey.start, pairKey.end);
    verdict ??= context.keyVerdict(key);
    if (verdict !== SECRET && query && isSecretUrlParameter(key)) {
      verdict = SECRET;
    }
    if (verdict === NOT_SECRET) continue;
    // Everything that can reject the value without reading it to its end is tried first, so a rejected
    // value costs no more than its first characters (the scan stays linear on repeated pairs).
    // `` `Cookie:` header ``: the quote around the key closes right after the separator, no value.
    const opener = codeBefore(text, pairKey.start);
    if (
      from === separator.after &&
      isQuote(opener) &&
      text.charCodeAt(from) === opener &&
      !pairKey.bracketed &&
      !isQuote(codeBefore(text, sep))
    ) {
      continue;
    }
    const peek = valueTextStart(text, from);
    const quoted = peek !== from;
    if (separator.literalOnly && !quoted && !pairKey.bracketed) continue;
    const normalizedKey = normalizeKey(key);
    const scheme = AUTHORIZATION_KEYS.has(normalizedKey)
      ? ANY_SCHEME
      : COMMON_SCHEME;
    scheme.lastIndex = peek;
    const textStart = scheme.test(text) ? scheme.lastIndex : peek;
    // A header's value is not prose, nor a type (`Cookie: SESSION=…`, `Authorization: ApiKey …`); a
    // keyword (`cookies: Object` in a type listing) still is code.
    const header = separator.colon && HEADER_KEYS.has(normalizedKey);
    if (!quoted) {
      const typed = separator.colon && !header;
      if (isCodeValue(text, textStart, text.length, key, typed)) continue;
      if (isMaskAt(text, textStart)) continue;
      if (typed && isProseAt(text, textStart)) continue;
      // A broad key's credential is a token: a bracket or a symbol first is not one.
      if (verdict === GUARDED && !isLetterOrDigit(codeAt(text, textStart)))
        continue;
    }
    const value = readValue(text, from, {
      toLineEnd: header,
      keyStart: pairKey.start,
      memo,
    });
    if (value === undefined) continue;
    const start = Math.max(value.start, textStart);
    const { end } = value;
    if (start >= end || isCensorAt(text, start, end, censor)) continue;
    if (verdict === GUARDED && !guardedCredential(text, start, end, memo))
      continue;
    // Separators after a value are tried again: `password= token: x` finds both.
    found.push({ kind: 'credential-pair', start, end });
    covered = Math.max(covered, end);
  }
}

/**
 * A broad key's value, judged in constant time when it lies in the last bare value read: the span's
 * shape is taken once, so `key=key=key=…` stays linear.
 */
function guardedCredential(
  text: string,
  start: number,
  end: number,
  memo: BareMemo,
): boolean {
  if (end !== memo.end || start < memo.start) {
    return looksLikeCredential(text, start, end);
  }
  memo.shape ??= credentialShape(text, memo.start, memo.end);
  return suffixLooksLikeCredential(memo.shape, start);
}

// `xx=v` with the shortest key the scan can accept (pw, sid…; a custom key may be shorter).
const SEPARATOR_AND_VALUE = 2;

/**
 * Value of a secret key in `key=value`, `key: value`, `key := v`, `key => "v"`, `[key] => v`, query
 * strings, YAML (block values too) and embedded JSON. Code that names a secret without holding it
 * (`password: string`, `token === user.token`, `apiKey: process.env.KEY`) is left alone.
 */
export const credentialPairDetector = defineDetector({
  kind: 'credential-pair',
  reveals: 'secret',
  minLength: (context) => context.minKeyLength + SEPARATOR_AND_VALUE,
  markers: ['=', ':'],
  usesKeys: true,
  scan: scanPairs,
});
