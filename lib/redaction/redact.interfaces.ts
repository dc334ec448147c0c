/** What `redact()` and the logger scrub, on top of (or instead of) the built-in keys and patterns. */
export interface RedactOptions {
  /**
   * Extra keys whose values are censored: strings are matched case- and separator-insensitively
   * (`apiKey` = `api_key` = `API-KEY`), RegExps are tested against the raw key.
   * @default []
   */
  keys?: (string | RegExp)[];
  /**
   * Extra free-text patterns; every match is replaced by the censor.
   * @default []
   */
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
  /** Objects with more own keys keep this many, plus a `'…'` entry counting the rest. @default 1000 */
  maxObjectKeys?: number;
  /**
   * Values (entries, items, fields) copied per call; past it the rest of the record is replaced by
   * `'[… record too large]'`. @default 10000
   */
  maxNodes?: number;
  /**
   * String characters (values and keys) read per call; past it the rest of the record is replaced by
   * `'[… record too large]'`. @default 1048576
   */
  maxTotalStringLength?: number;
}

/** A compiled redaction: a deep copy of any value with its secrets censored. Never throws. */
export type Redactor = (value: unknown) => unknown;
