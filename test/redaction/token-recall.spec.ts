import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';
import { awsKeyDetector } from '../../lib/redaction/detectors/aws-key.detector.js';
import { tokenDetector } from '../../lib/redaction/detectors/token.detector.js';
import {
  alphabetTable,
  compileTokenTable,
  deriveMarkers,
  runLength,
} from '../../lib/redaction/tokens/token-table.js';
import { TOKEN_FORMATS } from '../../lib/redaction/tokens/token-formats.js';
import { findSecretsInText } from '../../lib/redaction/scanner/text-scanner.js';
import {
  PRECISION,
  R,
  generateToken,
  handSamples,
  plant,
  recallCorpus,
  seeded,
} from './token-corpus.js';

const ROW_NAMES = TOKEN_FORMATS.map((f) => f.name);

describe('the token table', () => {
  it('names each row once, and has a hand-written sample for each', () => {
    expect(new Set(ROW_NAMES).size).toBe(ROW_NAMES.length);
    expect(Object.keys(handSamples()).sort()).toEqual([...ROW_NAMES].sort());
  });

  it.each(TOKEN_FORMATS.map((f) => [f.name, f] as const))(
    '%s: a range is last or followed by a literal outside its alphabet; a lead ends in no letter or digit unless a run precedes the prefix',
    (_name, format) => {
      format.body.forEach((part, i) => {
        if (typeof part === 'string') return;
        const [min, max] = runLength(part);
        expect(min).toBeGreaterThan(0);
        expect(max).toBeGreaterThanOrEqual(min);
        const next = format.body[i + 1];
        if (min === max || next === undefined) return;
        expect(typeof next).toBe('string');
        expect(alphabetTable(part.chars)[(next as string).charCodeAt(0)]).toBe(
          0,
        );
      });
      if (format.before === undefined) {
        for (const lead of format.leads ?? []) {
          expect(lead.at(-1)).toMatch(/[^A-Za-z0-9]/);
        }
      }
    },
  );

  it('derives the markers from the prefixes: every prefix holds one', () => {
    const markers = deriveMarkers(TOKEN_FORMATS);
    for (const format of TOKEN_FORMATS) {
      for (const prefix of format.prefixes) {
        expect(markers.some((m) => prefix.includes(m))).toBe(true);
      }
    }
    const detectorMarkers = [
      ...tokenDetector.markers,
      ...awsKeyDetector.markers,
    ];
    expect([...detectorMarkers].sort()).toEqual(
      [
        ...deriveMarkers(TOKEN_FORMATS.filter((f) => f.family !== 'AWS')),
        ...deriveMarkers(TOKEN_FORMATS.filter((f) => f.family === 'AWS')),
      ].sort(),
    );
  });

  it('refuses a prefix the scan cannot index', () => {
    expect(() =>
      compileTokenTable([
        {
          family: 'x',
          name: 'x',
          prefixes: ['x'],
          body: [{ chars: 'a', length: 4 }],
        },
      ]),
    ).toThrow(/prefix/);
  });
});

describe('recall: every row, generated from its format, in every shape', () => {
  const cases = recallCorpus();

  it('plants each row in at least four shapes', () => {
    for (const name of ROW_NAMES) {
      const shapes = new Set(
        cases.filter((c) => c.row === name).map((c) => c.shape),
      );
      expect(shapes.size).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(cases.map((c) => [c.row, c.shape, c.text, c] as const))(
    '%s, %s: %s',
    (_row, _shape, _text, { text, expected }) => {
      expect(redact(text)).toBe(expected);
    },
  );

  it('finds a row token as the kind its detector reports', () => {
    const samples = handSamples();
    for (const format of TOKEN_FORMATS) {
      const token = samples[format.name];
      const found = findSecretsInText(` ${token} `);
      expect(found.map((f) => [f.start, f.end])).toEqual([
        [1, token.length + 1],
      ]);
      expect(found[0].kind).toBe(format.family === 'AWS' ? 'aws-key' : 'token');
    }
  });
});

describe('a token is censored whole', () => {
  const stripe = `sk_live_${'51HxYzAbCdEf'.repeat(2)}`;

  it.each([
    ['a Stripe key with a glued tail', `key ${stripe}-tail ok`, `key ${R} ok`],
    ['a Stripe key in a sentence', `key ${stripe}. Next`, `key ${R}. Next`],
    [
      'a GitHub ghs_ token with inner underscores',
      `ghs_${'AbC1'.repeat(4)}_${'xYz9'.repeat(5)} done`,
      `${R} done`,
    ],
    [
      'a routable GitLab token',
      `glpat-${'a1B2_c3D4-'.repeat(3)}.01.1a2b3c4d5 x`,
      `${R} x`,
    ],
    ['a Databricks token with its -2 tail', `dapi${'0a1b2c3d'.repeat(4)}-2`, R],
    [
      'a Telegram token in its API URL',
      `GET https://api.telegram.org/bot123456789:AA${'Bc1_-dE2'.repeat(4)}x/getMe`,
      `GET https://api.telegram.org/${R}/getMe`,
    ],
    [
      'a Slack webhook without its scheme',
      `post //hooks.slack.com/services/T0123ABCD/B0123ABCD/${'aB3d'.repeat(6)}?x=1`,
      `post //${R}?x=1`,
    ],
    [
      'a token right after a lead glued to a word',
      `xhttps://hooks.slack.com/services/T0123ABCD/B0123ABCD/${'aB3d'.repeat(6)}`,
      `xhttps://${R}`,
    ],
    [
      'two tokens back to back',
      `npm_${'a1B2c3'.repeat(6)},hf_${'aBcDeFgHiJkLmNoPqR'.repeat(2).slice(0, 34)}`,
      `${R},${R}`,
    ],
  ])('%s', (_what, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps a run longer than the format allows (it is not that format)', () => {
    const tooLong = `AKIA${'ABCDEFGH'.repeat(3)}`;
    expect(redact(`id ${tooLong}`)).toBe(`id ${tooLong}`);
  });
});

describe('precision: token-like text comes back unchanged', () => {
  it.each(PRECISION.map(([name, text]) => [name, text] as const))(
    '%s',
    (_name, text) => {
      expect(redact(text)).toBe(text);
      expect(findSecretsInText(text)).toEqual([]);
    },
  );
});

describe('property: a planted token never survives', () => {
  // Characters that no alphabet, lead or prefix of the table holds: a token planted between two of them
  // is neither glued to the text around it nor made longer by it.
  const separatorArb = fc.constantFrom(
    ' ',
    '\n',
    '\t',
    '"',
    "'",
    ',',
    ';',
    '(',
    ')',
    '<',
    '>',
    '|',
  );
  const rowArb = fc.integer({ min: 0, max: TOKEN_FORMATS.length - 1 });
  const noiseArb = fc.string({ maxLength: 120 });

  it('in random text, at a random place', () => {
    fc.assert(
      fc.property(
        rowArb,
        fc.integer(),
        noiseArb,
        noiseArb,
        separatorArb,
        separatorArb,
        (row, seed, before, after, open, close) => {
          const token = generateToken(TOKEN_FORMATS[row], seeded(seed));
          const out = redact(
            `${before}${open}${token}${close}${after}`,
          ) as string;
          expect(out).not.toContain(token);
          // Nor any tail of it: the censor covers the whole token.
          expect(out).not.toContain(token.slice(-12));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('redact() never throws on token-shaped noise', () => {
    const pieces = [
      ...new Set(
        TOKEN_FORMATS.flatMap((f) => [...f.prefixes, ...(f.leads ?? [])]),
      ),
    ];
    const pieceArb = fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(() => redact(text)).not.toThrow();
        expect(() => redact({ note: text, list: [text] })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a hand-written sample per row, planted like the generated ones', () => {
  const samples = handSamples();
  it.each(TOKEN_FORMATS.map((f) => [f.name, f] as const))(
    '%s',
    (name, format) => {
      for (const c of plant(format, samples[name])) {
        expect(redact(c.text)).toBe(c.expected);
      }
    },
  );
});

describe('JSON Web Tokens', () => {
  const header = 'eyJhbGciOiJub25lIn0';
  const payload = 'eyJzdWIiOiIxMjM0In0';

  it.each([
    ['signed', `jwt ${header}.${payload}.c2lnbmF0dXJl end`, `jwt ${R} end`],
    [
      'unsigned, with its empty signature',
      `jwt ${header}.${payload}. end`,
      `jwt ${R} end`,
    ],
    ['unsigned, two parts', `jwt ${header}.${payload} end`, `jwt ${R} end`],
    ['two parts in JSON', `{"t":"${header}.${payload}"}`, `{"t":"${R}"}`],
  ])('%s', (_what, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['two parts whose second is no JSON', `v ${header}.version2 ok`],
    ['eyJ inside a word', `key${header}.${payload}.sig`],
    ['a lone header', `h ${header} only`],
  ])('leaves %s alone', (_what, text) => {
    expect(redact(text)).toBe(text);
  });
});
