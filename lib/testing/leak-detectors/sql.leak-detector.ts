import {
  firstMatch,
  type MatchRule,
  type LeakDetector,
  type TextMatch,
} from './leak-detector.js';

// A quoted identifier, as ORMs and query builders write them: "orders", `orders`, [orders].
const QUOTED = String.raw`["\`[][\w$ .]{1,64}["\`\]]`;
const NAME = String.raw`["\`[]?[\w$.]{1,64}["\`\]]?`;

const STATEMENT_SPAN = 400;

/**
 * The first `head` (e.g. `SELECT`) followed by `tail` (`FROM`) within the same line and statement and
 * {@link STATEMENT_SPAN} characters. Each pattern is run forward once over the text, so the cost is
 * linear however many heads there are.
 */
function statement(
  text: string,
  head: RegExp,
  tail: RegExp,
): TextMatch | undefined {
  const stop = /[\n;]/g;
  let tailAt = -1;
  let tailEnd = -1;
  let stopAt = -1;
  head.lastIndex = 0;
  for (let m = head.exec(text); m !== null; m = head.exec(text)) {
    const from = m.index + m[0].length - 1;
    if (tailAt !== Infinity && tailAt < from) {
      tail.lastIndex = from;
      const t = tail.exec(text);
      tailAt = t === null ? Infinity : t.index;
      tailEnd = t === null ? -1 : t.index + t[0].length;
    }
    if (tailAt === Infinity) return undefined;
    if (stopAt !== Infinity && stopAt < from) {
      stop.lastIndex = from;
      stopAt = stop.exec(text)?.index ?? Infinity;
    }
    if (tailAt < stopAt && tailAt - from <= STATEMENT_SPAN)
      return { start: m.index, end: tailEnd };
  }
  return undefined;
}

// Statements: upper-case keywords as drivers echo them, or any case with quoted identifiers
// (knex, Sequelize); lower-case prose ("select one from the list") matches neither.
const SELECT_UPPER = /\bSELECT\s/g;
const FROM_UPPER = /\sFROM\s/g;
const SELECT_QUOTED = new RegExp(
  String.raw`\bselect\s+(?:\*|distinct\s|count\(|${QUOTED})`,
  'gi',
);
const FROM_ANY = /\sfrom\s/gi;

const RULES: readonly MatchRule[] = [
  // MongoDB's and Prisma's driver errors name the collection or the query call.
  { pattern: /\bE11000 duplicate key error\b/g },
  { pattern: /\bInvalid `prisma\.[\w.]{1,80}\(\)` invocation\b/g },
  { pattern: new RegExp(String.raw`\bINSERT\s+INTO\s+${NAME}`, 'g') },
  { pattern: new RegExp(String.raw`\binsert\s+into\s+${QUOTED}`, 'gi') },
  { pattern: new RegExp(String.raw`\bUPDATE\s+${NAME}\s+SET\s`, 'g') },
  { pattern: new RegExp(String.raw`\bupdate\s+${QUOTED}\s+set\s`, 'gi') },
  { pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+${NAME}`, 'g') },
  { pattern: new RegExp(String.raw`\bdelete\s+from\s+${QUOTED}`, 'gi') },
  // Driver messages: PostgreSQL, MySQL, SQLite, Oracle, SQL Server.
  { pattern: /\bsyntax error at or near\b/gi },
  {
    pattern:
      /\b(?:column|relation|table|schema|database|function|type|operator)\s"[^"\n]{1,128}"(?:\sof\srelation\s"[^"\n]{1,128}")?\sdoes\snot\sexist\b/gi,
  },
  // The article's own red flag quotes PostgreSQL without the quotes: `column totl does not exist`.
  { pattern: /\b(?:column|relation)\s[\w.$]{1,64}\sdoes\snot\sexist\b/gi },
  {
    pattern:
      /\b(?:duplicate key value violates unique|violates (?:foreign key|not-null|check)) constraint\b/gi,
  },
  { pattern: /\binvalid input syntax for (?:type )?\w{1,40}\b/gi },
  { pattern: /\bER_[A-Z][A-Z0-9_]{2,60}\b/g },
  { pattern: /\bSQLITE_[A-Z][A-Z_]{1,40}\b/g },
  { pattern: /\bORA-\d{5}\b/g },
  { pattern: /\bSQLSTATE\b/g },
  { pattern: /\bYou have an error in your SQL syntax\b/gi },
  { pattern: /\bUnknown column '[^'\n]{1,128}'/g },
  { pattern: /\bTable '[^'\n]{1,128}' doesn't exist\b/g },
  { pattern: /\bno such (?:table|column): /g },
  { pattern: /\bnear "[^"\n]{1,64}": syntax error\b/g },
  { pattern: /\bIncorrect syntax near\b/g },
];

/** SQL statements and database error messages. */
export const sqlLeakDetector: LeakDetector = {
  kind: 'sql',
  find: (text) =>
    statement(text, SELECT_UPPER, FROM_UPPER) ??
    statement(text, SELECT_QUOTED, FROM_ANY) ??
    firstMatch(text, RULES),
};
