import { pushMatches } from '../../common/regex-matches.js';
import {
  isSecretKeyName,
  type KeyVerdict,
} from '../keys/secret-key.matcher.js';
import { twoCharKeyVerdicts } from '../keys/two-char-keys.js';
import { DEFAULT_CENSOR } from '../redact.constants.js';
import type {
  ScanContext,
  SecretDetector,
} from '../detectors/secret-detector.interface.js';
import { SECRET_DETECTORS } from '../detectors/secret-detector.registry.js';
import { MAY_BE_ENCODED, compilePreCheck } from './pre-check.js';
import { mergeSpans, type SecretMatch } from './secret-span.js';
import { shadowOf } from './shadow-text.js';

export interface TextScannerOptions {
  readonly censor: string;
  readonly detectors: readonly SecretDetector[];
  readonly keyVerdict: (rawKey: string) => KeyVerdict;
  /** Shortest key `keyVerdict` can accept, once normalised. @default 1 */
  readonly minKeyLength?: number;
  /** Extra patterns, each global; every non-empty match is a secret. */
  readonly patterns?: readonly RegExp[];
}

export interface TextScanner {
  /** Shorter text holds nothing this scanner finds. */
  readonly minLength: number;
  /** Every secret, sorted, overlaps merged (the first one's kind wins). */
  readonly find: (text: string) => SecretMatch[];
  /** `text` with each secret replaced by the censor; `text` itself when nothing was found. */
  readonly scrub: (text: string) => string;
  /**
   * The start of `text`, scrubbed as part of the whole of it: at most `maxLength` characters of output
   * (a censor may end past it), read from the first `maxSource` characters of `text`. A secret is
   * censored whole or left out whole, never cut, so what lies past `maxSource` only serves to recognise
   * secrets that cross it.
   */
  readonly scrubHead: (
    text: string,
    maxLength: number,
    maxSource: number,
  ) => string;
  /** The kinds whose pre-check admits `text`: the detectors a scan of it would run. */
  readonly candidates: (text: string) => string[];
}

/** Runs each detector whose pre-check admits the text, then the custom patterns. */
export function createTextScanner(options: TextScannerOptions): TextScanner {
  const context: ScanContext = {
    censor: options.censor,
    keyVerdict: options.keyVerdict,
    twoCharKeyVerdict: twoCharKeyVerdicts(options.keyVerdict),
    minKeyLength: options.minKeyLength ?? 1,
  };
  const { detectors, censor } = options;
  const patterns = options.patterns ?? [];
  const preCheck = compilePreCheck(detectors, context);
  let minText = Infinity;
  for (const d of detectors) {
    const min =
      typeof d.minLength === 'function' ? d.minLength(context) : d.minLength;
    minText = Math.min(minText, min);
  }

  /** Runs the admitted detectors and the patterns; true when the text may have a shadow to scan too. */
  const collectIn = (text: string, found: SecretMatch[]): boolean => {
    let encoded = false;
    if (text.length >= minText) {
      const admitted = preCheck.candidates(text);
      encoded = (admitted & MAY_BE_ENCODED) !== 0;
      const bits = admitted & ~MAY_BE_ENCODED;
      for (let i = 0; bits >> i !== 0; i++) {
        if ((bits & (1 << i)) !== 0) detectors[i].scan(text, context, found);
      }
    }
    for (const pattern of patterns)
      pushMatches(pattern, text, 'pattern', found);
    return encoded;
  };

  // Reused like `found` below: the shadow's matches, before they are mapped back to the source.
  const inShadow: SecretMatch[] = [];
  const collect = (text: string, found: SecretMatch[]): void => {
    if (!collectIn(text, found)) return;
    const shadow = shadowOf(text);
    if (shadow === undefined) return;
    inShadow.length = 0;
    collectIn(shadow.text, inShadow);
    for (const m of inShadow) {
      found.push({
        kind: m.kind,
        start: shadow.starts[m.start],
        end: shadow.ends[m.end - 1],
      });
    }
    inShadow.length = 0;
  };

  const find = (text: string): SecretMatch[] => {
    const found: SecretMatch[] = [];
    collect(text, found);
    return mergeSpans(found);
  };

  // Reused: scanning runs no caller code, so no call can start while another is in progress.
  const found: SecretMatch[] = [];
  const scrub = (text: string): string => {
    // A scan that threw part-way (a stack overflow) may have left spans behind. Setting the length is a
    // call into the runtime: skipped when there is nothing to drop, as on almost every call.
    if (found.length !== 0) found.length = 0;
    collect(text, found);
    // Most text holds no secret: it comes back as it is, and nothing was allocated.
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    const spans = mergeSpans(found);
    found.length = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + censor;
      at = span.end;
    }
    return out + text.slice(at);
  };

  const scrubHead = (
    text: string,
    maxLength: number,
    maxSource: number,
  ): string => {
    if (found.length !== 0) found.length = 0;
    collect(text, found);
    const spans = mergeSpans(found);
    found.length = 0;
    let out = '';
    let at = 0;
    for (const span of spans) {
      // Source positions: what the output still has room for, capped at maxSource.
      const end = Math.min(span.start, maxSource, at + maxLength - out.length);
      if (end > at) out += text.slice(at, end);
      if (end < span.start || end === maxSource || out.length >= maxLength)
        return out;
      out += censor;
      at = span.end;
    }
    const end = Math.min(text.length, maxSource, at + maxLength - out.length);
    return end > at ? out + text.slice(at, end) : out;
  };

  const candidates = (text: string): string[] => {
    const bits = text.length >= minText ? preCheck.candidates(text) : 0;
    return detectors
      .filter((_, i) => (bits & (1 << i)) !== 0)
      .map((d) => d.kind);
  };

  return {
    minLength: patterns.length > 0 ? 1 : minText,
    find,
    scrub,
    scrubHead,
    candidates,
  };
}

/** @internal The scanner with every built-in detector and the built-in keys, for `censor`. */
export function createDefaultScanner(censor: string): TextScanner {
  return createTextScanner({
    censor,
    detectors: SECRET_DETECTORS,
    keyVerdict: isSecretKeyName,
    minKeyLength: isSecretKeyName.minLength,
  });
}

const defaultScanners = new Map<string, TextScanner>();

function defaultScanner(censor: string): TextScanner {
  let scanner = defaultScanners.get(censor);
  if (scanner === undefined) {
    scanner = createDefaultScanner(censor);
    // Only a handful of censors exist in practice; the cap bounds odd callers.
    if (defaultScanners.size >= 16) defaultScanners.clear();
    defaultScanners.set(censor, scanner);
  }
  return scanner;
}

/** Replaces each secret in `text` (built-in detectors and key vocabulary) with `censor`, keeping its context. */
export function scrubText(
  text: string,
  censor: string = DEFAULT_CENSOR,
): string {
  return defaultScanner(censor).scrub(text);
}

/** Where the built-in detectors find secrets in `text`; the default censor counts as already redacted. */
export function findSecretsInText(text: string): SecretMatch[] {
  return defaultScanner(DEFAULT_CENSOR).find(text);
}
