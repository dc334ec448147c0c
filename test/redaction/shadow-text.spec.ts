import { describe, expect, it } from 'vitest';
import { shadowOf } from '../../lib/redaction/scanner/shadow-text.js';
import {
  describeTextCases,
  type CensoredCase,
  type KeptCase,
} from '../utils/text-cases.js';

const R = '[REDACTED]';
const BOLD_PASSWORD =
  '\ud835\udc29\ud835\udc1a\ud835\udc2c\ud835\udc2c\ud835\udc30\ud835\udc28\ud835\udc2b\ud835\udc1d';

// Escapes are read as what they stand for; only the secret's own source characters are censored.
const CENSORED: readonly CensoredCase[] = [
  ['lower-case %3d', 'q=password%3dhunter2 ok', `q=password%3d${R} ok`],
  [
    'encoded letter in the key',
    'q=pass%77ord%3Dhunter2 ok',
    `q=pass%77ord%3D${R} ok`,
  ],
  [
    'encoded first letter of the value',
    'q=password%3D%68unter2 ok',
    `q=password%3D${R} ok`,
  ],
  [
    'encoded first letter of the key',
    'q=%70assword=hunter2 ok',
    `q=%70assword=${R} ok`,
  ],
  ['encoded capital P', 'q=%50assword=hunter2 ok', `q=%50assword=${R} ok`],
  [
    'double-encoded lower-case',
    'q=password%253dhunter2 ok',
    `q=password%253d${R} ok`,
  ],
  [
    'an encoded path and query',
    '%2Fpath%3Fpassword%3Dhunter2%26x%3D1',
    `%2Fpath%3Fpassword%3D${R}%26x%3D1`,
  ],
  ['\\x escape', 'password\\x3dhunter2 ok', `password\\x3d${R} ok`],
  ['\\u escape', 'password\\u003dhunter2 ok', `password\\u003d${R} ok`],
  [
    '\\u escape in upper case',
    'password\\u003Dhunter2 ok',
    `password\\u003D${R} ok`,
  ],
  [
    '\\u escape in the key',
    'pass\\u0077ord=hunter2 ok',
    `pass\\u0077ord=${R} ok`,
  ],
  ['decimal entity', 'password&#61;hunter2 ok', `password&#61;${R} ok`],
  ['hex entity', 'password&#x3d;hunter2 ok', `password&#x3d;${R} ok`],
  ['hex entity with X', 'password&#X3D;hunter2 ok', `password&#X3D;${R} ok`],
  ['&equals;', 'password&equals;hunter2 ok', `password&equals;${R} ok`],
  ['&colon;', 'password&colon; hunter2 ok', `password&colon; ${R} ok`],
  [
    'escaped markup',
    '&lt;password&gt;hunter2&lt;/password&gt;',
    `&lt;password&gt;${R}&lt;/password&gt;`,
  ],
  [
    'mathematical bold key',
    `${BOLD_PASSWORD}=hunter2 ok`,
    `${BOLD_PASSWORD}=${R} ok`,
  ],
  ['%3a, a colon in lower case', 'password%3ahunter2 ok', `password%3a${R} ok`],
  ['%3A, a colon in upper case', 'password%3Ahunter2 ok', `password%3A${R} ok`],
  [
    'an entity of ten characters before its ;',
    'password&#00000061;hunter2 ok',
    `password&#00000061;${R} ok`,
  ],
  [
    'lone surrogate before a pair',
    'x \ud835 password=hunter2',
    `x \ud835 password=${R}`,
  ],
];

// Escapes that are not escapes stay text: nothing is decoded, nothing censored.
const KEPT: readonly KeptCase[] = [
  ['% before a non-hex digit', 'q=password%3Ghunter2 ok'],
  ['\\u before non-hex digits', 'password\\u00zzhunter2 ok'],
  ['\\ before another letter', 'password\\y3dhunter2 ok'],
  ['unknown entity', 'password&foo;hunter2 ok'],
  ['entity past the last code point', 'password&#x110000;hunter2 ok'],
  ['entity without digits', 'password&#;hunter2 ok'],
  // Another escape in the same text, so a shadow is made and these are read in it.
  ['\\y is no escape, beside a real one', 'password\\y3dhunter2 ok %41'],
  ['an entity without its ;, at the end', 'password %41 &equals'],
  ['an entity past ten characters', 'password&#000000061;hunter2 ok'],
  ['a negative entity', 'password&#-61;hunter2 ok'],
];

describeTextCases('escapes', CENSORED, KEPT);

/**
 * The shadow as [shadow characters, the source they came from], consecutive characters of one source
 * range together; checks on the way that the ranges are in the source, non-empty and in order.
 */
function pieces(source: string): [string, string][] | undefined {
  const shadow = shadowOf(source);
  if (shadow === undefined) return undefined;
  const { text, starts, ends } = shadow;
  expect(starts.length).toBe(text.length);
  expect(ends.length).toBe(text.length);
  const out: [string, string][] = [];
  for (let i = 0; i < text.length; i++) {
    expect(starts[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : starts[i - 1]);
    expect(ends[i]).toBeGreaterThan(starts[i]);
    expect(ends[i]).toBeLessThanOrEqual(source.length);
    const from = source.slice(starts[i], ends[i]);
    const last = out[out.length - 1];
    if (i > 0 && starts[i] === starts[i - 1] && ends[i] === ends[i - 1])
      last[0] += text[i];
    else out.push([text[i], from]);
  }
  return out;
}

describe('shadowOf: each shadow character and the source it stands for', () => {
  const DECODED: readonly (readonly [string, string, [string, string][]])[] = [
    [
      '%39, the last decimal digit',
      'a%39b',
      [
        ['a', 'a'],
        ['9', '%39'],
        ['b', 'b'],
      ],
    ],
    [
      '%3a and %3A',
      '%3a%3A',
      [
        [':', '%3a'],
        [':', '%3A'],
      ],
    ],
    [
      '%6f and %6F',
      '%6f%6F',
      [
        ['o', '%6f'],
        ['o', '%6F'],
      ],
    ],
    [
      '\\x and \\u',
      '\\x41\\u0042',
      [
        ['A', '\\x41'],
        ['B', '\\u0042'],
      ],
    ],
    [
      '&amp; after a ;',
      ';&amp;',
      [
        [';', ';'],
        ['&', '&amp;'],
      ],
    ],
    [
      '&#0;',
      'a&#0;',
      [
        ['a', 'a'],
        ['\0', '&#0;'],
      ],
    ],
    ['the last code point', '&#x10ffff;', [['\u{10ffff}', '&#x10ffff;']]],
    [
      'an entity of ten characters to its ;',
      '&#00000061;x',
      [
        ['=', '&#00000061;'],
        ['x', 'x'],
      ],
    ],
    [
      'a double encoding, read back to its source',
      'a%253Db',
      [
        ['a', 'a'],
        ['=', '%253D'],
        ['b', 'b'],
      ],
    ],
    [
      'a surrogate pair from U+D800, one character',
      '%41\ud800\udc00',
      [
        ['A', '%41'],
        ['\ud800\udc00', '\ud800\udc00'],
      ],
    ],
    [
      'a surrogate pair from U+DBFF, one character',
      '%41\udbff\udc00z',
      [
        ['A', '%41'],
        ['\udbff\udc00', '\udbff\udc00'],
        ['z', 'z'],
      ],
    ],
    [
      'a pair folded to a letter',
      '%41\ud835\udc29',
      [
        ['A', '%41'],
        ['p', '\ud835\udc29'],
      ],
    ],
    [
      'a lone high surrogate at the end',
      '%41\ud835',
      [
        ['A', '%41'],
        ['\ud835', '\ud835'],
      ],
    ],
    [
      'a ligature that folds to two letters, both read back to it',
      '%41\ufb01',
      [
        ['A', '%41'],
        ['fi', '\ufb01'],
      ],
    ],
    [
      'a surrogate pair written as two escapes, folded on the second pass',
      '\\ud835\\udc29%41',
      [
        ['p', '\\ud835\\udc29'],
        ['A', '%41'],
      ],
    ],
    [
      'a fullwidth percent sign that folds to an escape',
      '\uff0541b',
      [
        ['A', '\uff0541'],
        ['b', 'b'],
      ],
    ],
    [
      'an invisible character dropped',
      'a\u200bb%41',
      [
        ['a', 'a'],
        ['b', 'b'],
        ['A', '%41'],
      ],
    ],
  ];
  it.each(DECODED)('%s', (_what, source, expected) => {
    expect(pieces(source)).toEqual(expected);
  });

  // Not escapes: kept as they are, beside one that is (so a shadow is made), or no shadow at all.
  const KEPT_AS_IS: readonly (readonly [string, string])[] = [
    ['% before a character below 0', '%2!'],
    ['% before a character below a', '%4!'],
    ['% before a letter past f', '%4g'],
    ['% before G', '%3G'],
    ['\\y', '\\y3d'],
    ['\\u before non-hex digits', '\\u00zz'],
    ['an entity without its ;', '&amp'],
    ['an entity past ten characters', '&#000000061;'],
    ['a negative entity', '&#-61;'],
    ['a code point too large', '&#x110000;'],
  ];
  it('an entity cut off by the end of the text stays itself', () => {
    expect(pieces('%41 &amp')).toEqual([
      ['A', '%41'],
      [' ', ' '],
      ['&', '&'],
      ['a', 'a'],
      ['m', 'm'],
      ['p', 'p'],
    ]);
  });

  it.each(KEPT_AS_IS)('%s stays itself', (_what, source) => {
    expect(pieces(`${source} %41`)).toEqual([
      ...source.split('').map((c) => [c, c]),
      [' ', ' '],
      ['A', '%41'],
    ]);
  });

  it.each([
    ['plain ASCII', 'plain text'],
    ['an escape start that decodes nothing', 'a &#; b % c \\ d'],
    ['non-ASCII that folds to itself', 'log \u4e2d\u6587 ok'],
  ])('%s has no shadow', (_what, source) => {
    expect(shadowOf(source)).toBeUndefined();
  });
});
