/**
 * @internal The characters a run may hold, written as in a regex class without the brackets:
 * `A-Za-z0-9_-` (a `-` first or last is itself). ASCII only.
 */
export type Alphabet = string;

/** @internal A stretch of characters from one alphabet. */
export interface Run {
  readonly chars: Alphabet;
  /** Exact length, or `[shortest, longest]`. */
  readonly length: number | readonly [number, number];
}

/** @internal What follows a prefix: runs, and literal separators between them (`'.'`, `'T3BlbkFJ'`). */
export type TokenPart = Run | string;

/**
 * @internal One self-identifying token format: a row of the token table. A match is
 * `[lead][before]prefix body`, and all of it is the secret. It must not be glued to a letter or digit on
 * its left; on its right the token ends where its final alphabet ends, and letters, digits, `_`, `-` (and
 * `.` between them) still glued to it are censored with it.
 */
export interface TokenFormat {
  /** The vendor: `GitLab`. Rows of one family are told apart by `name`. */
  readonly family: string;
  /** What the token is, unique in the table: `GitLab personal access token`. */
  readonly name: string;
  /** Every token starts with one of these (after its lead and `before` run). */
  readonly prefixes: readonly string[];
  /** Literal text that may stand right before the token and is censored with it (`https://`). */
  readonly leads?: readonly string[];
  /** A run right before the prefix: Telegram's bot id before `:A…`, a subdomain before `.webhook.office.com`. */
  readonly before?: Run;
  /** What follows the prefix. A run with a length range must be last or followed by a literal outside its alphabet. */
  readonly body: readonly TokenPart[];
  /** A further test of the whole token (lead to body end): a checksum, a shape the parts cannot say. */
  readonly check?: (token: string) => boolean;
  /** Config keys this token is naturally stored under (`OPENAI_API_KEY`); the tests plant it there. */
  readonly keys?: readonly string[];
}
