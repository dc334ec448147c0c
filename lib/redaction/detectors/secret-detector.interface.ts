import type { KeyVerdict } from '../keys/secret-key.matcher.js';
import type { TwoCharKeyVerdict } from '../keys/two-char-keys.js';
import type { SecretMatch } from '../scanner/secret-span.js';

/** What a detector is told about the scan it is part of. */
export interface ScanContext {
  /** Whether a key seen in text (`key=value`, `"key":"value"`) names a secret (see KeyVerdict). */
  readonly keyVerdict: (rawKey: string) => KeyVerdict;
  /** The same verdict for a key of two ASCII characters, from their codes (see twoCharKeyVerdicts). */
  readonly twoCharKeyVerdict: TwoCharKeyVerdict;
  /** Values that are the censor are skipped, so scrubbing twice changes nothing (see isCensorAt). */
  readonly censor: string;
  /** Keys shorter than this, once normalised, are not looked up. */
  readonly minKeyLength: number;
}

/**
 * One family of secrets found in free text. The scanner builds its pre-checks and its dispatch from these
 * fields alone, so a detector is one file and one line in the registry.
 */
export interface SecretDetector<K extends string = string> {
  readonly kind: K;
  /** What the leak audit calls a finding of this detector. */
  readonly reveals: 'secret' | 'connection-string';
  /** Shortest text that can hold a match. */
  readonly minLength: number | ((context: ScanContext) => number);
  /**
   * Case-sensitive substrings, one of which every match contains: text with none of them is not scanned.
   * Each is found from its rarest ASCII character that is not a digit, so it needs one.
   */
  readonly markers: readonly string[];
  /** A run of this many ASCII digits also counts as a marker. */
  readonly digitRun?: number;
  /** A further cheap test, run only when a marker was seen. */
  readonly confirm?: (text: string) => boolean;
  /** Reads the key vocabulary, so it stays on under `replaceDefaults` when custom keys are given. */
  readonly usesKeys?: boolean;
  /** Appends every secret found in `text` to `found`. */
  readonly scan: (
    text: string,
    context: ScanContext,
    found: SecretMatch[],
  ) => void;
}

/** Keeps the detector's `kind` as a literal type, so the registry can name every kind. */
export function defineDetector<K extends string>(
  detector: SecretDetector<K>,
): SecretDetector<K> {
  return Object.freeze(detector);
}
