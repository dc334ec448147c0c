/** A property met while walking a JSON value. */
export interface JsonProperty {
  readonly key: string;
  readonly value: unknown;
}

/** A JSON body as text detectors read it, plus its properties for the key-based checks. */
export interface FlatJson {
  /** One line per string, number or key, `key: value` for a property, with strings unescaped. */
  readonly text: string;
  readonly properties: readonly JsonProperty[];
}

/**
 * Flattens a parsed JSON value without recursion (bodies may nest thousands of levels). Strings are
 * unescaped, so a stack trace inside `"trace"` has its real line breaks and a Windows path single
 * backslashes; keeping `key: value` together lets the secret detectors see `password: …`.
 */
export function flattenJson(root: unknown): FlatJson {
  const lines: string[] = [];
  const properties: JsonProperty[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object') {
      if (typeof value === 'string' || typeof value === 'number')
        lines.push(String(value));
      continue;
    }
    // A parsed value handed in by a caller may be cyclic.
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      properties.push({ key, value: child });
      if (
        typeof child === 'string' ||
        typeof child === 'number' ||
        typeof child === 'boolean'
      ) {
        lines.push(`${key}: ${String(child)}`);
      } else {
        lines.push(`${key}:`);
        stack.push(child);
      }
    }
  }
  return { text: lines.join('\n'), properties };
}
