import { looksLikeCredential } from '../keys/credential-value.js';
import { GUARDED, NOT_SECRET } from '../keys/secret-key.matcher.js';
import { defineDetector } from './secret-detector.interface.js';

// A flag at the start of a word: `--password x`, `--user name:pass`, `-u name:pass` (curl), `-pX`
// (mysql). `--password=x` is a pair and found as one.
const FLAG =
  /(?<![^\s"'`])(?:--([A-Za-z][A-Za-z0-9_-]{0,62})[ \t]+|(-u)[ \t]+|(-p)(?=[^\s-]))/g;
const MYSQL = /mysql|mariadb/i;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The argument at `at`: a quoted string's inside, or a run of non-blanks. */
function argument(text: string, at: number): [number, number] {
  const quote = text.charCodeAt(at);
  if (quote === 0x22 || quote === 0x27) {
    const close = text.indexOf(text[at], at + 1);
    const end = close === -1 ? text.length : close;
    return [at + 1, end];
  }
  let end = at;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return [at, end];
}

/** Secrets given to a command on its command line: `--password x`, `curl -u user:pass`, `mysql -pX`. */
export const commandLineDetector = defineDetector({
  kind: 'command-line',
  reveals: 'secret',
  minLength: 5, // -u a:b
  markers: ['--', '-u', '-p'],
  usesKeys: true,
  scan(text, context, found) {
    const mysql = text.includes('-p') && MYSQL.test(text);
    FLAG.lastIndex = 0;
    let covered = 0;
    for (let m = FLAG.exec(text); m !== null; m = FLAG.exec(text)) {
      const at = m.index + m[0].length;
      if (at < covered) continue;
      const [start, end] = argument(text, at);
      if (end <= start || text.startsWith(context.censor || '\0', start))
        continue;
      let from = -1;
      const name = m[1];
      if (m[3] !== undefined) {
        if (mysql) from = start;
      } else if (
        m[2] !== undefined ||
        name === 'user' ||
        name === 'proxy-user'
      ) {
        // `user:password`: the name stays, the password goes.
        const colon = text.indexOf(':', start);
        if (colon !== -1 && colon < end - 1) from = colon + 1;
      } else {
        const verdict = context.keyVerdict(name);
        if (
          verdict !== NOT_SECRET &&
          (verdict !== GUARDED || looksLikeCredential(text, start, end))
        ) {
          from = start;
        }
      }
      if (from !== -1) {
        found.push({ kind: 'command-line', start: from, end });
        covered = end;
        FLAG.lastIndex = end;
      }
    }
  },
});
