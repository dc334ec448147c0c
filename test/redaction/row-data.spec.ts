import {
  describeTextCases,
  type CensoredCase,
  type KeptCase,
} from '../utils/text-cases.js';

const R = '[REDACTED]';

// Where a quoted row starts and ends in database errors: the row goes, the phrase and the names stay.
const CENSORED: readonly CensoredCase[] = [
  [
    'row holding ).',
    'Failing row contains (1, a)., hunter2).',
    `Failing row contains (${R}).`,
  ],
  [
    'row left open ends with its line',
    'Failing row contains (1, hunter2\nnext line',
    `Failing row contains (${R}\nnext line`,
  ],
  [
    'row before another line',
    'Failing row contains (1, hunter2).\nDETAIL: x',
    `Failing row contains (${R}).\nDETAIL: x`,
  ],
  [
    'a row on each line',
    'Failing row contains (a).\nFailing row contains (b).',
    `Failing row contains (${R}).\nFailing row contains (${R}).`,
  ],
  [
    'two rows on one line: to the last ).',
    'Failing row contains (a). Failing row contains (b).',
    `Failing row contains (${R}).`,
  ],
  [
    'a key on the line after one without its value',
    'Key (a) x\nKey (email)=(bob) already exists.',
    `Key (a) x\nKey (email)=(${R}) already exists.`,
  ],
  ['key value left open', 'Key (email)=(bob', `Key (email)=(${R}`],
  [
    'two-column key',
    'Key (a, b)=(1, x) already exists.',
    `Key (a, b)=(${R}) already exists.`,
  ],
  ['dup key without a field name', 'dup key: { "alice" }', `dup key: { ${R} }`],
  [
    'two dup keys',
    'dup key: { email: "a" }, dup key: { name: "b" }',
    `dup key: { email: ${R} }, dup key: { name: ${R} }`,
  ],
  [
    'two duplicate entries',
    "Duplicate entry 'bob' for key 'a' Duplicate entry 'eve' for key 'b'",
    `Duplicate entry '${R}' for key 'a' Duplicate entry '${R}' for key 'b'`,
  ],
  [
    'duplicate entry left open',
    "Duplicate entry 'bob",
    `Duplicate entry '${R}`,
  ],
];

const KEPT: readonly KeptCase[] = [
  ['empty row', 'Failing row contains ().'],
  ['key without a value', 'Key (email) already exists'],
  ['value on another line than its key', 'Key (email)\n)=(x)'],
  ['empty duplicate entry', "Duplicate entry '' for key 'x'"],
];

describeTextCases('database rows', CENSORED, KEPT);
