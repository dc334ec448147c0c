import { findSecretsInText } from '../../redaction/secret-detectors.js';
import type { LeakKind } from '../leak.types.js';

/** A secret found in text, its kind already mapped to a leak kind. */
export interface SecretLeak {
  readonly kind: Extract<LeakKind, 'secret' | 'connection-string'>;
  readonly start: number;
  readonly end: number;
}

/**
 * The library's own secret detectors (bearer and basic credentials, JWTs, `password=…` pairs, card
 * numbers, AWS keys, connection-string passwords), reported as `connection-string` or `secret`, sorted.
 */
export function findSecretLeaks(text: string): SecretLeak[] {
  return findSecretsInText(text).map(({ kind, start, end }) => ({
    kind: kind === 'connection-string' ? 'connection-string' : 'secret',
    start,
    end,
  }));
}
