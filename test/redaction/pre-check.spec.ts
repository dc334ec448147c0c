import { describe, expect, it } from 'vitest';
import {
  defineDetector,
  type ScanContext,
  type SecretDetector,
} from '../../lib/redaction/detectors/secret-detector.interface.js';
import { SECRET_DETECTORS } from '../../lib/redaction/detectors/secret-detector.registry.js';
import { isSecretKeyName } from '../../lib/redaction/keys/secret-key.matcher.js';
import {
  MAX_DETECTORS,
  compilePreCheck,
} from '../../lib/redaction/scanner/pre-check.js';
import { createDefaultScanner } from '../../lib/redaction/scanner/text-scanner.js';
import { failureFields } from '../../bench/support/records.js';

// The pre-check is the detectors' contract read literally: a detector runs on a text exactly when the
// text is long enough, holds one of its markers (or its run of digits) and passes its confirm test.
// Admitting more would only cost time; admitting less would lose secrets. Both are checked here
// against that definition, written the plain way.
const CONTEXT: ScanContext = {
  censor: '[REDACTED]',
  keyVerdict: isSecretKeyName,
  minKeyLength: isSecretKeyName.minLength,
};
const scanner = createDefaultScanner(CONTEXT.censor);

function minLength(d: SecretDetector): number {
  return typeof d.minLength === 'function' ? d.minLength(CONTEXT) : d.minLength;
}

function expected(text: string): string[] {
  return SECRET_DETECTORS.filter((d) => {
    if (text.length < minLength(d)) return false;
    const { digitRun } = d;
    const marked =
      d.markers.some((m) => text.includes(m)) ||
      (digitRun !== undefined &&
        (text.match(/[0-9]+/g) ?? []).some((run) => run.length >= digitRun));
    return marked && (d.confirm === undefined || d.confirm(text));
  }).map((d) => d.kind);
}

const SHORT_FILL = 'the job ran ';
const LONG_FILL =
  'The upstream service answered after three retries; the job went on. '.repeat(
    3,
  );

/** Texts around every marker: the marker itself, damaged copies of it, in short and in long text. */
function markerTexts(): string[] {
  const out: string[] = [];
  for (const d of SECRET_DETECTORS) {
    for (const m of d.markers) {
      const damaged = [
        m.slice(1),
        m.slice(0, -1),
        // One character swapped for a neighbour in the code table: the anchor or its next one misses.
        ...Array.from(
          { length: m.length },
          (_, i) =>
            m.slice(0, i) +
            String.fromCharCode(m.charCodeAt(i) ^ 1) +
            m.slice(i + 1),
        ),
      ];
      for (const variant of [m, ...damaged]) {
        out.push(
          variant,
          `${SHORT_FILL}${variant}`,
          `${variant} ${SHORT_FILL}`,
          `${LONG_FILL}${variant}`,
          `${variant}${LONG_FILL}`,
          `${LONG_FILL}${variant}${LONG_FILL}`,
          // Long enough for the confirm tests that want more after the marker.
          `${SHORT_FILL}${variant}user:pw@db ${'4111 1111 1111 1111'}`,
          `${LONG_FILL}${variant}user:pw@db 4111 1111 1111 1111`,
        );
      }
    }
  }
  return out;
}

function digitTexts(): string[] {
  const out: string[] = [];
  for (const run of ['1', '12', '123', '1234', '12345', '4111111111111111']) {
    out.push(
      run,
      `order ${run} ok`,
      `${LONG_FILL}${run}`,
      `${run}${LONG_FILL}`,
    );
    out.push(
      `${run} ${run} ${run} ${run}`,
      `${LONG_FILL}${run} ${run} ${run} ${run}`,
    );
  }
  out.push(
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    `${LONG_FILL}4111 1111 1111 1111`,
  );
  return out;
}

/** Texts of every length up to the longest minimum, made of marker characters. */
function lengthTexts(): string[] {
  const longest = Math.max(...SECRET_DETECTORS.map(minLength));
  const out: string[] = [];
  for (const d of SECRET_DETECTORS) {
    for (const m of d.markers.slice(0, 3)) {
      for (let n = 1; n <= longest + 1; n++) {
        out.push(m.padEnd(n, 'x').slice(0, Math.max(n, m.length)));
        out.push(`${'y'.repeat(Math.max(0, n - m.length))}${m}`);
      }
    }
  }
  return out;
}

function recordTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object')
      Object.values(v).forEach(walk);
  };
  walk(failureFields(3, 'plain'));
  return out;
}

describe('the pre-check admits exactly the detectors whose conditions a text meets', () => {
  const corpora = {
    'around every marker': markerTexts(),
    'digit runs': digitTexts(),
    'every length near the minimums': lengthTexts(),
    'a failure record': recordTexts(),
    'non-ASCII and escapes': [
      'пароль=секрет',
      `${LONG_FILL}ｐａｓｓｗｏｒｄ＝x`,
      'q=password%3Dx',
      `${LONG_FILL}q=password%253Dx`,
      'a\\u0070b c',
      '&#112;assword=x',
    ],
  };

  it.each(Object.entries(corpora))('%s', (_name, texts) => {
    const wrong = texts
      .map((text) => ({
        text,
        got: scanner.candidates(text),
        want: expected(text),
      }))
      .filter(({ got, want }) => got.join() !== want.join());
    expect(wrong).toEqual([]);
    // The corpus reaches both answers for most detectors: a check that admitted all or none would fail.
    const admitted = new Set(texts.flatMap((t) => expected(t)));
    expect(admitted.size).toBeGreaterThan(0);
  });

  it('admits each detector somewhere in the marker corpus, and refuses it somewhere too', () => {
    const texts = [...markerTexts(), ...digitTexts()];
    for (const d of SECRET_DETECTORS) {
      const hits = texts.filter((t) => scanner.candidates(t).includes(d.kind));
      expect(hits.length, d.kind).toBeGreaterThan(0);
      expect(hits.length, d.kind).toBeLessThan(texts.length);
    }
  });
});

describe('compilePreCheck', () => {
  it(`takes at most ${MAX_DETECTORS} detectors`, () => {
    const make = (i: number) =>
      defineDetector({
        kind: `d${i}`,
        reveals: 'secret',
        minLength: 1,
        markers: ['q'],
        scan() {},
      });
    const many = Array.from({ length: MAX_DETECTORS + 1 }, (_, i) => make(i));
    expect(() =>
      compilePreCheck(many.slice(0, MAX_DETECTORS), CONTEXT),
    ).not.toThrow();
    expect(() => compilePreCheck(many, CONTEXT)).toThrow(
      `at most ${MAX_DETECTORS} detectors`,
    );
  });
});
