import { normalizeKey } from '../../common/normalize-key.js';
import { SECRET_KEYS } from './secret-key.vocabulary.js';

export { normalizeKey } from '../../common/normalize-key.js';

const EXACT: ReadonlySet<string> = new Set(SECRET_KEYS.exact.map(normalizeKey));
const FRAGMENTS: readonly string[] = SECRET_KEYS.fragments.map(normalizeKey);
const SUFFIXES: readonly string[] = SECRET_KEYS.suffixes.map(normalizeKey);
const URL_PARAMETERS: ReadonlySet<string> = new Set(
  SECRET_KEYS.urlParameters.map(normalizeKey),
);

/** The built-in key vocabulary, for an already normalised key. */
export function isDefaultSecretKeyNormalized(normalized: string): boolean {
  if (EXACT.has(normalized)) return true;
  for (const fragment of FRAGMENTS) {
    if (normalized.includes(fragment)) return true;
  }
  for (const suffix of SUFFIXES) {
    if (normalized.endsWith(suffix)) return true;
  }
  return false;
}

/** @internal Whether a URL query parameter of this name carries a credential. */
export function isSecretUrlParameter(name: string): boolean {
  return URL_PARAMETERS.has(normalizeKey(name));
}

export interface KeyMatcherOptions {
  /** Include the built-in vocabulary. */
  readonly defaults: boolean;
  /** Extra names, compared after {@link normalizeKey}. */
  readonly names?: readonly string[];
  /** Extra patterns, tested against the raw key (must not be global or sticky). */
  readonly patterns?: readonly RegExp[];
}

// Bounded so that keys made from data (ids, timestamps) cannot grow memory without limit.
const KEY_CACHE_LIMIT = 10_000;

/** `(rawKey) => boolean`, and the shortest normalised key it can accept. */
export interface KeyMatcher {
  (rawKey: string): boolean;
  readonly minLength: number;
}

const DEFAULT_MIN_KEY_LENGTH = Math.min(
  ...[...EXACT, ...FRAGMENTS, ...SUFFIXES].map((k) => k.length),
);

/** Builds a cached matcher: each distinct key string is normalised and judged once. */
export function createKeyMatcher(options: KeyMatcherOptions): KeyMatcher {
  const names = new Set((options.names ?? []).map(normalizeKey));
  const patterns = options.patterns ?? [];
  const { defaults } = options;
  const cache = new Map<string, boolean>();
  // A pattern sees the raw key, so it may accept any length.
  const minLength =
    patterns.length > 0
      ? 1
      : Math.min(
          defaults ? DEFAULT_MIN_KEY_LENGTH : Infinity,
          ...[...names].map((n) => n.length),
        );
  const matcher = (rawKey: string): boolean => {
    const cached = cache.get(rawKey);
    if (cached !== undefined) return cached;
    const normalized = normalizeKey(rawKey);
    let hit =
      (defaults && isDefaultSecretKeyNormalized(normalized)) ||
      names.has(normalized);
    for (let i = 0; !hit && i < patterns.length; i++) {
      hit = patterns[i].test(rawKey);
    }
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(rawKey, hit);
    return hit;
  };
  return Object.assign(matcher, { minLength });
}

/** Whether `key` names a secret under the built-in vocabulary. */
export const isSecretKeyName: KeyMatcher = createKeyMatcher({
  defaults: true,
});
