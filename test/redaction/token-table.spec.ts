import { describe, expect, it } from 'vitest';
import type { SecretMatch } from '../../lib/redaction/scanner/secret-span.js';
import type { TokenFormat } from '../../lib/redaction/tokens/token-format.interfaces.js';
import {
  alphabetTable,
  compileTokenTable,
  deriveMarkers,
} from '../../lib/redaction/tokens/token-table.js';

// The table's machinery on small made-up formats, one rule at a time; the vendors' rows are proved by
// the recall corpus.
const ALNUM = 'A-Za-z0-9';

function format(
  row: Partial<TokenFormat> & Pick<TokenFormat, 'prefixes' | 'body'>,
): TokenFormat {
  return { family: 'Test', name: row.prefixes.join('|'), ...row };
}

function tokensIn(formats: readonly TokenFormat[], text: string): string[] {
  const found: SecretMatch[] = [];
  compileTokenTable(formats).scan(text, 'token', found);
  return found.map((m) => text.slice(m.start, m.end));
}

function members(chars: string): string {
  const table = alphabetTable(chars);
  let out = '';
  for (let c = 0; c < 128; c++)
    if (table[c] === 1) out += String.fromCharCode(c);
  return out;
}

describe('token table: alphabets', () => {
  it.each([
    ['a-d', 'abcd'],
    ['a-', '-a'],
    ['-a', '-a'],
    ['a-c-', '-abc'],
    ['x', 'x'],
    ['0-2_', '012_'],
  ])('reads %j as %j', (chars, expected) => {
    expect(members(chars)).toBe(expected);
  });

  it.each(['z-a', 'a-é', 'é', 'a-\u0080'])('refuses %j', (chars) => {
    expect(() => alphabetTable(chars)).toThrow(/not ASCII/);
  });
});

describe('token table: markers and minimum length', () => {
  it('uses a long shared part, else each prefix, and drops a marker that holds another', () => {
    expect(
      deriveMarkers([
        format({ prefixes: ['dop_v1_', 'doo_v1_'], body: [] }),
        format({ prefixes: ['ab_', 'cd_'], body: [] }),
        format({ prefixes: ['xab_long'], body: [] }),
      ]),
    ).toEqual(['_v1_', 'ab_', 'cd_']);
  });

  it('falls back to the prefixes when they share nothing at all', () => {
    expect(
      deriveMarkers([format({ prefixes: ['ab', 'cd'], body: [] })]),
    ).toEqual(['ab', 'cd']);
  });

  it('counts the shortest prefix, the shortest before-run and every body part', () => {
    const table = compileTokenTable([
      format({
        prefixes: ['ab_', 'abc_'],
        before: { chars: ALNUM, length: [2, 4] },
        body: [
          '-',
          { chars: ALNUM, length: [5, 9] },
          { chars: ALNUM, length: 3 },
        ],
      }),
      format({ prefixes: ['zz_'], body: [{ chars: ALNUM, length: 20 }] }),
    ]);
    expect(table.minLength).toBe(3 + 2 + 1 + 5 + 3);
  });

  it('refuses prefixes it cannot index', () => {
    expect(() =>
      compileTokenTable([format({ prefixes: ['a'], body: [] })]),
    ).toThrow(RangeError);
    expect(() =>
      compileTokenTable([format({ prefixes: ['a b'], body: [] })]),
    ).toThrow(RangeError);
  });

  it('refuses more first-two-character pairs than it can number', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const prefixes = letters.flatMap((a) => letters.map((b) => `${a}${b}_`));
    const body = [{ chars: ALNUM, length: 8 }];
    expect(() =>
      compileTokenTable([format({ prefixes: prefixes.slice(0, 255), body })]),
    ).not.toThrow();
    expect(() =>
      compileTokenTable([format({ prefixes: prefixes.slice(0, 300), body })]),
    ).toThrow(/too many prefix pairs/);
  });
});

describe('token table: bodies', () => {
  const sq = format({
    prefixes: ['SQ.'],
    body: [{ chars: ALNUM, length: 6 }, '.', { chars: ALNUM, length: 8 }],
  });

  it('matches literal parts and exact runs', () => {
    expect(tokensIn([sq], 'k SQ.abcdef.ghijklmn end')).toEqual([
      'SQ.abcdef.ghijklmn',
    ]);
  });

  it.each([
    ['a wrong literal', 'k SQ.abcdefXghijklmn end'],
    ['a first run too short', 'k SQ.abcde.ghijklmn end'],
    ['a first run too long', 'k SQ.abcdefg.ghijklmn end'],
    ['a last run too short', 'k SQ.abcdef.ghijklm end'],
    ['a last run too long', 'k SQ.abcdef.ghijklmno end'],
  ])('refuses %s', (_what, text) => {
    expect(tokensIn([sq], text)).toEqual([]);
  });

  it('leaves a full stop out of a token whose alphabet holds dots when it makes the token too long', () => {
    const dotted = format({
      prefixes: ['dt_'],
      body: [{ chars: `${ALNUM}.`, length: [4, 8] }],
    });
    expect(tokensIn([dotted], 'use dt_ab.cd ok')).toEqual(['dt_ab.cd']);
    expect(tokensIn([dotted], 'use dt_abcdefgh.')).toEqual(['dt_abcdefgh']);
    expect(tokensIn([dotted], 'use dt_abcdefgh..')).toEqual(['dt_abcdefgh']);
    expect(tokensIn([dotted], 'use dt_abcdefghi.')).toEqual([]);
    // Within the maximum a final dot is one of the token's own characters, and goes with it.
    expect(tokensIn([dotted], 'use dt_abcd.')).toEqual(['dt_abcd.']);
    expect(tokensIn([dotted], 'use dt_abcdefg.')).toEqual(['dt_abcdefg.']);
  });

  it('runs a row’s own check on the whole token', () => {
    const checked = format({
      prefixes: ['ck_'],
      body: [{ chars: ALNUM, length: 6 }],
      check: (token) => token.endsWith('7'),
    });
    expect(tokensIn([checked], 'a ck_abcde7 b ck_abcde8')).toEqual([
      'ck_abcde7',
    ]);
  });
});

describe('token table: where a token starts', () => {
  const gapped = format({
    prefixes: ['tk'],
    body: [{ chars: ALNUM, length: 10 }],
  });

  it.each([
    ['at the start', 'tk0123456789 x', 'tk0123456789'],
    ['after a space', 'x tk0123456789', 'tk0123456789'],
    ['after a dash', 'x-tk0123456789', 'tk0123456789'],
    [
      'after a non-Latin word (no spaces in CJK text)',
      '令牌tk0123456789',
      'tk0123456789',
    ],
  ])('finds a prefix that must stand apart %s', (_what, text, token) => {
    expect(tokensIn([gapped], text)).toEqual([token]);
  });

  it.each([
    ['a letter', 'xtk0123456789'],
    ['a digit', '9tk0123456789'],
  ])('leaves that prefix glued to %s', (_what, text) => {
    expect(tokensIn([gapped], text)).toEqual([]);
  });

  it('takes a lead before the prefix into the token, longest first, only at a word start', () => {
    const hook = format({
      prefixes: ['hook_'],
      leads: ['https://x.io/', 'x.io/'],
      body: [{ chars: ALNUM, length: 6 }],
    });
    expect(tokensIn([hook], 'https://x.io/hook_abcdef')).toEqual([
      'https://x.io/hook_abcdef',
    ]);
    expect(tokensIn([hook], 'at x.io/hook_abcdef')).toEqual([
      'x.io/hook_abcdef',
    ]);
    // Glued to a word, the lead is not one: the prefix alone starts the token.
    expect(tokensIn([hook], 'ax.io/hook_abcdef')).toEqual(['hook_abcdef']);
  });

  it('tries the longest lead first whatever order the row lists them in', () => {
    for (const leads of [
      ['x.io/', 'https://x.io/', 'io/'],
      ['io/', 'x.io/', 'https://x.io/'],
      ['https://x.io/', 'io/', 'x.io/'],
    ]) {
      const hook = format({
        prefixes: ['hook_'],
        leads,
        body: [{ chars: ALNUM, length: 6 }],
      });
      expect(
        tokensIn([hook], 'see https://x.io/hook_abcdef'),
        leads.join(),
      ).toEqual(['https://x.io/hook_abcdef']);
      expect(tokensIn([hook], 'see x.io/hook_abcdef'), leads.join()).toEqual([
        'x.io/hook_abcdef',
      ]);
    }
  });

  it('finds a prefix glued to a lead that ends in a letter', () => {
    for (const leads of [['bot'], ['x/', 'bot']]) {
      const bot = format({
        prefixes: ['tk'],
        leads,
        body: [{ chars: ALNUM, length: 10 }],
      });
      expect(tokensIn([bot], 'url /bottk0123456789'), leads.join()).toEqual([
        'bottk0123456789',
      ]);
      // Glued to anything else, the prefix is still inside a word.
      expect(tokensIn([bot], 'url /xbtk0123456789'), leads.join()).toEqual([]);
    }
  });

  it('never reads a lead from before the text starts', () => {
    // The lead repeats the prefix: at the second prefix, it would have to begin two characters before
    // the text does.
    const twice = format({
      prefixes: ['k-'],
      leads: ['k-k-'],
      body: [{ chars: ALNUM, length: 6 }],
    });
    expect(tokensIn([twice], 'k-k-abcdef')).toEqual(['k-abcdef']);
    expect(tokensIn([twice], 'x k-k-k-abcdef')).toEqual(['k-k-k-abcdef']);
  });

  it('reads past a prefix character followed by text outside ASCII', () => {
    const both = [
      format({ prefixes: ['tk'], body: [{ chars: ALNUM, length: 10 }] }),
      format({
        prefixes: ['tz'],
        before: { chars: '0-9', length: 2 },
        body: [{ chars: ALNUM, length: 4 }],
      }),
    ];
    expect(tokensIn(both, 'a t\u4e2d t\u00e9 t\u0080 tk0123456789')).toEqual([
      'tk0123456789',
    ]);
    expect(tokensIn(both, 'a 1t\u4e2d 12tzabcd')).toEqual(['12tzabcd']);
  });

  it('reads a run before the prefix within its bounds', () => {
    const bot = format({
      prefixes: [':AA'],
      leads: ['bot'],
      before: { chars: '0-9', length: [3, 5] },
      body: [{ chars: ALNUM, length: 8 }],
    });
    expect(tokensIn([bot], 'id 12345:AAabcdefgh')).toEqual([
      '12345:AAabcdefgh',
    ]);
    expect(tokensIn([bot], 'id 123:AAabcdefgh')).toEqual(['123:AAabcdefgh']);
    expect(tokensIn([bot], 'url /bot1234:AAabcdefgh')).toEqual([
      'bot1234:AAabcdefgh',
    ]);
    expect(tokensIn([bot], 'id 12:AAabcdefgh')).toEqual([]);
    expect(tokensIn([bot], 'id 123456:AAabcdefgh')).toEqual([]);
    expect(tokensIn([bot], 'idx123:AAabcdefgh')).toEqual([]);
  });

  it('censors what is glued to a token’s end with it, but not a closing full stop', () => {
    const short = format({
      prefixes: ['gl_'],
      body: [{ chars: ALNUM, length: 6 }],
    });
    expect(tokensIn([short], 'a gl_abcdef-tail.x9 b')).toEqual([
      'gl_abcdef-tail.x9',
    ]);
    expect(tokensIn([short], 'a gl_abcdef.')).toEqual(['gl_abcdef']);
    expect(tokensIn([short], 'a gl_abcdef_ok. Then')).toEqual(['gl_abcdef_ok']);
  });

  it('finds every token of a line that repeats one prefix', () => {
    const short = format({
      prefixes: ['gl_'],
      body: [{ chars: ALNUM, length: 6 }],
    });
    expect(tokensIn([short], 'gl_abcdef gl_ghijkl gl_mnopqr')).toEqual([
      'gl_abcdef',
      'gl_ghijkl',
      'gl_mnopqr',
    ]);
  });
});
