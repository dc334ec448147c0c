import {
  BACKSLASH,
  DOUBLE_QUOTE,
  SINGLE_QUOTE,
  isKeyChar,
  isLetter,
} from '../../scanner/char-codes.js';

const MAX_KEY_LENGTH = 64;

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
}

/** Whether `ESC [` digits and `;` run up to `at` (a colour code's parameters), looking back a few. */
function followsEscape(text: string, at: number): boolean {
  for (let i = at - 1; i > 0 && i >= at - 12; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x5b) return text.charCodeAt(i - 1) === 0x1b;
    if (!(isDigitAt(text, i) || code === 0x3b)) return false;
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

/** A key read backwards from a separator: where it starts, and what is just before it. */
export interface PairKey {
  readonly key: string;
  /** Index of the key's first character. */
  readonly start: number;
  /** Written as `[key]` (PHP's print_r, Ruby's inspect): its value may be bare text. */
  readonly bracketed: boolean;
}

/**
 * The key written just before the separator at `sep`, or `undefined`. Keys are runs of letters, digits,
 * `_` and `-` (and non-ASCII letters), without leading digits and dashes: `1password` is read as
 * `password`, `--password` as `password`, timestamps (`22T10:00`) as short junk. `.` ends a key, so
 * `connect.sid` is judged as `sid` and `password.ts:12` (a stack frame) as `ts`. A quote (JSON,
 * util.inspect, escaped JSON) or a `]` may stand between the key and the separator.
 */
export function keyBefore(
  text: string,
  sep: number,
  minLength: number,
): PairKey | undefined {
  let end = sep;
  while (end > 0 && isPairBlank(text.charCodeAt(end - 1))) end--;
  let bracketed = false;
  if (text.charCodeAt(end - 1) === 0x5d) {
    end--;
    bracketed = true;
  }
  const quote = text.charCodeAt(end - 1);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    end--;
    if (text.charCodeAt(end - 1) === BACKSLASH) end--;
  }
  let start = end;
  let wide = false;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (!isKeyChar(code)) {
      if (!isWideKeyChar(code)) break;
      wide = true;
    }
    if (end - start === MAX_KEY_LENGTH) return undefined;
    start--;
  }
  while (start < end) {
    const code = text.charCodeAt(start);
    if (isLetter(code) || code === 0x5f || (wide && code >= 0x80)) break;
    start++;
  }
  // A terminal colour code glued to the key: `\x1b[31mapi_key=`.
  if (
    text.charCodeAt(start) === 0x6d &&
    isDigitAt(text, start - 1) &&
    followsEscape(text, start)
  ) {
    start++;
  }
  if (bracketed) {
    // `[password] =>`, `["password"] =>`: the bracket must open right before the key.
    const open = text.charCodeAt(start - 1);
    const at =
      open === DOUBLE_QUOTE || open === SINGLE_QUOTE ? start - 2 : start - 1;
    if (text.charCodeAt(at) !== 0x5b) return undefined;
  }
  // Shorter runs (`js` in `file.js:42`, line numbers) cannot be a secret key: no lookup, no slice.
  return end - start >= minLength && start < end
    ? { key: text.slice(start, end), start, bracketed }
    : undefined;
}

/** Whether the key starting at `start` is a URL query parameter (`?key=`, `&sig=`). */
export function isQueryParameter(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  return before === 0x3f || before === 0x26;
}
