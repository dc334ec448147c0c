import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Json, keyed } from '../utils/keyed-object.js';
import { createRedactor, redact } from '../../lib/redaction/redact.js';
import {
  DEFAULT_CENSOR,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_STRING_LENGTH,
  DEFAULT_MAX_TOTAL_STRING_LENGTH,
  RECORD_BUDGET_MARKER,
} from '../../lib/redaction/redact.constants.js';
import { TRUNCATION_LOOKAHEAD } from '../../lib/redaction/long-text.js';
import { CHUNK, HOSTILE_INPUTS } from '../../bench/support/hostile-inputs.js';
import { failureFields } from '../../bench/support/records.js';

const R = DEFAULT_CENSOR;

/** Every value in a redacted copy (entries, items), markers included. */
function countValues(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const item of Object.values(value)) n += 1 + countValues(item);
  return n;
}

describe('maxObjectKeys', () => {
  it('caps 100,000 keys', () => {
    const out = redact(keyed(100_000)) as Json;
    expect(Object.keys(out)).toHaveLength(1001);
    expect(out['…']).toBe('[… 99000 more keys]');
  });
});

describe('the per-call budget', () => {
  it('bounds a structure that shares one array in every slot (1000³ values)', () => {
    const leaf = Array.from({ length: 1000 }, (_, i) => `password=s${i}`);
    const middle = Array.from({ length: 1000 }, () => leaf);
    const input = Array.from({ length: 1000 }, () => middle);
    const out = redact(input) as unknown[][];
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/password=s\d/);
    expect(text).toContain(`password=${R}`);
    // The values copied, plus one marker for each container still open.
    expect(countValues(out)).toBeLessThanOrEqual(DEFAULT_MAX_NODES + 3);
    expect(out.at(-1)).toBe(RECORD_BUDGET_MARKER);
    expect(out[0].at(-1)).toBe(RECORD_BUDGET_MARKER);
  });

  it('bounds the characters read when one long string fills every slot', () => {
    const text = 'password='.repeat(DEFAULT_MAX_STRING_LENGTH / 8);
    const out = redact(Array.from({ length: 1000 }, () => text)) as string[];
    const kept = out.filter((s) => s !== RECORD_BUDGET_MARKER);
    expect(kept.length).toBeLessThan(1000);
    expect(out.at(-1)).toBe(RECORD_BUDGET_MARKER);
    // Each string is read up to the lookahead past its cut; the last one may overdraw the budget.
    const read = Math.min(
      text.length,
      DEFAULT_MAX_STRING_LENGTH + 2 * TRUNCATION_LOOKAHEAD,
    );
    expect(kept.length * read).toBeLessThanOrEqual(
      DEFAULT_MAX_TOTAL_STRING_LENGTH + read,
    );
    expect((kept.length + 1) * read).toBeGreaterThan(
      DEFAULT_MAX_TOTAL_STRING_LENGTH,
    );
  });

  it('never writes what lies past the budget', () => {
    const input = {
      items: Array.from({ length: 1000 }, (_, i) => keyed(12, `f${i}_`)),
      note: 'ghp_R8kq2ZtV0wXyL5mN3pQ7sA1bC9dE4fG6hJ2k',
      password: 'hunter2-Correct-Horse',
    };
    const text = JSON.stringify(redact(input));
    expect(text).not.toContain('ghp_');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('"note"');
    expect(text.endsWith(`"${RECORD_BUDGET_MARKER}"}`)).toBe(true);
  });
});

describe('a record of normal size', () => {
  // JSON.stringify(redact(record)) of the bench records before the limits were added: length and SHA-256.
  const BEFORE = {
    10: [
      3410,
      '14e2a021da69739efeaf4359c5b343df3daed1ab4b766cce40a6b4ee11fc1617',
    ],
    1000: [
      144_692,
      'b43f25cc1e8f170d98258cf47641d89d8963143bfa5e867fc20e733f4a4e023d',
    ],
  } as const;
  const unlimited = createRedactor({
    maxObjectKeys: Number.MAX_SAFE_INTEGER,
    maxNodes: Number.MAX_SAFE_INTEGER,
    maxTotalStringLength: Number.MAX_SAFE_INTEGER,
  });

  it.each([
    [10, 'plain'],
    [10, 'live'],
    [1000, 'plain'],
    [1000, 'live'],
  ] as const)(
    'comes back byte for byte as before: %i items, %s error',
    (items, error) => {
      const record = failureFields(items, error);
      const text = JSON.stringify(redact(record));
      const [length, sha256] = BEFORE[items];
      expect(text).toHaveLength(length);
      expect(createHash('sha256').update(text).digest('hex')).toBe(sha256);
      expect(JSON.stringify(unlimited(record))).toBe(text);
      expect(text).not.toContain(RECORD_BUDGET_MARKER);
    },
  );
});

describe('a string cut at maxStringLength', () => {
  const TOKEN = 'ghp_R8kq2ZtV0wXyL5mN3pQ7sA1bC9dE4fG6hJ2k';
  const CARD = '4111 1111 1111 1111';
  const FILLER = 'lorem ipsum dolor sit amet ';

  function filler(length: number): string {
    return FILLER.repeat(Math.ceil(length / FILLER.length) + 1).slice(
      0,
      length,
    );
  }

  /** `shrink` characters saved by the censor at the start, then `secret` starting at `at`. */
  function planted(
    shrink: number,
    secret: string,
    at: number,
    length: number,
  ): string {
    const head = `password=${'x'.repeat(shrink + R.length)} `;
    const before = filler(at - head.length - 1);
    const text = `${head}${before} ${secret} `;
    return text + filler(length - text.length);
  }

  /** Every run of `n` characters of `secret`. */
  function fragments(secret: string, n: number): string[] {
    return Array.from({ length: secret.length - n + 1 }, (_, i) =>
      secret.slice(i, i + n),
    );
  }

  function kept(out: string): string {
    const cut = out.lastIndexOf('…[truncated ');
    expect(cut).toBeGreaterThan(-1);
    return out.slice(0, cut);
  }

  const limits = [DEFAULT_MAX_STRING_LENGTH, 300];
  const shrinks = [0, 30, 2000, 4000, 4096, 4100, 6000, 8192, 9000, 20_000];

  it.each(limits)(
    'never shows a fragment of a token or a card that crosses an edge (maxStringLength %i)',
    (limit) => {
      const redactor = createRedactor({ maxStringLength: limit });
      for (const shrink of shrinks) {
        // The old cut (at the scan's end), where the output ends in the source, and the ends of what is
        // kept and of what is scanned.
        const edges = [
          limit,
          limit + shrink,
          limit + TRUNCATION_LOOKAHEAD,
          limit + 2 * TRUNCATION_LOOKAHEAD,
        ];
        for (const edge of edges) {
          for (const [secret, piece] of [
            [TOKEN, 6],
            [CARD, 4],
          ] as const) {
            for (let offset = 1; offset < secret.length; offset += 3) {
              const at = Math.max(edge - offset, shrink + R.length + 12);
              const text = planted(shrink, secret, at, edge + 20_000);
              const out = kept(redactor(text) as string);
              for (const fragment of fragments(secret, piece)) {
                expect(
                  out.includes(fragment),
                  `${fragment} of ${secret} at ${at}, shrink ${shrink}`,
                ).toBe(false);
              }
            }
          }
        }
      }
    },
  );

  it('keeps at most maxStringLength characters of output and the censor of a secret crossing it', () => {
    const redactor = createRedactor({ maxStringLength: 100 });
    const text = `${filler(90)} ${TOKEN} ${filler(500)}`;
    expect(redactor(text)).toBe(
      `${filler(90)} ${R}…[truncated ${text.length - 100} chars]`,
    );
    expect(redactor(filler(500))).toBe(`${filler(100)}…[truncated 400 chars]`);
  });
});

describe('hostile inputs', () => {
  // Secrets of every family, on their own line in the middle of each hostile string.
  const SECRETS = {
    pair: 'password=hunter2-Correct-Horse',
    card: '4111 1111 1111 1111',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
    token: 'ghp_R8kq2ZtV0wXyL5mN3pQ7sA1bC9dE4fG6hJ2k',
    url: 'postgres://admin:S3cr3t-Pa55@db:5432/app',
    bearer: 'Bearer Zm9vOmJhcg-Tok3n',
    key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
  };
  // What must not survive of each (a whole card: the hostile text itself holds cards cut in two where it
  // was split into strings, which are no card).
  const REVEALING = [
    'hunter2',
    '4111 1111 1111 1111',
    'eyJzdWIiOiI0MiJ9',
    'R8kq2ZtV0wXyL5mN3pQ7',
    'S3cr3t-Pa55',
    'Zm9vOmJhcg-Tok3n',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  ];
  const LINE = `\n${Object.values(SECRETS).join(' \n')} \n`;

  it.each(HOSTILE_INPUTS.map((g) => [g.name, g] as const))(
    '%s: comes back with its secrets censored',
    (_name, generator) => {
      const redactor = createRedactor(generator.options);
      let input = generator.make(2 * CHUNK);
      if (generator.kind === 'text') {
        input = (input as string[]).map(
          (s) => s.slice(0, s.length >> 1) + LINE + s.slice(s.length >> 1),
        );
      }
      const text = JSON.stringify(redactor(input));
      for (const secret of REVEALING)
        expect(text.includes(secret), secret).toBe(false);
      expect(/password=s\d/.test(text)).toBe(false);
      // Censored, or cut with a marker.
      const censor = generator.options?.censor ?? R;
      expect(text.includes(censor) || text.includes('[… ')).toBe(true);
    },
  );
});
