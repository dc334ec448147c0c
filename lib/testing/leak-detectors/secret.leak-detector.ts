import { SECRET_DETECTORS } from '../../redaction/detectors/secret-detector.registry.js';
import { findSecretsInText } from '../../redaction/scanner/text-scanner.js';
import type { LeakKind } from '../leak.types.js';

/** A secret found in text, its kind already mapped to a leak kind. */
export interface SecretLeak {
  readonly kind: Extract<LeakKind, 'secret' | 'connection-string'>;
  readonly start: number;
  readonly end: number;
}

const REVEALS: ReadonlyMap<string, SecretLeak['kind']> = new Map(
  SECRET_DETECTORS.map((d) => [d.kind, d.reveals]),
);

// What a framework shows instead of a secret (Django's settings dump: `'PASSWORD': '****'`).
const MASK_ONLY = /^[*•●]+$/u;

/**
 * The library's own secret detectors (bearer and basic credentials, JWTs, `password=…` pairs, card
 * numbers, AWS keys, connection-string passwords), each reported as what its detector says it reveals.
 * A value that is only mask characters is the framework hiding the secret, not showing it.
 */
export function findSecretLeaks(text: string): SecretLeak[] {
  return findSecretsInText(text)
    .filter(({ start, end }) => !MASK_ONLY.test(text.slice(start, end)))
    .map(({ kind, start, end }) => ({
      kind: REVEALS.get(kind) ?? 'secret',
      start,
      end,
    }));
}
