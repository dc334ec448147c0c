import { censorsSpan } from '../keys/credential-value.js';
import { isBlank, isKeyChar } from '../scanner/char-codes.js';
import { isCensorAt } from '../scanner/secret-span.js';
import { defineDetector } from './secret-detector.interface.js';

const MYSQL = /mysql|mariadb/i;
const MAX_FLAG = 63;

interface Flag {
  /** `--name` without its dashes, `-u`, or `-p`. */
  readonly name: string;
  /** Where its argument starts. */
  readonly at: number;
}

function isFlagStartBoundary(code: number): boolean {
  // Start of text (NaN), blank, or a quote: `"--password x"` in a logged argv.
  return (
    Number.isNaN(code) ||
    isSpace(code) ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x60
  );
}

/** The flag whose `-` is at `dash`: `--name␠`, `-u␠`, or `-p` glued to a value. */
function flagAt(text: string, dash: number): Flag | undefined {
  if (!isFlagStartBoundary(text.charCodeAt(dash - 1))) return undefined;
  const c = text.charCodeAt(dash + 1);
  if (c === 0x2d) {
    let end = dash + 2;
    while (end - dash - 2 <= MAX_FLAG && isKeyChar(text.charCodeAt(end))) end++;
    if (end === dash + 2 || !isBlank(text.charCodeAt(end))) return undefined;
    let at = end;
    while (isBlank(text.charCodeAt(at))) at++;
    return { name: text.slice(dash + 2, end), at };
  }
  if (c === 0x75 && isBlank(text.charCodeAt(dash + 2))) {
    let at = dash + 2;
    while (isBlank(text.charCodeAt(at))) at++;
    return { name: '-u', at };
  }
  if (c === 0x70) {
    const next = text.charCodeAt(dash + 2);
    if (dash + 2 < text.length && !isSpace(next) && next !== 0x2d)
      return { name: '-p', at: dash + 2 };
  }
  return undefined;
}

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
    // Only asked when a `-p` flag is seen: whether the command is MySQL's.
    let mysql: boolean | undefined;
    let covered = 0;
    for (let dash = text.indexOf('-'); dash !== -1;) {
      const flag = dash >= covered ? flagAt(text, dash) : undefined;
      if (flag === undefined) {
        dash = text.indexOf('-', dash + 1);
        continue;
      }
      const [start, end] = argument(text, flag.at);
      let from = -1;
      if (end > start) {
        if (flag.name === '-p') {
          mysql ??= MYSQL.test(text);
          if (mysql) from = start;
        } else if (
          flag.name === '-u' ||
          flag.name === 'user' ||
          flag.name === 'proxy-user'
        ) {
          // `user:password`: the name stays, the password goes.
          // Looked for in the argument only: `-u ` repeated must not read to the end each time.
          let colon = start;
          while (colon < end - 1 && text.charCodeAt(colon) !== 0x3a) colon++;
          if (colon < end - 1) from = colon + 1;
        } else {
          if (censorsSpan(context.keyVerdict(flag.name), text, start, end))
            from = start;
        }
      }
      if (from !== -1 && !isCensorAt(text, from, end, context.censor)) {
        found.push({ kind: 'command-line', start: from, end });
        covered = end;
      }
      dash = text.indexOf('-', Math.max(dash + 1, from === -1 ? 0 : end));
    }
  },
});
