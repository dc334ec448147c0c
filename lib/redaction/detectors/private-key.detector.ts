import { defineDetector } from './secret-detector.interface.js';

// The armour lines of PEM private keys (`-----BEGIN RSA PRIVATE KEY-----`, `ENCRYPTED`, `OPENSSH`, …) and
// PGP secret-key blocks; read sticky at a position, never searched for.
const BEGIN =
  /-----BEGIN (?:(?:[A-Z]{1,12} ){0,2}PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;
const END =
  /-----END (?:(?:[A-Z]{1,12} ){0,2}PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;

function firstQuote(text: string, from: number): number {
  const double = text.indexOf('"', from);
  const single = text.indexOf("'", from);
  if (double === -1) return single;
  return single === -1 ? double : Math.min(double, single);
}

function at(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/**
 * PEM private keys and PGP private key blocks, armour included. A block without its end line is censored
 * to the end of the text, or to a quote that closes the string holding it. Each search resumes where the
 * last block ended: linear in the text, however many headers it repeats.
 */
export const privateKeyDetector = defineDetector({
  kind: 'private-key',
  reveals: 'secret',
  minLength: 32, // -----BEGIN PRIVATE KEY----- and a little body
  markers: ['PRIVATE KEY'],
  scan(text, _context, found) {
    for (let i = text.indexOf('-----BEGIN '); i !== -1;) {
      if (at(BEGIN, text, i) === -1) {
        i = text.indexOf('-----BEGIN ', i + 1);
        continue;
      }
      let end = text.length;
      for (let e = text.indexOf('-----END ', i); e !== -1;) {
        const close = at(END, text, e);
        if (close !== -1) {
          end = close;
          break;
        }
        e = text.indexOf('-----END ', e + 1);
      }
      if (end === text.length) {
        // No end line: a quote still ends the block, as no PEM or PGP body holds one (a JSON field).
        const quote = firstQuote(text, i);
        if (quote !== -1) end = quote;
      }
      found.push({ kind: 'private-key', start: i, end });
      i = end < text.length ? text.indexOf('-----BEGIN ', end) : -1;
    }
  },
});
