// Every character a line-splitting reader or a terminal may obey (CWE-117): C0 controls, DEL, C1 controls
// (U+0085 is a line break to some readers, U+009B starts an escape sequence), and the Unicode line and
// paragraph separators.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// oxlint-disable-next-line no-control-regex -- as above
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// What JSON.stringify leaves raw: it escapes C0 controls itself.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;
// Deeper than any redact.maxDepth a caller would set; the redactor bounds the size of what comes here.
const MAX_DEPTH = 1024;

function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function visibleEscape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return unicodeEscape(c);
}

/** @internal Shows every unsafe character as a visible escape (`\n`, `\u001b`, `\u2028`), never raw. */
export function escapeControl(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visibleEscape) : text;
}

/**
 * @internal `JSON.stringify` whose output holds no raw DEL, C1 or U+2028/U+2029: they are written as JSON
 * `\u` escapes, so a parser reads back the same string.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(RAW_IN_JSON, unicodeEscape);
}

/**
 * @internal Every string in `value` (keys included) with its unsafe characters escaped, for a caller's own
 * winston format that may print a field raw. Returns `value` itself when nothing needed escaping, and
 * never changes it: a changed branch is copied.
 */
export function escapeStrings(
  value: unknown,
  depth = 0,
  seen = new Set<object>(),
): unknown {
  if (typeof value === 'string') return escapeControl(value);
  if (typeof value !== 'object' || value === null || seen.has(value))
    return value;
  // Never handed on unread: what cannot be walked cannot be vouched for.
  if (depth >= MAX_DEPTH) return '[MaxDepth]';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const escaped = escapeStrings(item, depth + 1, seen);
        if (escaped !== item) (copy ??= value.slice())[i] = escaped;
      }
      return copy ?? value;
    }
    // Only plain records are rebuilt: a Date or a Buffer is printed by its own method.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    let copy: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (const key of keys) {
      const item = record[key];
      const escaped = escapeStrings(item, depth + 1, seen);
      const safeKey = escapeControl(key);
      if (escaped === item && safeKey === key) continue;
      copy ??= rebuild(record, keys);
      if (safeKey !== key) delete copy[key];
      Object.defineProperty(copy, safeKey, {
        value: escaped,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy ?? value;
  } finally {
    seen.delete(value);
  }
}

function rebuild(
  record: Record<string, unknown>,
  keys: string[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  // defineProperty: an own `__proto__` key stays a field.
  for (const key of keys)
    Object.defineProperty(copy, key, {
      value: record[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}
