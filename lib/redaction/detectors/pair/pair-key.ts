import {
  BACKSLASH,
  DOUBLE_QUOTE,
  codeBefore,
  SINGLE_QUOTE,
  isDigit,
  isKeyChar,
  isLetter,
} from '../../scanner/char-codes.js';

const MAX_KEY_LENGTH = 64;
// Parameters of the longest colour code in use, `1;38;2;255;255;255` (bold, 24-bit colour), and some.
const MAX_COLOUR_PARAMETERS = 24;

/**
 * Whether the `m` at `at` ends a terminal colour code (`ESC [ 31 m`, `ESC [ 38;2;255;0;0 m`, `ESC [ m`):
 * then the key starts after it.
 */
function endsColourCode(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x6d) return false;
  const last = Math.max(1, at - 1 - MAX_COLOUR_PARAMETERS);
  for (let i = at - 1; i >= last; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x5b) return text.charCodeAt(i - 1) === 0x1b;
    if (!(isDigit(code) || code === 0x3b)) return false;
  }
  return false;
}

/** Blanks around a separator: space, tab, and the no-break and ideographic spaces. */
export function isPairBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

// Beyond ASCII a key may hold letters of any script, fullwidth forms and invisible characters: the key
// matcher folds them (`pаssword` with a Cyrillic `а`, `ｐａｓｓ`). Spaces and fullwidth separators end it.
function isWideKeyChar(code: number): boolean {
  return (
    code >= 0x80 &&
    code !== 0xa0 &&
    code !== 0x3000 &&
    code !== 0xff1a && // ：
    code !== 0xff1d && // ＝
    !(code >= 0x2000 && code <= 0x200a) &&
    !(code >= 0x2018 && code <= 0x201f) // curly quotes
  );
}

/** A key read backwards from a separator: where it lies, and what is just before it. */
export interface PairKey {
  /** Index of the key's first character. */
  readonly start: number;
  /** Index just past the key's last character. */
  readonly end: number;
  /** The key holds a character beyond ASCII. */
  readonly wide: boolean;
  /** Written as `[key]` (PHP's print_r, Ruby's inspect): its value may be bare text. */
  readonly bracketed: boolean;
}

/**
 * The key written just before the separator at `sep`, or `undefined`. Keys are runs of letters, digits,
 * `_` and `-` (and non-ASCII letters), without leading digits and dashes: `1password` is read as
 * `password`, `--password` as `password`, timestamps (`22T10:00`) as short junk. `.` ends a key, so
 * `connect.sid` is judged as `sid` and `password.ts:12` (a stack frame) as `ts`. A quote (JSON,
 * util.inspect, escaped JSON) or a `]` may stand between the key and the separator. Of a key longer
 * than 64 characters only the last 64 are read.
 */
export function keyBefore(
  text: string,
  sep: number,
  minLength: number,
): PairKey | undefined {
  let end = sep;
  while (isPairBlank(codeBefore(text, end))) end--;
  let bracketed = false;
  if (codeBefore(text, end) === 0x5d) {
    end--;
    bracketed = true;
  }
  const quote = codeBefore(text, end);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    end--;
    if (codeBefore(text, end) === BACKSLASH) end--;
  }
  let start = end;
  let wide = false;
  // A longer key is judged by its end, where the word naming a secret is (`…_database_password`).
  while (end - start < MAX_KEY_LENGTH) {
    const code = codeBefore(text, start);
    if (!isKeyChar(code)) {
      if (!isWideKeyChar(code)) break;
      wide = true;
    }
    start--;
  }
  while (start < end) {
    const code = text.charCodeAt(start);
    if (isLetter(code) || code === 0x5f || (wide && code >= 0x80)) break;
    start++;
  }
  // A terminal colour code glued to the key: `\x1b[31mapi_key=`.
  if (endsColourCode(text, start)) start++;
  if (bracketed) {
    // `[password] =>`, `["password"] =>`: the bracket must open right before the key.
    const open = codeBefore(text, start);
    const at =
      open === DOUBLE_QUOTE || open === SINGLE_QUOTE ? start - 1 : start;
    if (codeBefore(text, at) !== 0x5b) return undefined;
  }
  // Shorter runs (line numbers, `s` in `0.5s:`) cannot be a secret key: no lookup.
  return end - start >= minLength && start < end
    ? { start, end, wide, bracketed }
    : undefined;
}

/**
 * Whether only a run of digits stands before the separator at `sep`, after the text's start or a
 * character no key holds: there {@link keyBefore} finds no key (it drops leading digits), and the pair
 * scan does not call it. Cheaper than the call, which V8 does not inline into the scan.
 */
export function digitsOnlyBefore(text: string, sep: number): boolean {
  let i = sep;
  while (isDigit(codeBefore(text, i))) i--;
  if (i === sep) return false;
  const code = codeBefore(text, i);
  return !isKeyChar(code) && !isWideKeyChar(code);
}

/**
 * Whether two ASCII letters after a `.` stand just before the separator at `sep` (`file.js:42`): then
 * {@link keyBefore} would read exactly those two as the key, plain and unbracketed.
 */
export function isExtensionBefore(text: string, sep: number): boolean {
  return (
    sep >= 3 &&
    text.charCodeAt(sep - 3) === 0x2e &&
    isLetter(text.charCodeAt(sep - 2)) &&
    isLetter(text.charCodeAt(sep - 1))
  );
}

/** Whether the key starting at `start` is a URL query parameter (`?key=`, `&sig=`). */
export function isQueryParameter(text: string, start: number): boolean {
  const before = codeBefore(text, start);
  return before === 0x3f || before === 0x26;
}
