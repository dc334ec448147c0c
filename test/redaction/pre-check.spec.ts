import { describe, expect, it } from 'vitest';
import {
  defineDetector,
  type ScanContext,
  type SecretDetector,
} from '../../lib/redaction/detectors/secret-detector.interface.js';
import { SECRET_DETECTORS } from '../../lib/redaction/detectors/secret-detector.registry.js';
import { twoCharKeyVerdicts } from '../../lib/redaction/keys/two-char-keys.js';
import { isSecretKeyName } from '../../lib/redaction/keys/secret-key.matcher.js';
import {
  MAY_BE_ENCODED,
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
  twoCharKeyVerdict: twoCharKeyVerdicts(isSecretKeyName),
  minKeyLength: isSecretKeyName.minLength,
};
// Compiled inside each test, not when the file loads: what compilePreCheck builds is under test too.
const compiledScanner = () => createDefaultScanner(CONTEXT.censor);

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
    const scanner = compiledScanner();
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
    const scanner = compiledScanner();
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

// Detectors made for the pre-check alone, each marker picked for one road through it: a neighbour of
// the anchor outside ASCII (U+0080 too), a marker next to a 0 or a 9 (which are digits, never anchors),
// a run of digits, a minimum length that depends on the scan, a confirm test. Compiled inside each test,
// so what compilePreCheck builds is the code under test.
const SYNTHETIC_CONTEXT: ScanContext = {
  censor: '[REDACTED]',
  keyVerdict: isSecretKeyName,
  twoCharKeyVerdict: twoCharKeyVerdicts(isSecretKeyName),
  minKeyLength: 4,
};

function synthetic(
  kind: string,
  fields: Partial<
    Pick<SecretDetector, 'markers' | 'digitRun' | 'minLength' | 'confirm'>
  >,
): SecretDetector {
  return defineDetector({
    kind,
    reveals: 'secret',
    minLength: 2,
    markers: [],
    ...fields,
    scan() {},
  });
}

const SYNTHETIC: readonly SecretDetector[] = [
  synthetic('dash', { markers: ['w-'] }),
  synthetic('accent-before', { markers: ['\u00e9z'] }),
  synthetic('accent-after', { markers: ['Y\u00e9'] }),
  synthetic('c1-before', { markers: ['\u0080Q'] }),
  // `a` and `e` are commoner than any digit: were 0 or 9 not digits, they would be the anchors.
  synthetic('zero', { markers: ['a0'] }),
  synthetic('nine', { markers: ['e9'] }),
  synthetic('digits', { digitRun: 3, minLength: 3 }),
  synthetic('scan-length', {
    markers: ['xq'],
    minLength: (context) => context.minKeyLength + 6,
  }),
  synthetic('confirmed', { markers: ['V!'], confirm: (t) => t.includes('ok') }),
];

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

function expectedOf(detectors: readonly SecretDetector[], text: string) {
  const kinds = detectors
    .filter((d) => {
      const min =
        typeof d.minLength === 'function'
          ? d.minLength(SYNTHETIC_CONTEXT)
          : d.minLength;
      if (text.length < min) return false;
      const { digitRun } = d;
      const marked =
        d.markers.some((m) => text.includes(m)) ||
        (digitRun !== undefined &&
          (text.match(/[0-9]+/g) ?? []).some((run) => run.length >= digitRun));
      return marked && (d.confirm === undefined || d.confirm(text));
    })
    .map((d) => d.kind);
  // The shadow is needed only where an escape may start or a character is not ASCII.
  return { kinds, encoded: /[%\\&]/.test(text) || hasNonAscii(text) };
}

function gotOf(detectors: readonly SecretDetector[], text: string) {
  const bits = compilePreCheck(detectors, SYNTHETIC_CONTEXT).candidates(text);
  return {
    kinds: detectors
      .filter((_, i) => (bits & (1 << i)) !== 0)
      .map((d) => d.kind),
    encoded: (bits & MAY_BE_ENCODED) !== 0,
  };
}

/** Each marker inside ASCII (so both of its neighbours can be read), damaged, short and long. */
function syntheticTexts(): string[] {
  const texts = [
    'plain words only',
    `${LONG_FILL}plain words only`,
    '100',
    '1999',
    'a 10 b 99 c 09',
    `${LONG_FILL}1999`,
    '12 34 56',
    'xq',
    '(xq)',
    '[xq]....',
    '[xq].....',
    'V! ok',
    'V! no',
    `${LONG_FILL}V! no`,
    'ok',
    'q% x',
    'a\\b',
    'a & b',
    'caf\u00e9',
    'a\u0080b',
    `${LONG_FILL}a\u0080b`,
  ];
  for (const d of SYNTHETIC) {
    for (const m of d.markers) {
      const variants = [
        m,
        m.slice(1),
        m.slice(0, -1),
        ...Array.from(
          { length: m.length },
          (_, i) =>
            m.slice(0, i) +
            String.fromCharCode(m.charCodeAt(i) ^ 1) +
            m.slice(i + 1),
        ),
      ];
      for (const v of variants) {
        texts.push(
          `(${v})`,
          `${SHORT_FILL}(${v}) ok`,
          `${LONG_FILL}(${v}) ok`,
          `(${v}) ok ${LONG_FILL}`,
        );
      }
    }
  }
  return texts;
}

describe('compilePreCheck, on detectors made for it', () => {
  it('admits exactly the detectors whose conditions each text meets, in short and in long text', () => {
    const texts = syntheticTexts();
    const wrong = texts
      .map((text) => ({
        text,
        got: gotOf(SYNTHETIC, text),
        want: expectedOf(SYNTHETIC, text),
      }))
      .filter(({ got, want }) => JSON.stringify(got) !== JSON.stringify(want));
    expect(wrong).toEqual([]);
    // Every detector is admitted somewhere and refused somewhere, and so is the shadow.
    for (const d of SYNTHETIC) {
      const hits = texts.filter((t) =>
        gotOf(SYNTHETIC, t).kinds.includes(d.kind),
      );
      expect(hits.length, d.kind).toBeGreaterThan(0);
      expect(hits.length, d.kind).toBeLessThan(texts.length);
    }
  });

  it('finds a marker whose anchor has a non-ASCII neighbour, with ASCII on its other side', () => {
    // The first detector puts another anchor before these, so their tables do not start at 0.
    expect(gotOf(SYNTHETIC, '(\u00e9z)').kinds).toEqual(['accent-before']);
    expect(gotOf(SYNTHETIC, '(Y\u00e9)').kinds).toEqual(['accent-after']);
    expect(gotOf(SYNTHETIC, '(\u0080Q)').kinds).toEqual(['c1-before']);
    expect(gotOf(SYNTHETIC, `${LONG_FILL}(\u00e9z)`).kinds).toEqual([
      'accent-before',
    ]);
  });

  it('finds such a marker at the end of the text or between non-ASCII characters too', () => {
    for (const text of [
      '\u00e9z',
      'x\u00e9z',
      '\u00e9z\u00e8',
      `${LONG_FILL}\u00e9z`,
    ])
      expect(gotOf(SYNTHETIC, text).kinds, JSON.stringify(text)).toEqual([
        'accent-before',
      ]);
    expect(gotOf(SYNTHETIC, 'Y\u00e9').kinds).toEqual(['accent-after']);
  });

  it('counts 0 and 9 as digits next to a marker that holds them', () => {
    expect(gotOf(SYNTHETIC, 'n 100').kinds).toEqual(['digits']);
    expect(gotOf(SYNTHETIC, 'n 999').kinds).toEqual(['digits']);
    expect(gotOf(SYNTHETIC, 'n a0 e9').kinds).toEqual(['zero', 'nine']);
    expect(gotOf(SYNTHETIC, 'n 10 99').kinds).toEqual([]);
  });

  it('reads a minimum length given as a function of the scan context', () => {
    // 4 + 6: ten characters at least.
    expect(gotOf(SYNTHETIC, '(xq).....').kinds).toEqual([]);
    expect(gotOf(SYNTHETIC, '(xq)......').kinds).toEqual(['scan-length']);
  });

  it('asks for a shadow only for text with an escape start or a non-ASCII character', () => {
    expect(gotOf(SYNTHETIC, 'plain words').encoded).toBe(false);
    expect(gotOf(SYNTHETIC, `${LONG_FILL}plain words`).encoded).toBe(false);
    for (const t of [
      'a%b',
      'a\\b',
      'a&b',
      'a\u0080b',
      'a\u00e9b',
      '\ud835\udc29',
    ]) {
      expect(gotOf(SYNTHETIC, t).encoded, t).toBe(true);
      expect(gotOf(SYNTHETIC, LONG_FILL + t).encoded, t).toBe(true);
    }
  });

  it('admits a one-character marker on that character alone, a longer one only whole', () => {
    const detectors = [
      synthetic('single', { markers: ['#'], minLength: 1 }),
      synthetic('pair', { markers: ['#w'], minLength: 1 }),
    ];
    expect(gotOf(detectors, '#').kinds).toEqual(['single']);
    expect(gotOf(detectors, 'a#b').kinds).toEqual(['single']);
    expect(gotOf(detectors, 'a#w').kinds).toEqual(['single', 'pair']);
    expect(gotOf(detectors, 'w').kinds).toEqual([]);
  });
});

// Text of 64 characters and more is read as UTF-8 from a buffer the pre-check keeps (a fresh one past
// 16,384 characters): offsets there are bytes, and what an earlier, longer text left in the buffer must
// never complete a marker.
describe('compilePreCheck, on text it reads as bytes', () => {
  const wide = 'é😀\u4e2d';
  const texts: string[] = [];
  for (const d of SYNTHETIC) {
    for (const m of d.markers) {
      for (const v of [m, m.slice(0, -1), m.slice(1)]) {
        texts.push(
          // At the very start and the very end, beside the zeros the bytes stand between.
          `${v}${LONG_FILL}`,
          `${LONG_FILL}${v}`,
          // After characters of two, three and four bytes: byte offsets run ahead of character ones.
          `${wide.repeat(30)}(${v}) ok`,
          `${LONG_FILL}${wide}${v}${wide}`,
          // A lone surrogate is written as three bytes too.
          `${LONG_FILL}\ud800${v}\udc00`,
          // Past the kept buffer.
          `${'plain words '.repeat(1500)}(${v}) ok`,
          `${v}${'plain words '.repeat(1500)}`,
        );
      }
    }
  }
  for (const n of [63, 64, 65, 127, 128, 129]) {
    texts.push('w-'.padStart(n, 'x'), '1999'.padStart(n, 'x'), 'x'.repeat(n));
  }

  it('admits exactly the detectors whose conditions each text meets', () => {
    const wrong = texts
      .map((text) => ({
        text:
          text.length > 200 ? `${text.slice(0, 90)}…${text.slice(-90)}` : text,
        got: gotOf(SYNTHETIC, text),
        want: expectedOf(SYNTHETIC, text),
      }))
      .filter(({ got, want }) => JSON.stringify(got) !== JSON.stringify(want));
    expect(wrong).toEqual([]);
  });

  it('reads only the current text from its buffer, never what a longer one left there', () => {
    const check = compilePreCheck(SYNTHETIC, SYNTHETIC_CONTEXT);
    const dash = 1 << SYNTHETIC.findIndex((d) => d.kind === 'dash');
    const digits = 1 << SYNTHETIC.findIndex((d) => d.kind === 'digits');
    expect(check.candidates(`${LONG_FILL}(w-)`) & dash).toBe(dash);
    // The same bytes up to the `w`: the `-` after it is what the last text left.
    expect(check.candidates(`${LONG_FILL}(w`) & dash).toBe(0);
    expect(check.candidates(`${LONG_FILL}19999`) & digits).toBe(digits);
    expect(check.candidates(`${LONG_FILL}19`) & digits).toBe(0);
    // A text past the buffer leaves it as it was for the next one.
    expect(check.candidates(`${'a '.repeat(9000)}w-`) & dash).toBe(dash);
    expect(check.candidates(`${LONG_FILL}w`) & dash).toBe(0);
  });
});
