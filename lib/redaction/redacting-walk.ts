import { isBigIntObject, isNativeError, isSymbolObject } from 'node:util/types';
import { put } from '../common/own-property.js';
import { isCardNumber } from './detectors/card.detector.js';
import {
  CIRCULAR_MARKER,
  INVALID_DATE_MARKER,
  MAX_DEPTH_MARKER,
  TRUNCATED_MAP_KEY,
  UNREADABLE_MARKER,
  truncatedEntriesMarker,
  truncatedItemsMarker,
  truncatedStringMarker,
} from './redact.constants.js';
import type { Redactor } from './redact.interfaces.js';
import type { CompiledRedaction } from './redact.options.js';

/** Returned for functions: dropped from objects, `null` in arrays. */
const DROP: unique symbol = Symbol('drop');
/** Returned by helpers that do not apply to a value. */
const SKIP: unique symbol = Symbol('skip');

// Text beyond the cut is still scanned a little, so a secret straddling it
// is recognised whole instead of leaving its first half behind.
const TRUNCATION_LOOKAHEAD = 4096;

// Smallest integer with 13 digits: shorter numbers cannot be card numbers.
const MIN_CARD_NUMBER = 1e12;

type Key = string | number;

function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError &&
    error.message.includes('Maximum call stack size exceeded')
  );
}

function isPlainPrototype(proto: unknown): boolean {
  return proto === Object.prototype || proto === null;
}

/** @internal The walk that copies a value, censoring as `config` says. */
export function createRedactingWalk(config: CompiledRedaction): Redactor {
  const {
    censor,
    builtIns,
    maxDepth,
    maxArrayLength,
    maxStringLength,
    isSecretKey,
    scrubText,
    minTextLength,
  } = config;

  // Shorter strings hold no secret and need no cut.
  const shortText = Math.min(minTextLength, maxStringLength + 1);
  const text = (s: string): string => {
    if (s.length < shortText) return s;
    if (s.length <= maxStringLength) return scrubText(s);
    const head = scrubText(s.slice(0, maxStringLength + TRUNCATION_LOOKAHEAD));
    return (
      head.slice(0, maxStringLength) +
      truncatedStringMarker(s.length - maxStringLength)
    );
  };

  const number = (n: number): unknown => {
    if (!Number.isFinite(n)) return String(n);
    if (
      builtIns &&
      n >= MIN_CARD_NUMBER &&
      Number.isSafeInteger(n) &&
      isCardNumber(String(n))
    ) {
      return censor;
    }
    return n;
  };

  const walk = (
    value: unknown,
    depth: number,
    seen: object[],
    key: Key,
    toJSON: boolean,
  ): unknown => {
    switch (typeof value) {
      case 'string':
        return text(value);
      case 'number':
        return number(value);
      case 'boolean':
      case 'undefined':
        return value;
      case 'bigint':
      case 'symbol':
        // A symbol's description and a BigInt's digits are text like any other (a password, a card number).
        return text(value.toString());
      case 'function':
        return DROP;
      default:
        break;
    }
    if (value === null) return null;
    const obj = value as object;
    if (seen.includes(obj)) return CIRCULAR_MARKER;
    if (depth >= maxDepth) return MAX_DEPTH_MARKER;
    seen.push(obj);
    try {
      return container(obj, depth, seen, key, toJSON);
    } catch (error) {
      // Proxy traps, Map/Set iteration... A stack overflow (only possible with
      // a maxDepth larger than the stack allows) is a depth limit too.
      return isStackOverflow(error) ? MAX_DEPTH_MARKER : UNREADABLE_MARKER;
    } finally {
      seen.pop();
    }
  };

  /** Sets `out[key]` to a redacted copy of `raw`; what JSON would drop is left out. */
  const copyInto = (
    out: Record<string, unknown>,
    key: string,
    raw: unknown,
    depth: number,
    seen: object[],
  ): void => {
    const copy = walk(raw, depth + 1, seen, key, true);
    if (copy !== DROP) put(out, key, copy);
  };

  /** Copies `source[key]` into `out`, censoring secret keys without reading them. */
  const field = (
    out: Record<string, unknown>,
    source: object,
    key: string,
    depth: number,
    seen: object[],
  ): void => {
    if (isSecretKey(key)) {
      put(out, key, censor);
      return;
    }
    let raw: unknown;
    try {
      raw = (source as Record<string, unknown>)[key];
    } catch {
      put(out, key, UNREADABLE_MARKER);
      return;
    }
    copyInto(out, key, raw, depth, seen);
  };

  const record = (
    obj: object,
    depth: number,
    seen: object[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) field(out, obj, key, depth, seen);
    return out;
  };

  const item = (
    raw: unknown,
    depth: number,
    seen: object[],
    index: number,
  ): unknown => {
    const copy = walk(raw, depth + 1, seen, index, true);
    // JSON keeps array positions: what it cannot show becomes null.
    return copy === DROP || copy === undefined ? null : copy;
  };

  const array = (
    arr: readonly unknown[],
    depth: number,
    seen: object[],
  ): unknown[] => {
    const length = arr.length;
    const kept = Math.min(length, maxArrayLength);
    const out: unknown[] = [];
    for (let i = 0; i < kept; i++) {
      let raw: unknown;
      try {
        raw = arr[i];
      } catch {
        out.push(UNREADABLE_MARKER);
        continue;
      }
      out.push(item(raw, depth, seen, i));
    }
    if (length > kept) out.push(truncatedItemsMarker(length - kept));
    return out;
  };

  const set = (s: Set<unknown>, depth: number, seen: object[]): unknown[] => {
    const out: unknown[] = [];
    for (const raw of Set.prototype.values.call(s)) {
      if (out.length === maxArrayLength) {
        out.push(truncatedItemsMarker(s.size - maxArrayLength));
        break;
      }
      out.push(item(raw, depth, seen, out.length));
    }
    return out;
  };

  const map = (
    m: Map<unknown, unknown>,
    depth: number,
    seen: object[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    let count = 0;
    for (const [rawKey, raw] of Map.prototype.entries.call(m)) {
      if (count++ === maxArrayLength) {
        put(
          out,
          TRUNCATED_MAP_KEY,
          truncatedEntriesMarker(m.size - maxArrayLength),
        );
        break;
      }
      let key: string;
      try {
        key = String(rawKey);
      } catch {
        key = UNREADABLE_MARKER;
      }
      if (isSecretKey(key)) {
        put(out, key, censor);
        continue;
      }
      copyInto(out, key, raw, depth, seen);
    }
    return out;
  };

  const error = (
    err: Error,
    depth: number,
    seen: object[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    // name/message/stack are usually inherited or non-enumerable: read them explicitly.
    field(out, err, 'name', depth, seen);
    field(out, err, 'message', depth, seen);
    field(out, err, 'stack', depth, seen);
    for (const key of Object.keys(err)) {
      if (
        key !== 'name' &&
        key !== 'message' &&
        key !== 'stack' &&
        key !== 'cause'
      ) {
        field(out, err, key, depth, seen);
      }
    }
    if (err instanceof AggregateError && !Object.hasOwn(out, 'errors')) {
      field(out, err, 'errors', depth, seen);
    }
    if ('cause' in err) field(out, err, 'cause', depth, seen);
    return out;
  };

  const viaToJSON = (
    obj: object,
    depth: number,
    seen: object[],
    key: Key,
  ): unknown => {
    const toJSON: unknown = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON !== 'function') return SKIP;
    let result: unknown;
    try {
      result = Reflect.apply(toJSON, obj, [String(key)]);
    } catch {
      return UNREADABLE_MARKER;
    }
    // A self-returning toJSON means "serialise my fields".
    if (result === obj) return SKIP;
    // Like JSON.stringify, the result's own toJSON is not called again.
    return walk(result, depth, seen, key, false);
  };

  /** Built-in types with a fixed rendering; SKIP for anything else. */
  const builtIn = (obj: object, depth: number, seen: object[]): unknown => {
    if (obj instanceof Error || isNativeError(obj))
      return error(obj as Error, depth, seen);
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
    if (obj instanceof String) return text(String.prototype.valueOf.call(obj));
    if (obj instanceof Number)
      return number(Number.prototype.valueOf.call(obj));
    if (obj instanceof Boolean) return Boolean.prototype.valueOf.call(obj);
    if (isBigIntObject(obj)) return text(BigInt.prototype.toString.call(obj));
    if (isSymbolObject(obj)) return text(Symbol.prototype.toString.call(obj));
    if (obj instanceof RegExp) return text(String(obj));
    return SKIP;
  };

  const container = (
    obj: object,
    depth: number,
    seen: object[],
    key: Key,
    toJSON: boolean,
  ): unknown => {
    if (Array.isArray(obj)) {
      if (toJSON) {
        const result = viaToJSON(obj, depth, seen, key);
        if (result !== SKIP) return result;
      }
      return array(obj as unknown[], depth, seen);
    }
    const plain = isPlainPrototype(Object.getPrototypeOf(obj));
    if (!plain) {
      const result = builtIn(obj, depth, seen);
      if (result !== SKIP) return result;
    }
    if (toJSON) {
      const result = viaToJSON(obj, depth, seen, key);
      if (result !== SKIP) return result;
    }
    if (!plain) {
      if (obj instanceof Map) return map(obj, depth, seen);
      if (obj instanceof Set) return set(obj, depth, seen);
    }
    return record(obj, depth, seen);
  };

  return (value: unknown): unknown => {
    try {
      const copy = walk(value, 0, [], '', true);
      return copy === DROP ? undefined : copy;
    } catch {
      return UNREADABLE_MARKER;
    }
  };
}
