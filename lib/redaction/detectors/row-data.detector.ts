import { defineDetector } from './secret-detector.interface.js';
import type { SecretMatch } from '../scanner/secret-span.js';

// The phrases with which database servers quote row data in their errors (facts from their manuals):
// PostgreSQL `Failing row contains (…).` and `Key (col)=(value) already exists.`, MySQL
// `Duplicate entry 'value' for key 'name'`, MongoDB `dup key: { email: "value" }`. The row is censored;
// the phrase, the key and index names stay, so the error is still understood.
const PHRASES = [
  { marker: 'Failing row contains (', close: ')' },
  { marker: ')=(', close: ')' },
  { marker: "Duplicate entry '", close: "' for key" },
  { marker: 'dup key: { ', close: ' }' },
] as const;

function lineEndFrom(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf === -1 ? text.length : lf;
}

function scanRows(text: string, found: SecretMatch[]): void {
  for (const { marker, close } of PHRASES) {
    let at = text.indexOf(marker);
    while (at !== -1) {
      const start = at + marker.length;
      const end = lineEndFrom(text, start);
      // The row may itself hold the closing text: the last one on the line ends it.
      const stop = text.lastIndexOf(close, end - close.length);
      if (stop >= start) {
        if (stop > start) found.push({ kind: 'row-data', start, end: stop });
      } else if (end > start) {
        found.push({ kind: 'row-data', start, end });
      }
      at = text.indexOf(marker, end);
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
