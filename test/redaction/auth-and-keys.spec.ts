import {
  describeTextCases,
  type CensoredCase,
  type KeptCase,
} from '../utils/text-cases.js';

const R = '[REDACTED]';
const BEGIN = '-----BEGIN PRIVATE KEY-----';
const END = '-----END PRIVATE KEY-----';

// Auth schemes and private-key armour at their edges.
const CENSORED: readonly CensoredCase[] = [
  [
    'token before a full stop',
    'sent Bearer abc123def. Next',
    `sent Bearer ${R}. Next`,
  ],
  [
    'scheme twice',
    'sent Bearer Bearer abc123def ok',
    `sent Bearer Bearer ${R} ok`,
  ],
  ['Basic user:password', 'sent Basic dXNlcjpwYXNz ok', `sent Basic ${R} ok`],
  ['Basic with padding', 'sent Basic Zm9vOmJhcg== ok', `sent Basic ${R} ok`],
  ['BEARER', 'sent BEARER abc123def ok', `sent BEARER ${R} ok`],
  ['BASIC', 'sent BASIC dXNlcjpwYXNz ok', `sent BASIC ${R} ok`],
  ['bearer', 'sent bearer abc123def ok', `sent bearer ${R} ok`],
  ['basic', 'sent basic dXNlcjpwYXNz ok', `sent basic ${R} ok`],
  ['six characters', 'sent Bearer ab1cde ok', `sent Bearer ${R} ok`],
  ['an inner capital', 'sent Bearer abcDefgh ok', `sent Bearer ${R} ok`],
  ['after a tab', 'sent Bearer\tabc123def ok', `sent Bearer\t${R} ok`],
  ['with padding at the end', 'sent Bearer abc123def==', `sent Bearer ${R}`],
  [
    "key without its end line in ''",
    `key='${BEGIN}\nMIIEabc', x=1`,
    `key='${R}', x=1`,
  ],
  ['key cut by the first quote', `k="${BEGIN} abc' x" y`, `k="${R}' x" y`],
  [
    'key after a certificate',
    '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\nafter',
    `-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n${R}\nafter`,
  ],
  [
    'an end line of something else inside',
    `${BEGIN}\nabc\n-----END NOTE-----\nxyz\n${END} after`,
    `${R} after`,
  ],
  [
    'two keys',
    `a ${BEGIN}\nk1\n${END} b -----BEGIN RSA PRIVATE KEY-----\nk2\n-----END RSA PRIVATE KEY----- c`,
    `a ${R} b ${R} c`,
  ],
  [
    'PGP block',
    '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQ\n-----END PGP PRIVATE KEY BLOCK----- c',
    `${R} c`,
  ],
  ['key without its end line', `${BEGIN}\nMIIE no end`, R],
];

const KEPT: readonly KeptCase[] = [
  ['Basic word with no colon in it', 'sent Basic dXNlcnBhc3M= ok'],
  ['scheme inside a word', 'sent xBearer abc123def ok'],
  ['five characters', 'sent Bearer ab1cd ok'],
  ['lower-case word', 'sent Bearer abcdefgh ok'],
  ['capitalised word', 'sent Bearer Abcdefgh ok'],
  ['Basic word that is not base64', 'sent Basic abc.def ok'],
  [
    'public key',
    '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY----- PRIVATE KEY',
  ],
];

describeTextCases('auth schemes and private keys', CENSORED, KEPT);
