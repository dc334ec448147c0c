import { isNativeError } from 'node:util/types';
import { put } from '../common/own-property.js';
import {
  fixedRendering,
  isCardNumberValue,
  isPlainPrototype,
  isStackOverflow,
  unboxed,
} from './leaf-values.js';
import {
  CIRCULAR_MARKER,
  MAX_DEPTH_MARKER,
  RECORD_BUDGET_MARKER,
  TRUNCATED_MAP_KEY,
  UNREADABLE_MARKER,
  truncatedEntriesMarker,
  truncatedItemsMarker,
  truncatedKeysMarker,
} from './redact.constants.js';
import { censorsValue } from './keys/credential-value.js';
import { GUARDED, SECRET } from './keys/secret-key.matcher.js';
import { DRIVER_ROW_FIELDS } from './driver-errors.js';
import {
  censoredItem,
  namedArrayShape,
  type NamedArray,
} from './header-arrays.js';
import { errorFields } from './error-fields.js';
import { cutLongText } from './long-text.js';
import type { Redactor } from './redact.interfaces.js';
import type { CompiledRedaction } from './redact.options.js';

/** Returned for functions: dropped from objects, `null` in arrays. */
const DROP: unique symbol = Symbol('drop');
/** Returned by helpers that do not apply to a value. */
const SKIP: unique symbol = Symbol('skip');

type Key = string | number;

/** @internal The walk that copies a value, censoring as `config` says. */
export function createRedactingWalk(config: CompiledRedaction): Redactor {
  const {
    censor,
    builtIns,
    maxDepth,
    maxArrayLength,
    maxStringLength,
    maxObjectKeys,
    maxNodes,
    maxTotalStringLength,
    keyVerdict,
    scrubText,
    scrubHead,
    minTextLength,
  } = config;

  // What the call in progress may still copy: values, and string characters read. Every container checks
  // before each entry, so once either runs out each unfinished container ends with one marker.
  let nodesLeft = maxNodes;
  let charsLeft = maxTotalStringLength;
  const spent = (): boolean => nodesLeft <= 0 || charsLeft <= 0;
  /** Ends an object's copy with the budget marker once the budget is spent. */
  const endedByBudget = (out: Record<string, unknown>): boolean => {
    if (!spent()) return false;
    put(out, TRUNCATED_MAP_KEY, RECORD_BUDGET_MARKER);
    return true;
  };

  const text = (s: string): string => {
    const length = s.length;
    const limit =
      charsLeft >= maxStringLength
        ? maxStringLength
        : charsLeft > 0
          ? charsLeft
          : 0;
    if (length <= limit) {
      charsLeft -= length;
      // Shorter strings hold no secret.
      return length < minTextLength ? s : scrubText(s);
    }
    const cut = cutLongText(s, limit, scrubHead);
    charsLeft -= cut.read;
    return cut.text;
  };

  const number = (n: number): unknown => {
    if (!Number.isFinite(n)) return String(n);
    return builtIns && isCardNumberValue(n) ? censor : n;
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
    nodesLeft--;
    charsLeft -= key.length;
    const verdict = keyVerdict(key);
    if (verdict === SECRET) {
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
    // Most keys are not broad words: their values are copied without a call to judge them.
    if (verdict === GUARDED && censorsValue(verdict, raw))
      put(out, key, censor);
    else copyInto(out, key, raw, depth, seen);
  };

  const record = (
    obj: object,
    depth: number,
    seen: object[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(obj);
    const kept = Math.min(keys.length, maxObjectKeys);
    for (let i = 0; i < kept; i++) {
      if (endedByBudget(out)) return out;
      field(out, obj, keys[i], depth, seen);
    }
    if (keys.length > kept) {
      put(out, TRUNCATED_MAP_KEY, truncatedKeysMarker(keys.length - kept));
    }
    return out;
  };

  const item = (
    raw: unknown,
    depth: number,
    seen: object[],
    index: number,
  ): unknown => {
    nodesLeft--;
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
    let shape: NamedArray;
    try {
      shape = namedArrayShape(arr, kept);
    } catch {
      shape = undefined;
    }
    for (let i = 0; i < kept; i++) {
      if (spent()) {
        out.push(RECORD_BUDGET_MARKER);
        return out;
      }
      let raw: unknown;
      try {
        raw = arr[i];
      } catch {
        nodesLeft--;
        out.push(UNREADABLE_MARKER);
        continue;
      }
      const censored = censoredItem(shape, arr, i, raw, keyVerdict, censor);
      if (censored !== undefined) {
        // An entry is three values: the pair and its two items.
        nodesLeft -= Array.isArray(censored) ? 3 : 1;
        out.push(censored);
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
      if (spent()) {
        out.push(RECORD_BUDGET_MARKER);
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
      if (endedByBudget(out)) break;
      let key: string;
      try {
        key = String(rawKey);
      } catch {
        key = UNREADABLE_MARKER;
      }
      nodesLeft--;
      charsLeft -= key.length;
      if (censorsValue(keyVerdict(key), raw)) {
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
    const { fields, more, tail } = errorFields(err, maxObjectKeys);
    for (const key of fields) {
      if (endedByBudget(out)) return out;
      if (builtIns && DRIVER_ROW_FIELDS.has(key)) {
        nodesLeft--;
        put(out, key, censor);
      } else {
        field(out, err, key, depth, seen);
      }
    }
    if (more > 0) put(out, TRUNCATED_MAP_KEY, truncatedKeysMarker(more));
    for (const key of tail) {
      if (endedByBudget(out)) return out;
      field(out, err, key, depth, seen);
    }
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
    const fixed = fixedRendering(obj);
    if (fixed !== undefined) return fixed;
    const primitive = unboxed(obj);
    if (typeof primitive === 'string') return text(primitive);
    if (typeof primitive === 'number') return number(primitive);
    if (typeof primitive === 'boolean') return primitive;
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
    // A getter or toJSON may call this redactor again: that call gets a budget of its own, and this one's
    // is restored after it.
    const nodes = nodesLeft;
    const chars = charsLeft;
    nodesLeft = maxNodes;
    charsLeft = maxTotalStringLength;
    try {
      const copy = walk(value, 0, [], '', true);
      return copy === DROP ? undefined : copy;
    } catch {
      return UNREADABLE_MARKER;
    } finally {
      nodesLeft = nodes;
      charsLeft = chars;
    }
  };
}
