import { describe, expect, it } from 'vitest';
import { tokenTableDetector } from '../../lib/redaction/detectors/token.detector.js';
import type { SecretMatch } from '../../lib/redaction/scanner/secret-span.js';
import type {
  Run,
  TokenFormat,
} from '../../lib/redaction/tokens/token-format.interfaces.js';
import { TOKEN_FORMATS } from '../../lib/redaction/tokens/token-formats.js';
import { runLength } from '../../lib/redaction/tokens/token-table.js';
import { charsOf, pick, seeded, type Random } from './token-corpus.js';

// Each row alone, so what is found is that row's doing: the edges of every format, one character in
// and one character out.
const CONTEXT = {
  censor: '[REDACTED]',
  keyVerdict: () => 0 as const,
  twoCharKeyVerdict: () => 0 as const,
  minKeyLength: 1,
};

function found(format: TokenFormat, text: string): SecretMatch[] {
  const detector = tokenTableDetector('t', [format]);
  const out: SecretMatch[] = [];
  detector.scan(text, CONTEXT, out);
  return out;
}

function run(random: Random, r: Run, length: number, avoid = ''): string {
  const chars = charsOf(r.chars)
    .split('')
    .filter((c) => !avoid.includes(c));
  let s = '';
  for (let i = 0; i < length; i++) s += pick(random, chars);
  return s;
}

interface Lengths {
  readonly last?: number;
  readonly before?: number;
}

/** A token of `format` with its last run (and `before` run) of the lengths asked, or at their minimum. */
function token(
  format: TokenFormat,
  random: Random,
  lengths: Lengths = {},
): string | undefined {
  for (let attempt = 0; attempt < 200; attempt++) {
    let text = '';
    if (format.before !== undefined) {
      text += run(
        random,
        format.before,
        lengths.before ?? runLength(format.before)[0],
      );
    }
    text += format.prefixes[0];
    format.body.forEach((part, i) => {
      if (typeof part === 'string') {
        text += part;
        return;
      }
      const [min] = runLength(part);
      const last = i === format.body.length - 1;
      // `.` may end a sentence: keep it out of a run grown past its maximum, so the test is about length.
      text += run(random, part, last ? (lengths.last ?? min) : min, '.');
    });
    if (format.check === undefined || format.check(text)) return text;
  }
  return undefined;
}

function lastRun(format: TokenFormat): Run | undefined {
  const last = format.body.at(-1);
  return typeof last === 'string' ? undefined : last;
}

const ROWS = TOKEN_FORMATS.map((f) => [f.name, f] as const);

describe('token table edges: every row, one character in and one out', () => {
  it.each(ROWS)(
    '%s: its shortest and longest tokens are found whole',
    (_name, format) => {
      const random = seeded(0xed9e);
      const last = lastRun(format);
      const lengths = last === undefined ? [undefined] : runLength(last);
      for (const length of lengths) {
        const t = token(format, random, { last: length });
        expect(t).toBeDefined();
        const text = `seen ${t} here`;
        expect(found(format, text)).toEqual([
          { kind: 't', start: 5, end: 5 + t!.length },
        ]);
      }
    },
  );

  it.each(
    ROWS.filter(
      ([, f]) => lastRun(f) !== undefined && runLength(lastRun(f)!)[0] > 1,
    ),
  )('%s: a last run one short is not a token', (_name, format) => {
    const [min] = runLength(lastRun(format)!);
    const t = token(format, seeded(0x5407), { last: min - 1 });
    if (t === undefined) return;
    expect(found(format, `seen ${t} here`)).toEqual([]);
  });

  it.each(ROWS.filter(([, f]) => lastRun(f) !== undefined))(
    '%s: a last run one too long is not a token',
    (_name, format) => {
      const [, max] = runLength(lastRun(format)!);
      const t = token(format, seeded(0x1006), { last: max + 1 });
      if (t === undefined) return;
      expect(found(format, `seen ${t} here`)).toEqual([]);
    },
  );

  it.each(
    ROWS.filter(([, f]) => f.before === undefined && f.leads === undefined),
  )(
    '%s: glued to a letter or digit on its left it is part of another word',
    (_name, format) => {
      const t = token(format, seeded(0x9107))!;
      expect(found(format, `seen x${t} here`)).toEqual([]);
      expect(found(format, `seen 7${t} here`)).toEqual([]);
      // Punctuation is a boundary.
      expect(found(format, `seen (${t}) here`)).toEqual([
        { kind: 't', start: 6, end: 6 + t.length },
      ]);
    },
  );

  it.each(ROWS.filter(([, f]) => f.before !== undefined))(
    '%s: its run before the prefix must have its length',
    (_name, format) => {
      const [min, max] = runLength(format.before!);
      const random = seeded(0xbef0);
      if (min > 0) {
        const short = token(format, random, { before: min - 1 });
        if (short !== undefined) {
          for (const m of found(format, `seen ${short} here`)) {
            expect(m.end - m.start).toBeLessThan(short.length);
          }
        }
      }
      const long = token(format, random, { before: max + 1 });
      if (long !== undefined) {
        for (const m of found(format, `seen ${long} here`)) {
          expect(m.end - m.start).toBeLessThan(long.length);
        }
      }
    },
  );

  it.each(ROWS.filter(([, f]) => f.check !== undefined))(
    '%s: a token that fails its check is not a token',
    (_name, format) => {
      const random = seeded(0xc4ec);
      for (let attempt = 0; attempt < 500; attempt++) {
        let text = '';
        if (format.before !== undefined)
          text += run(random, format.before, runLength(format.before)[0]);
        text += format.prefixes[0];
        for (const part of format.body) {
          text +=
            typeof part === 'string'
              ? part
              : run(random, part, runLength(part)[0], '.');
        }
        if (format.check!(text)) continue;
        expect(found(format, `seen ${text} here`)).toEqual([]);
        return;
      }
    },
  );
});
