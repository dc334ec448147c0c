import type { SecretMatch } from '../scanner/secret-span.js';
import { defineDetector } from './secret-detector.interface.js';

// The phrases with which database servers quote row data in their errors (facts from their manuals):
// PostgreSQL `Failing row contains (…).` and `Key (col)=(value) already exists.`, MySQL
// `Duplicate entry 'value' for key 'name'`, MongoDB `dup key: { email: "value" }`. The row is censored;
// the phrase, the column, key and index names stay, so the error is still understood.
interface Phrase {
  readonly marker: string;
  /** Where the row starts, from the marker's end (-1: not this phrase). */
  readonly open: (text: string, at: number, lineEnd: number) => number;
  readonly close: string;
  /** The row ends at the last `close` on the line (rows may hold it), else at the first. */
  readonly last: boolean;
}

function lineEndFrom(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf === -1 ? text.length : lf;
}

/** The first index of `needle` in `[from, end)`, or -1; never reads past `end`. */
function indexIn(
  text: string,
  needle: string,
  from: number,
  end: number,
): number {
  const first = needle.charCodeAt(0);
  for (let i = from; i + needle.length <= end; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i;
  }
  return -1;
}

const PHRASES: readonly Phrase[] = [
  {
    marker: 'Failing row contains (',
    open: (_t, at) => at,
    close: ').',
    last: true,
  },
  {
    // `Key (email)=(`: the column names stay.
    marker: 'Key (',
    open: (text, at, end) => {
      const eq = indexIn(text, ')=(', at, end);
      return eq === -1 ? -1 : eq + 3;
    },
    close: ')',
    last: false,
  },
  {
    marker: "Duplicate entry '",
    open: (_t, at) => at,
    close: "' for key",
    last: false,
  },
  {
    // `dup key: { email: "a@b.c" }`: the field name stays.
    marker: 'dup key: { ',
    open: (text, at, end) => {
      const colon = indexIn(text, ': ', at, end);
      return colon === -1 ? at : colon + 2;
    },
    close: ' }',
    last: false,
  },
];

function rowEnd(
  text: string,
  phrase: Phrase,
  start: number,
  end: number,
): number {
  let stop = indexIn(text, phrase.close, start, end);
  if (phrase.last) {
    // Forward to the last one on the line: each character of the line is read once.
    for (
      let next = stop;
      next !== -1;
      next = indexIn(text, phrase.close, next + 1, end)
    )
      stop = next;
  }
  return stop === -1 ? end : stop;
}

function scanRows(text: string, found: SecretMatch[]): void {
  for (const phrase of PHRASES) {
    let at = text.indexOf(phrase.marker);
    while (at !== -1) {
      const after = at + phrase.marker.length;
      const end = lineEndFrom(text, after);
      const start = phrase.open(text, after, end);
      // Without its opening the rest of the line holds no row of this phrase.
      let next = end;
      if (start !== -1) {
        const stop = rowEnd(text, phrase, start, end);
        if (stop > start) found.push({ kind: 'row-data', start, end: stop });
        next = Math.max(after, stop);
      }
      at = text.indexOf(phrase.marker, next);
    }
  }
}

/** Row data that database servers quote in constraint errors (PostgreSQL, MySQL, MongoDB). */
export const rowDataDetector = defineDetector({
  kind: 'row-data',
  reveals: 'secret',
  minLength: 8,
  markers: PHRASES.map((p) => p.marker),
  scan: (text, _context, found) => scanRows(text, found),
});
