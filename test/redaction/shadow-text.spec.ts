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
];

describeTextCases('escapes', CENSORED, KEPT);
