import {
  BACKSLASH,
  BACKTICK,
  CARRIAGE_RETURN,
  DOUBLE_QUOTE,
  LINE_FEED,
  SINGLE_QUOTE,
  isKeyChar,
} from '../../scanner/char-codes.js';
import type { CredentialShape } from '../../keys/credential-value.js';
import { isPairBlank } from './pair-key.js';

// What ends an unquoted value at once: whitespace, quotes, markup, escapes. `& ; ,` end it only where a
// next pair begins (`a=1&b=2`, `password=x; Path=/`); `) ] }` stay in it unless left unbalanced at its end.
const HARD_STOP = new Uint8Array(128);
for (const c of ' "\'<>`\\') HARD_STOP[c.charCodeAt(0)] = 1;
// Control characters too: line breaks, and the ESC of a terminal colour code after the value.
for (let c = 0; c < 0x20; c++) HARD_STOP[c] = 1;
HARD_STOP[0x7f] = 1;
const SOFT_STOP = new Uint8Array(128);
for (const c of '&;,') SOFT_STOP[c.charCodeAt(0)] = 1;

const MAX_LOOKAHEAD_KEY = 64;

/** A value's span, and whether it was written as a string literal (quoted). */
export interface PairValue {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === LINE_FEED || c === CARRIAGE_RETURN) break;
    end++;
  }
  while (end > from && isPairBlank(text.charCodeAt(end - 1))) end--;
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

function isBlankTo(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isPairBlank(c) || c === LINE_FEED || c === CARRIAGE_RETURN))
      return false;
  }
  return true;
}

const TYPE_SCHEMA =
  /^\{\s*["']?type["']?\s*:\s*["']?[A-Za-z]{3,10}["']?\s*(?:,\s*["']?(?:format|minLength|maxLength|pattern|description|nullable)["']?\s*:\s*(?:\d{1,4}|true|false|"[^"\n]{0,80}"|'[^'\n]{0,80}')\s*)*\}$/;
const MAX_SCHEMA = 200;

function isTypeSchema(text: string, start: number, end: number): boolean {
  return end - start <= MAX_SCHEMA && TYPE_SCHEMA.test(text.slice(start, end));
}

/**
 * Whether a key and a separator start at `at`: `b=` in `a=1&b=2`, ` Path=` in a cookie, `User Id=` in
 * an ADO.NET connection string.
 */
function pairStartsAt(text: string, at: number, spacedKeys: boolean): boolean {
  let i = at;
  while (i < text.length && isPairBlank(text.charCodeAt(i))) i++;
  const keyStart = i;
  while (i < text.length && i - keyStart <= MAX_LOOKAHEAD_KEY) {
    const c = text.charCodeAt(i);
    // Blanks were skipped above, so a space here follows a word of the key.
    if (isKeyChar(c) || c === 0x2e || (spacedKeys && c === 0x20)) i++;
    else break;
  }
  if (i === keyStart) return false;
  while (i < text.length && isPairBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c === 0x3d || c === 0x3a;
}

/** Past a soft stop at `at`: past `&amp;` as a whole when the `&` opens an HTML entity. */
function softStopEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x26) return at + 1;
  let i = at + 1;
  if (text.charCodeAt(i) === 0x23) i++;
  const from = i;
  while (i - from < 8 && isKeyChar(text.charCodeAt(i))) i++;
  return i > from && text.charCodeAt(i) === 0x3b ? i + 1 : at + 1;
}

/**
 * End of a bare value from `start`: at a hard stop, or at `& ; ,` where a next pair begins. Closing
 * brackets left unbalanced at the end belong to what holds the pair (`(password=x)`), and a final
 * `.`, `,` or `;` to the sentence.
 */
function bareValueEnd(text: string, start: number): number {
  let end = start;
  let open = 0;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    // Past the tables' end a read gives undefined; no-break and ideographic spaces end a value too.
    if (HARD_STOP[c] === 1 || c === 0xa0 || c === 0x3000) break;
    if (
      SOFT_STOP[c] === 1 &&
      pairStartsAt(text, softStopEnd(text, end), c === 0x3b)
    )
      break;
    if (c === 0x28 || c === 0x5b || c === 0x7b) open++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) open--;
    end++;
  }
  for (;;) {
    const c = text.charCodeAt(end - 1);
    if (end - 1 <= start) break;
    if ((c === 0x29 || c === 0x5d || c === 0x7d) && open < 0) {
      open++;
      end--;
    } else if (c === 0x2e || c === 0x2c || c === 0x3b) {
      end--;
    } else {
      break;
    }
  }
  return end;
}

/**
 * A YAML block scalar (`password: |` then indented lines): the value is every following line indented
 * deeper than the key's line.
 */
function blockScalarEnd(
  text: string,
  keyLineStart: number,
  from: number,
): number {
  let indent = 0;
  while (isPairBlank(text.charCodeAt(keyLineStart + indent))) indent++;
  let end = from;
  // `from` starts the first line: `at` is the line break before it.
  let at = from - 1;
  while (at !== -1) {
    let i = at + 1;
    while (i < text.length && text.charCodeAt(i) === 0x20) i++;
    const c = text.charCodeAt(i);
    const blank = c === LINE_FEED || c === CARRIAGE_RETURN;
    if (!blank && (i - at - 1 <= indent || i >= text.length)) break;
    end = lineEnd(text, i);
    at = text.indexOf('\n', end);
  }
  return end;
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) !== LINE_FEED) i--;
  return i;
}

function isBlockIndicator(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x7c && c !== 0x3e) return false;
  let i = at + 1;
  while (i < text.length && /[-+0-9]/.test(text[i])) i++;
  while (isPairBlank(text.charCodeAt(i))) i++;
  const next = text.charCodeAt(i);
  return next === LINE_FEED || next === CARRIAGE_RETURN;
}

/** The last bare value read: a value starting inside it ends where it ends, so it is not read again. */
export interface BareMemo {
  start: number;
  end: number;
  /** Its credential shape, once a broad key asked. */
  shape?: CredentialShape;
}

export interface ValueOptions {
  /** The value runs to the end of its line (a `Cookie:` header holds `;`-separated pairs). */
  readonly toLineEnd: boolean;
  /** Where the key starts, for YAML block values (indented deeper than the key's line). */
  readonly keyStart: number;
  readonly memo: BareMemo;
}

/** The span of the value that starts at `start`, or `undefined` when there is none. */
export function readValue(
  text: string,
  start: number,
  options: ValueOptions,
): PairValue | undefined {
  const first = text.charCodeAt(start);
  let end: number;
  let from = start;
  let quoted = false;
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === BACKTICK) {
    // util.inspect quotes a string holding both ' and " with backticks.
    from++;
    end = closingQuote(text, from, first);
    quoted = true;
  } else if (
    first === BACKSLASH &&
    (text[start + 1] === '"' || text[start + 1] === "'")
  ) {
    // Escaped JSON inside a JSON string: `{\"password\":\"x\"}`.
    const quote = text.slice(start, start + 2);
    from += 2;
    const close = text.indexOf(quote, from);
    end = close === -1 ? lineEnd(text, from) : close;
    quoted = true;
  } else if (first === 0x7b || first === 0x5b) {
    end = closingBracket(text, start);
    // Empty brackets, or one that ends the text (`const secret = {` cut from a source line), hold
    // nothing; a JSON schema (`{ type: 'string' }`) names a type, not a value. `}` is `{` + 2, `]` `[` + 2.
    const inner = text.charCodeAt(end - 1) === first + 2 ? end - 1 : end;
    if (isBlankTo(text, start + 1, inner) || isTypeSchema(text, start, end))
      return undefined;
    // A word glued after the bracket belongs to the value: `[abc]def`.
    if (isKeyChar(text.charCodeAt(end))) end = bareValueEnd(text, end);
  } else if (isBlockIndicator(text, start)) {
    from = text.indexOf('\n', start) + 1;
    end = blockScalarEnd(text, lineStart(text, options.keyStart), from);
    // Blank lines and the indentation before the text stay: only the text is censored.
    while (from < end) {
      const b = text.charCodeAt(from);
      if (!(isPairBlank(b) || b === LINE_FEED || b === CARRIAGE_RETURN)) break;
      from++;
    }
  } else if (options.toLineEnd) {
    end = lineEnd(text, start);
    // `-H 'Authorization: Bearer x'`: a quote just before the key closes the header.
    const quote = text.charCodeAt(options.keyStart - 1);
    if (
      quote === DOUBLE_QUOTE ||
      quote === SINGLE_QUOTE ||
      quote === BACKTICK
    ) {
      const close = text.indexOf(text[options.keyStart - 1], start);
      if (close !== -1 && close < end) end = close;
    }
  } else if (start > options.memo.start && start < options.memo.end) {
    end = options.memo.end;
  } else {
    end = bareValueEnd(text, start);
    options.memo.start = start;
    options.memo.end = end;
    options.memo.shape = undefined;
  }
  return end > from ? { start: from, end, quoted } : undefined;
}
