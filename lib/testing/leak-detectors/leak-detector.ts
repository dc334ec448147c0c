import { forEachMatch } from '../../common/regex-matches.js';
import type { LeakKind } from '../leak.types.js';

/** Where a detector matched, as offsets into the text it was given. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

/** Finds one kind of leak in free text (a body, a header value). */
export interface LeakDetector {
  readonly kind: LeakKind;
  /** The first match in `text`, or `undefined`. */
  readonly find: (text: string) => TextMatch | undefined;
}

/** A global pattern, and optionally a check each of its matches must pass. */
export interface MatchRule {
  readonly pattern: RegExp;
  readonly accept?: (match: RegExpExecArray, text: string) => boolean;
}

/**
 * The first accepted match of the first rule that has one. Every pattern must be global and linear: each
 * quantifier bounded, unbounded runs written as `(?=(x{1,n}))\1` (an atomic group) where backtracking
 * into them could only fail.
 */
export function firstMatch(
  text: string,
  rules: readonly MatchRule[],
): TextMatch | undefined {
  for (const { pattern, accept } of rules) {
    let found: TextMatch | undefined;
    forEachMatch(pattern, text, (m) => {
      if (accept !== undefined && !accept(m, text)) return false;
      found = { start: m.index, end: m.index + m[0].length };
      return true;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A detector made of rules tried in order. */
export function ruleLeakDetector(
  kind: LeakKind,
  rules: readonly MatchRule[],
): LeakDetector {
  return { kind, find: (text) => firstMatch(text, rules) };
}
