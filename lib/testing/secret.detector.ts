import { findSecretsInText } from '../secret-detectors.js';
import type { LeakKind } from './leak.types.js';

/** A secret found in text, its kind already mapped to a leak kind. */
export interface SecretLeak {
  readonly kind: Extract<LeakKind, 'secret' | 'connection-string'>;
  readonly start: number;
  readonly end: number;
}

// The shared detectors read a `key=value` value to its end for every separator, so a long run like
// `password=password=…` costs the square of its length. Scanning in short overlapping chunks keeps that
// cost bounded per chunk, hence linear overall.
const CHUNK = 2048;
// Any secret up to this length lies whole inside one chunk.
const OVERLAP = 1024;
// A longer secret is cut at a chunk's end; its mask then runs on to the next quote or line break.
const MAX_EXTENSION = 16 * 1024;
const EXTENSION_STOP = /["'<>\n\r]/g;

function kindOf(kind: string): SecretLeak['kind'] {
  return kind === 'connection-string' ? 'connection-string' : 'secret';
}

function extend(text: string, from: number): number {
  EXTENSION_STOP.lastIndex = from;
  const stop = EXTENSION_STOP.exec(text);
  const limit = Math.min(text.length, from + MAX_EXTENSION);
  return stop === null || stop.index > limit ? limit : stop.index;
}

/**
 * The library's own secret detectors (bearer and basic credentials, JWTs, `password=…` pairs, card
 * numbers, AWS keys, connection-string passwords), reported as `connection-string` or `secret`, sorted.
 */
export function findSecretLeaks(text: string): SecretLeak[] {
  if (text.length <= CHUNK + OVERLAP) {
    return findSecretsInText(text).map(({ kind, start, end }) => ({
      kind: kindOf(kind),
      start,
      end,
    }));
  }
  const leaks: SecretLeak[] = [];
  for (let offset = 0; offset < text.length; offset += CHUNK) {
    const chunkEnd = Math.min(text.length, offset + CHUNK + OVERLAP);
    for (const { kind, start, end } of findSecretsInText(
      text.slice(offset, chunkEnd),
    )) {
      const absoluteEnd = offset + end;
      leaks.push({
        kind: kindOf(kind),
        start: offset + start,
        end:
          absoluteEnd === chunkEnd && chunkEnd < text.length
            ? extend(text, absoluteEnd)
            : absoluteEnd,
      });
    }
  }
  leaks.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping chunks find the same secret twice: keep the first of each overlapping run.
  const merged: SecretLeak[] = [];
  for (const leak of leaks) {
    const last = merged.at(-1);
    if (last !== undefined && leak.start < last.end) {
      if (leak.end > last.end)
        merged[merged.length - 1] = { ...last, end: leak.end };
    } else {
      merged.push(leak);
    }
  }
  return merged;
}
