/** @internal Character codes and classes the detectors read text by. ASCII only, on purpose. */
export const BACKSLASH = 0x5c;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;
export const BACKTICK = 0x60;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;

export function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Letters, digits, `_` and `-`: what a key in free text is made of. */
export function isKeyChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 0x5f || code === 0x2d;
}

/**
 * The code at `at`, or -1 outside the text. Hot functions read through this rather than let `charCodeAt`
 * return NaN: one out-of-bounds read makes V8 recompile the whole function with slower, bounds-tolerant
 * reads (3,500 instructions more for the pair scan of one stack trace, on Node 24).
 */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : -1;
}

/** The code just before `at`, or -1 at the text's start; see {@link codeAt}. */
export function codeBefore(text: string, at: number): number {
  return at > 0 ? text.charCodeAt(at - 1) : -1;
}
