import type { SecretMatch } from '../scanner/secret-span.js';
import { isDigit, isLetter } from '../scanner/char-codes.js';
import { defineDetector } from './secret-detector.interface.js';

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
  // Visa issues 16 and 19 digits; its retired 13-digit numbers collide with EAN-13 barcodes (`4…`).
  if (digits[0] === '4') return n === 16 || n === 19 ? 'visa' : undefined;
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

function scanCards(text: string, found: SecretMatch[]): void {
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

/** Payment card number: network prefix, 13–19 digits, valid Luhn checksum. */
export const cardDetector = defineDetector({
  kind: 'card',
  reveals: 'secret',
  minLength: 13,
  markers: [],
  digitRun: 4,
  confirm: (text) => CARD_HINT.test(text),
  scan: (text, _context, found) => scanCards(text, found),
});
