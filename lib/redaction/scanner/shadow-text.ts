import { Buffer } from 'node:buffer';
import { foldKey } from '../keys/key-words.js';

/**
 * @internal Text as a reader would see it, for detection only: percent-encoding (two levels), `\uXXXX`
 * and `\xXX` escapes and HTML entities decoded, compatibility forms folded and invisible characters
 * dropped. Each shadow character knows the source range it came from, so a secret found in the shadow is
 * censored in the source, and nothing else changes there.
 */
export interface ShadowText {
  readonly text: string;
  /** Source index where shadow character `i` starts. */
  readonly starts: readonly number[];
  /** Source index just past shadow character `i`. */
  readonly ends: readonly number[];
}

// Anything the shadow would change. The escapes are looked for only after a native search found their
// first character; a regex with alternatives tried at every position cost more than all the detectors.
const ESCAPE = /%[0-9A-Fa-f]{2}|\\[ux][0-9A-Fa-f]{2}|&(?:#|[A-Za-z]{2,6};)/;

/** @internal The characters an escape the shadow decodes starts with. */
export const ESCAPE_STARTS = '%\\&';

function hasEscapeStart(text: string): boolean {
  for (const char of ESCAPE_STARTS) if (text.includes(char)) return true;
  return false;
}

// Non-ASCII text is longer in UTF-8: a native count, about 4× cheaper than a character-class regex.
function isNonAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') !== text.length;
}

function needsShadow(text: string): boolean {
  return (hasEscapeStart(text) && ESCAPE.test(text)) || isNonAscii(text);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  colon: ':',
  equals: '=',
  commat: '@',
  sol: '/',
  num: '#',
  quest: '?',
  lowbar: '_',
  hyphen: '-',
  period: '.',
};

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** The value of `length` hex digits at `at`, or -1. */
function hexAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = hexValue(text.charCodeAt(i));
    if (digit === -1) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** The character and source length of an escape at `at`, or `undefined`. */
function escapeAt(text: string, at: number): [string, number] | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x25) {
    const value = hexAt(text, at + 1, 2);
    return value === -1 ? undefined : [String.fromCharCode(value), 3];
  }
  if (c === 0x5c) {
    const kind = text.charCodeAt(at + 1);
    const length = kind === 0x75 ? 4 : kind === 0x78 ? 2 : 0;
    if (length === 0) return undefined;
    const value = hexAt(text, at + 2, length);
    return value === -1 ? undefined : [String.fromCharCode(value), length + 2];
  }
  if (c === 0x26) {
    // Entities are short: the `;` is looked for in the next few characters only (linear on `&#&#…`).
    let semi = at + 2;
    while (
      semi < text.length &&
      semi - at <= 10 &&
      text.charCodeAt(semi) !== 0x3b
    )
      semi++;
    if (semi - at > 10 || text.charCodeAt(semi) !== 0x3b) return undefined;
    const body = text.slice(at + 1, semi);
    let value: number;
    if (body.startsWith('#x') || body.startsWith('#X'))
      value = Number.parseInt(body.slice(2), 16);
    else if (body.startsWith('#')) value = Number.parseInt(body.slice(1), 10);
    else {
      const named = ENTITIES[body];
      return named === undefined ? undefined : [named, semi - at + 1];
    }
    if (!Number.isInteger(value) || value < 0 || value > 0x10ffff)
      return undefined;
    return [String.fromCodePoint(value), semi - at + 1];
  }
  return undefined;
}

interface DecodedPass extends ShadowText {
  /**
   * False when the output is ASCII without an escape start: another pass would change nothing, and
   * `needsShadow` need not read it again.
   */
  readonly again: boolean;
}

function isEscapeStart(code: number): boolean {
  return code === 0x25 || code === 0x5c || code === 0x26;
}

/** One decoding pass over `source`, with each output character's source range. */
function decodePass(
  source: string,
  starts: readonly number[] | undefined,
  ends: readonly number[] | undefined,
): DecodedPass {
  // Most characters are copied: they are appended in runs, only their ranges one by one. Plain arrays:
  // a typed array costs more to create than this whole pass on short text. No closure, so the loop's
  // state stays in registers.
  const outStarts: number[] = [];
  const outEnds: number[] = [];
  let out = '';
  let copyFrom = 0;
  let again = false;
  for (let i = 0; i < source.length;) {
    const c = source.charCodeAt(i);
    let chars: string | undefined;
    let width = 1;
    if (isEscapeStart(c)) {
      const escape = escapeAt(source, i);
      if (escape !== undefined) {
        chars = foldKey(escape[0]);
        width = escape[1];
      } else {
        again = true;
      }
    } else if (c >= 0x80) {
      // A surrogate pair is one character.
      width = c >= 0xd800 && c <= 0xdbff && i + 1 < source.length ? 2 : 1;
      chars = foldKey(source.slice(i, i + width));
    }
    if (chars === undefined) {
      outStarts.push(starts === undefined ? i : starts[i]);
      outEnds.push(ends === undefined ? i + 1 : ends[i]);
      i++;
      continue;
    }
    if (i > copyFrom) out += source.slice(copyFrom, i);
    out += chars;
    const s = starts === undefined ? i : starts[i];
    const e = ends === undefined ? i + width : ends[i + width - 1];
    for (let k = 0; k < chars.length; k++) {
      const code = chars.charCodeAt(k);
      if (code >= 0x80 || isEscapeStart(code)) again = true;
      outStarts.push(s);
      outEnds.push(e);
    }
    i += width;
    copyFrom = i;
  }
  if (source.length > copyFrom) out += source.slice(copyFrom);
  return { text: out, starts: outStarts, ends: outEnds, again };
}

/** The shadow of `text`, or `undefined` when it would be the text itself. */
export function shadowOf(text: string): ShadowText | undefined {
  if (!needsShadow(text)) return undefined;
  const first = decodePass(text, undefined, undefined);
  if (first.text === text) return undefined;
  // Double encoding (`%253D`): one more pass, from the first pass's output.
  const shadow =
    first.again && needsShadow(first.text)
      ? decodePass(first.text, first.starts, first.ends)
      : first;
  return shadow.text === text ? undefined : shadow;
}
