import { isBigIntObject, isSymbolObject } from 'node:util/types';
import { isCardNumber } from './detectors/card.detector.js';
import { INVALID_DATE_MARKER } from './redact.constants.js';

// Smallest integer with 13 digits: shorter numbers cannot be card numbers.
const MIN_CARD_NUMBER = 1e12;

/** @internal Whether a number, written out, is a payment card number. */
export function isCardNumberValue(n: number): boolean {
  return (
    n >= MIN_CARD_NUMBER && Number.isSafeInteger(n) && isCardNumber(String(n))
  );
}

/** @internal A maxDepth larger than the stack allows ends in this; it is a depth limit too. */
export function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError &&
    error.message.includes('Maximum call stack size exceeded')
  );
}

/** @internal Objects whose fields are their content: `{}` literals and `Object.create(null)`. */
export function isPlainPrototype(proto: unknown): boolean {
  return proto === Object.prototype || proto === null;
}

/**
 * @internal The fixed text of a Date or of binary data (bytes are never logged, only counted), or
 * `undefined` for anything else.
 */
export function fixedRendering(obj: object): string | undefined {
  if (obj instanceof Date) {
    return Number.isNaN(obj.getTime())
      ? INVALID_DATE_MARKER
      : obj.toISOString();
  }
  if (ArrayBuffer.isView(obj)) {
    const kind = Buffer.isBuffer(obj)
      ? 'Buffer'
      : Object.prototype.toString.call(obj).slice(8, -1);
    return `[${kind} ${obj.byteLength} bytes]`;
  }
  if (obj instanceof ArrayBuffer)
    return `[ArrayBuffer ${obj.byteLength} bytes]`;
  if (obj instanceof SharedArrayBuffer)
    return `[SharedArrayBuffer ${obj.byteLength} bytes]`;
  return undefined;
}

/** @internal What a boxed primitive holds, as the primitive JSON would write; `undefined` if not one. */
export function unboxed(obj: object): string | number | boolean | undefined {
  if (obj instanceof String) return String.prototype.valueOf.call(obj);
  if (obj instanceof Number) return Number.prototype.valueOf.call(obj);
  if (obj instanceof Boolean) return Boolean.prototype.valueOf.call(obj);
  // A BigInt's digits and a symbol's description are text like any other (a password, a card number).
  if (isBigIntObject(obj)) return BigInt.prototype.toString.call(obj);
  if (isSymbolObject(obj)) return Symbol.prototype.toString.call(obj);
  if (obj instanceof RegExp) return String(obj);
  return undefined;
}
