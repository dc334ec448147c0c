import { isBigIntObject, isNativeError, isSymbolObject } from 'node:util/types';
import {
  CIRCULAR_MARKER,
  DEFAULT_CENSOR,
  DEFAULT_MAX_ARRAY_LENGTH,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_STRING_LENGTH,
  INVALID_DATE_MARKER,
  MAX_DEPTH_MARKER,
  TRUNCATED_MAP_KEY,
  UNREADABLE_MARKER,
  truncatedEntriesMarker,
  truncatedItemsMarker,
  truncatedStringMarker,
} from './redact.constants.js';
import { put } from '../common/own-property.js';
import { isCardNumber } from './detectors/card.detector.js';
import type { SecretDetector } from './detectors/secret-detector.interface.js';
import { SECRET_DETECTORS } from './detectors/secret-detector.registry.js';
import { createKeyMatcher, normalizeKey } from './keys/secret-key.matcher.js';
import { createTextScanner } from './scanner/text-scanner.js';

export interface RedactOptions {
  /** Extra keys whose values are censored: strings are matched case- and separator-insensitively (`apiKey` = `api_key` = `API-KEY`), RegExps are tested against the raw key. */
  keys?: (string | RegExp)[];
  /** Extra free-text patterns; every match is replaced by the censor. */
  patterns?: RegExp[];
  /** @default '[REDACTED]' */
  censor?: string;
  /** Use only `keys`/`patterns` given here, not the built-in ones. @default false */
  replaceDefaults?: boolean;
  /** Deeper values become '[MaxDepth]'. @default 64 */
  maxDepth?: number;
  /** Longer arrays keep this many items plus a marker string. @default 1000 */
  maxArrayLength?: number;
  /** Longer strings are cut, with a marker. @default 16384 */
  maxStringLength?: number;
}

export type Redactor = (value: unknown) => unknown;

/* ----------------------------------------------------------- validation */

interface CompiledOptions {
  readonly censor: string;
  readonly builtIns: boolean;
  readonly maxDepth: number;
  readonly maxArrayLength: number;
  readonly maxStringLength: number;
  readonly isSecretKey: (key: string) => boolean;
  readonly scrubText: (text: string) => string;
  /** Shorter strings are left as they are without a call to `scrubText`. */
  readonly minTextLength: number;
}

const OPTION_NAMES: ReadonlySet<string> = new Set([
  'keys',
  'patterns',
  'censor',
  'replaceDefaults',
  'maxDepth',
  'maxArrayLength',
  'maxStringLength',
]);

function fail(message: string): never {
  throw new TypeError(`redact.${message}`);
}

function positiveInteger(
  value: unknown,
  name: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    fail(`${name} must be a positive integer`);
  }
  return value;
}

function optionList(value: unknown, name: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${name} must be an array`);
  return value;
}

// Copies drop `g`/`y` so `test()` keeps no state between keys.
function statelessCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
}

function compile(options: unknown): CompiledOptions {
  if (options === undefined) options = {};
  if (
    typeof options !== 'object' ||
    options === null ||
    Array.isArray(options)
  ) {
    fail('options must be an object');
  }
  const o = options as Record<string, unknown>;
  for (const name of Object.keys(o)) {
    if (!OPTION_NAMES.has(name)) fail(`${name} is not a known option`);
  }

  const names: string[] = [];
  const keyPatterns: RegExp[] = [];
  optionList(o.keys, 'keys').forEach((key, i) => {
    if (typeof key === 'string') {
      if (normalizeKey(key) === '')
        fail(`keys[${i}] must contain a letter or digit`);
      names.push(key);
    } else if (key instanceof RegExp) {
      keyPatterns.push(statelessCopy(key));
    } else {
      fail(`keys[${i}] must be a string or a RegExp`);
    }
  });

  const patterns = optionList(o.patterns, 'patterns').map((pattern, i) => {
    if (!(pattern instanceof RegExp)) fail(`patterns[${i}] must be a RegExp`);
    // Global copy for exec loops; the caller's lastIndex is never touched.
    const copy = new RegExp(
      pattern.source,
      pattern.flags.replace('y', '').replace('g', '') + 'g',
    );
    if (copy.test(''))
      fail(
        `patterns[${i}] (${String(pattern)}) must not match the empty string`,
      );
    return copy;
  });

  if (o.censor !== undefined && typeof o.censor !== 'string')
    fail('censor must be a string');
  const censor = (o.censor as string | undefined) ?? DEFAULT_CENSOR;

  if (
    o.replaceDefaults !== undefined &&
    typeof o.replaceDefaults !== 'boolean'
  ) {
    fail('replaceDefaults must be a boolean');
  }
  const builtIns = o.replaceDefaults !== true;

  const maxDepth = positiveInteger(o.maxDepth, 'maxDepth', DEFAULT_MAX_DEPTH);
  const maxArrayLength = positiveInteger(
    o.maxArrayLength,
    'maxArrayLength',
    DEFAULT_MAX_ARRAY_LENGTH,
  );
  const maxStringLength = positiveInteger(
    o.maxStringLength,
    'maxStringLength',
    DEFAULT_MAX_STRING_LENGTH,
  );

  const isSecretKey = createKeyMatcher({
    defaults: builtIns,
    names,
    patterns: keyPatterns,
  });
  // `key=value` in text follows the key vocabulary, so it stays on with
  // replaceDefaults whenever keys were given; the other detectors are built-ins.
  let detectors: readonly SecretDetector[] = SECRET_DETECTORS;
  if (!builtIns) {
    detectors =
      names.length + keyPatterns.length > 0
        ? SECRET_DETECTORS.filter((d) => d.usesKeys === true)
        : [];
  }
  const scanner = createTextScanner({
    censor,
    detectors,
    isSecretKey,
    minKeyLength: isSecretKey.minLength,
    patterns,
  });

  return {
    censor,
    builtIns,
    maxDepth,
    maxArrayLength,
    maxStringLength,
    isSecretKey,
    scrubText: scanner.scrub,
    minTextLength: scanner.minLength,
  };
}

/* ------------------------------------------------------------------ walk */

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

function build(config: CompiledOptions): Redactor {
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
    const copy = walk(raw, depth + 1, seen, key, true);
    if (copy !== DROP) put(out, key, copy);
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
      const copy = walk(raw, depth + 1, seen, key, true);
      if (copy !== DROP) put(out, key, copy);
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

/* ------------------------------------------------------------------ api */

/**
 * Compiles options once (validated: throws a TypeError whose message names the
 * bad option, e.g. `redact.patterns[1] must be a RegExp`, `redact.censor must
 * be a string`, `redact.maxDepth must be a positive integer`; a pattern that
 * matches the empty string is rejected too, naming it).
 */
export function createRedactor(options?: RedactOptions): Redactor {
  return build(compile(options));
}

const defaultRedactor: Redactor = createRedactor();

/**
 * Returns a redacted deep copy; never mutates its input; never throws on any
 * value (invalid options throw a TypeError, as in {@link createRedactor}).
 * Without options it reuses one precompiled redactor; pass the result of
 * {@link createRedactor} around instead of options to avoid recompiling.
 */
export function redact(value: unknown, options?: RedactOptions): unknown {
  return options === undefined
    ? defaultRedactor(value)
    : createRedactor(options)(value);
}
