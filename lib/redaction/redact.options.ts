import {
  OptionProblem,
  boolean,
  list,
  parseOptions,
  positiveInteger,
  string,
  type Check,
  type Parsed,
  type Schema,
} from '../options/option-schema.js';
import type { SecretDetector } from './detectors/secret-detector.interface.js';
import { SECRET_DETECTORS } from './detectors/secret-detector.registry.js';
import {
  createKeyMatcher,
  normalizeKey,
  type KeyVerdict,
} from './keys/secret-key.matcher.js';
import {
  DEFAULT_CENSOR,
  DEFAULT_MAX_ARRAY_LENGTH,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_OBJECT_KEYS,
  DEFAULT_MAX_STRING_LENGTH,
  DEFAULT_MAX_TOTAL_STRING_LENGTH,
} from './redact.constants.js';
import type { RedactOptions } from './redact.interfaces.js';
import { createTextScanner } from './scanner/text-scanner.js';

const key: Check<string | RegExp> = (value, path) => {
  if (typeof value === 'string') {
    if (normalizeKey(value) === '')
      throw new OptionProblem(path, 'must contain a letter or digit');
    return value;
  }
  // Copies drop `g`/`y` so `test()` keeps no state between keys.
  if (value instanceof RegExp)
    return new RegExp(value.source, value.flags.replace(/[gy]/g, ''));
  throw new OptionProblem(path, 'must be a string or a RegExp');
};

const pattern: Check<RegExp> = (value, path) => {
  if (!(value instanceof RegExp))
    throw new OptionProblem(path, 'must be a RegExp');
  // A global copy for exec loops; the caller's lastIndex is never touched.
  const copy = new RegExp(value.source, value.flags.replace(/[gy]/g, '') + 'g');
  if (copy.test(''))
    throw new OptionProblem(
      path,
      `(${String(value)}) must not match the empty string`,
    );
  return copy;
};

/** @internal Every redaction option's check and default. */
export const REDACT_OPTIONS_SCHEMA = {
  keys: list(key),
  patterns: list(pattern),
  censor: string(DEFAULT_CENSOR),
  replaceDefaults: boolean(false),
  maxDepth: positiveInteger(DEFAULT_MAX_DEPTH),
  maxArrayLength: positiveInteger(DEFAULT_MAX_ARRAY_LENGTH),
  maxStringLength: positiveInteger(DEFAULT_MAX_STRING_LENGTH),
  maxObjectKeys: positiveInteger(DEFAULT_MAX_OBJECT_KEYS),
  maxNodes: positiveInteger(DEFAULT_MAX_NODES),
  maxTotalStringLength: positiveInteger(DEFAULT_MAX_TOTAL_STRING_LENGTH),
} satisfies Schema<RedactOptions>;

/** @internal Checked options, defaults applied. */
export type ParsedRedactOptions = Parsed<typeof REDACT_OPTIONS_SCHEMA>;

/** @internal Checks `redact` options; a problem names `redact.<option>`. */
export function parseRedactOptions(options: unknown): ParsedRedactOptions {
  return parseOptions(
    REDACT_OPTIONS_SCHEMA,
    options,
    'redact',
    'redact.options',
  );
}

/** @internal What the walk needs, computed once from checked options. */
export interface CompiledRedaction {
  readonly censor: string;
  readonly builtIns: boolean;
  readonly maxDepth: number;
  readonly maxArrayLength: number;
  readonly maxStringLength: number;
  readonly maxObjectKeys: number;
  readonly maxNodes: number;
  readonly maxTotalStringLength: number;
  readonly keyVerdict: (key: string) => KeyVerdict;
  readonly scrubText: (text: string) => string;
  /** The start of a text too long to keep whole, scrubbed (the scanner's `scrubHead`). */
  readonly scrubHead: (
    text: string,
    maxLength: number,
    maxSource: number,
  ) => string;
  /** Shorter strings are left as they are without a call to `scrubText`. */
  readonly minTextLength: number;
}

/** @internal Builds the key matcher and the text scanner that checked options call for. */
export function compileRedaction(
  options: ParsedRedactOptions,
): CompiledRedaction {
  const builtIns = !options.replaceDefaults;
  const names = options.keys.filter((k): k is string => typeof k === 'string');
  const keyPatterns = options.keys.filter(
    (k): k is RegExp => k instanceof RegExp,
  );
  const keyVerdict = createKeyMatcher({
    defaults: builtIns,
    names,
    patterns: keyPatterns,
  });
  // Detectors that read the key vocabulary stay on with replaceDefaults whenever keys were given; the
  // others are built-ins.
  let detectors: readonly SecretDetector[] = SECRET_DETECTORS;
  if (!builtIns) {
    detectors =
      options.keys.length > 0
        ? SECRET_DETECTORS.filter((d) => d.usesKeys === true)
        : [];
  }
  const scanner = createTextScanner({
    censor: options.censor,
    detectors,
    keyVerdict,
    minKeyLength: keyVerdict.minLength,
    patterns: options.patterns,
  });
  return {
    censor: options.censor,
    builtIns,
    maxDepth: options.maxDepth,
    maxArrayLength: options.maxArrayLength,
    maxStringLength: options.maxStringLength,
    maxObjectKeys: options.maxObjectKeys,
    maxNodes: options.maxNodes,
    maxTotalStringLength: options.maxTotalStringLength,
    keyVerdict,
    scrubText: scanner.scrub,
    scrubHead: scanner.scrubHead,
    minTextLength: scanner.minLength,
  };
}
