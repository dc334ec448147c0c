import { normalizeKey } from '../../common/normalize-key.js';
import { foldKey, keyWords } from './key-words.js';
import { SECRET_KEYS } from './secret-key.vocabulary.js';

export { normalizeKey } from '../../common/normalize-key.js';

/** @internal How a key is judged: not a secret, a secret, or a broad word whose value decides. */
export type KeyVerdict = 0 | 1 | 2;
/** @internal The key names no secret. */
export const NOT_SECRET = 0;
/** @internal A broad word (`…key`, `auth`, `code`): the value is censored if it looks like a credential. */
export const GUARDED = 1;
/** @internal The key names a secret: its value is censored whatever it is. */
export const SECRET = 2;

const set = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.map(normalizeKey));
const EXACT = set(SECRET_KEYS.exact);
const HEADS = set(SECRET_KEYS.heads);
const GUARDED_HEADS = set(SECRET_KEYS.guardedHeads);
const HOLDERS = set(SECRET_KEYS.holders);
const PREDICATES = set(SECRET_KEYS.predicates);
const URL_PARAMETERS = set(SECRET_KEYS.urlParameters);
const JOINED_SUFFIXES = SECRET_KEYS.joinedSuffixes.map(normalizeKey);
const SEQUENCES = SECRET_KEYS.headSequences.map((s) => s.split(' '));
const VENDORS = set(SECRET_KEYS.vendors);
const VENDOR_KEYS: ReadonlySet<string> = new Set(
  SECRET_KEYS.vendors.map((v) => `${normalizeKey(v)}key`),
);

// The sequence's first word may end a longer one: `xapi_key`, `myapi-key` end with `api key`.
function endsWithWords(
  words: readonly string[],
  end: number,
  sequence: readonly string[],
): boolean {
  if (sequence.length > end) return false;
  for (let i = 1; i < sequence.length; i++) {
    if (words[end - i] !== sequence[sequence.length - i]) return false;
  }
  const word = words[end - sequence.length];
  // Only words long enough to mean themselves inside another: `acc number` is not `cc number`.
  return sequence[0].length >= 3
    ? word.endsWith(sequence[0])
    : word === sequence[0];
}

/** Both cases and a digit, as in base64 and random ids. */
function isRandomCase(key: string): boolean {
  return /[a-z]/.test(key) && /[A-Z]/.test(key) && /[0-9]/.test(key);
}

function isDigits(word: string): boolean {
  return word.charCodeAt(0) >= 0x30 && word.charCodeAt(0) <= 0x39;
}

/** @internal The built-in vocabulary's verdict on a raw key. */
export function judgeKey(rawKey: string): KeyVerdict {
  const folded = foldKey(rawKey);
  if (EXACT.has(normalizeKey(folded))) return SECRET;
  const words = keyWords(folded);
  if (words.length === 0) return NOT_SECRET;
  if (words.length > 1 && PREDICATES.has(words[0])) return NOT_SECRET;
  // Base64 and random ids split into many scraps (`BcqZs5hQrOJ9qMYHLPw` ends in `pw`): not a name.
  // Names with few parts written in one case (`MY_DB_PW`) are names.
  let scraps = 0;
  for (const word of words) if (word.length <= 2) scraps++;
  if (scraps >= (isRandomCase(folded) ? 3 : 5)) return NOT_SECRET;
  // The head is the last word that is not a holder (`tokenValue` is named by `token`). Sequences are
  // tried at each holder dropped, as one may end with a holder: `connection string value`.
  let end = words.length;
  for (;;) {
    for (const sequence of SEQUENCES) {
      if (endsWithWords(words, end, sequence)) return SECRET;
    }
    const last = words[end - 1];
    if (end === 1 || !(HOLDERS.has(last) || isDigits(last))) break;
    end--;
  }
  const head = words[end - 1];
  if (
    VENDOR_KEYS.has(head) ||
    (head === 'key' && end > 1 && VENDORS.has(words[end - 2]))
  ) {
    return SECRET;
  }
  if (HEADS.has(head)) return SECRET;
  for (const suffix of JOINED_SUFFIXES) {
    if (head.endsWith(suffix)) return SECRET;
  }
  if (GUARDED_HEADS.has(head) || head.endsWith('key')) return GUARDED;
  return NOT_SECRET;
}

/** @internal Whether a URL query parameter of this name carries a credential. */
export function isSecretUrlParameter(name: string): boolean {
  let hit = urlParameterCache.get(name);
  if (hit === undefined) {
    hit =
      URL_PARAMETERS.has(normalizeKey(foldKey(name))) ||
      judgeKey(name) === SECRET;
    if (urlParameterCache.size >= KEY_CACHE_LIMIT) urlParameterCache.clear();
    urlParameterCache.set(name, hit);
  }
  return hit;
}
const urlParameterCache = new Map<string, boolean>();

export interface KeyMatcherOptions {
  /** Include the built-in vocabulary. */
  readonly defaults: boolean;
  /** Extra names, compared after {@link normalizeKey}: each is a secret key. */
  readonly names?: readonly string[];
  /** Extra patterns, tested against the raw key (must not be global or sticky). */
  readonly patterns?: readonly RegExp[];
}

// Bounded so that keys made from data (ids, timestamps) cannot grow memory without limit.
const KEY_CACHE_LIMIT = 10_000;

/** `(rawKey) => verdict`, and the shortest normalised key it can accept. */
export interface KeyMatcher {
  (rawKey: string): KeyVerdict;
  readonly minLength: number;
}

const DEFAULT_MIN_KEY_LENGTH = Math.min(
  ...[...EXACT, ...HEADS, ...GUARDED_HEADS].map((k) => k.length),
);

/** Builds a cached matcher: each distinct key string is judged once. */
export function createKeyMatcher(options: KeyMatcherOptions): KeyMatcher {
  const names = new Set((options.names ?? []).map(normalizeKey));
  const patterns = options.patterns ?? [];
  const { defaults } = options;
  const cache = new Map<string, KeyVerdict>();
  // A pattern sees the raw key, so it may accept any length.
  const minLength =
    patterns.length > 0
      ? 1
      : Math.min(
          defaults ? DEFAULT_MIN_KEY_LENGTH : Infinity,
          ...[...names].map((n) => n.length),
        );
  const matcher = (rawKey: string): KeyVerdict => {
    const cached = cache.get(rawKey);
    if (cached !== undefined) return cached;
    let verdict: KeyVerdict =
      names.size > 0 && names.has(normalizeKey(foldKey(rawKey)))
        ? SECRET
        : NOT_SECRET;
    for (let i = 0; verdict === NOT_SECRET && i < patterns.length; i++) {
      if (patterns[i].test(rawKey)) verdict = SECRET;
    }
    if (verdict === NOT_SECRET && defaults) verdict = judgeKey(rawKey);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(rawKey, verdict);
    return verdict;
  };
  return Object.assign(matcher, { minLength });
}

/** The built-in vocabulary's matcher. */
export const isSecretKeyName: KeyMatcher = createKeyMatcher({
  defaults: true,
});
