// Source code and type declarations name secrets without holding them: `password: string`,
// `apiKey: process.env.API_KEY`, `secret: config.get('SECRET')`, `if (token === user.token)`.
// These are read as code, not as values.
const TYPE_AND_KEYWORDS: ReadonlySet<string> = new Set([
  'string',
  'number',
  'boolean',
  'any',
  'unknown',
  'never',
  'object',
  'bigint',
  'symbol',
  'void',
  'String',
  'Number',
  'Boolean',
  'Buffer',
  'Uint8Array',
  'Object',
  'new',
  'await',
  'typeof',
  'function',
  'async',
  'yield',
  'this',
  'super',
  'null',
  'true',
  'false',
  'undefined',
  'nil',
  'None',
  'True',
  'False',
]);

// Where a member chain starts in code that reads configuration or input rather than holding a secret.
const CODE_ROOTS: ReadonlySet<string> = new Set([
  'process',
  'env',
  'config',
  'configService',
  'cfg',
  'conf',
  'settings',
  'options',
  'opts',
  'this',
  'self',
  'ctx',
  'context',
  'req',
  'request',
  'res',
  'body',
  'dto',
  'input',
  'params',
  'props',
  'args',
  'data',
  'user',
  'values',
  'form',
  'os',
  'System',
  'ENV',
  'import',
  'window',
  'globalThis',
  'secrets',
  'vault',
]);

// Words that follow `password:` in prose and error messages (`Invalid value for password: too short`).
const PROSE: ReadonlySet<string> = new Set([
  'too',
  'is',
  'was',
  'are',
  'must',
  'should',
  'cannot',
  'can',
  'does',
  'did',
  'not',
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'for',
  'to',
  'in',
  'at',
  'has',
  'have',
  'required',
  'missing',
  'invalid',
  'empty',
  'expired',
  'incorrect',
  'wrong',
  'mismatch',
  'contains',
  'needs',
  'length',
  'minimum',
  'maximum',
  'none',
  'hidden',
  'redacted',
  'unset',
  'set',
  'changed',
  'updated',
  'reset',
]);

function isIdentifierStart(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code === 0x24
  );
}

function isIdentifierChar(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}

/**
 * Whether the unquoted value at `[start, end)` is code: a type or keyword (`string`, `new`, `await`),
 * a call (`getSecret(`, `config.get(`), or a member chain from a configuration or input root
 * (`process.env.X`, `this.password`, `dto.password`).
 */
export function isCodeValue(text: string, start: number, end: number): boolean {
  let i = start;
  if (!isIdentifierStart(text.charCodeAt(i))) return false;
  let dots = 0;
  let firstEnd = -1;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isIdentifierChar(code)) {
      i++;
      continue;
    }
    if (firstEnd === -1) firstEnd = i;
    if (code === 0x3f && text.charCodeAt(i + 1) === 0x2e) i++;
    if (
      text.charCodeAt(i) === 0x2e &&
      isIdentifierStart(text.charCodeAt(i + 1))
    ) {
      dots++;
      i++;
      continue;
    }
    break;
  }
  if (firstEnd === -1) firstEnd = i;
  const first = text.slice(start, firstEnd);
  const next = text.charCodeAt(i);
  // A call: `decrypt(`, `config.get(`. A generic type: `Record<`, `Array<`.
  if (next === 0x28 || (next === 0x3c && dots === 0)) return true;
  if (dots === 0) return i === firstEnd && TYPE_AND_KEYWORDS.has(first);
  return CODE_ROOTS.has(first);
}

const MAX_PROSE_WORD = 9;

/** Whether the bare word at `start`, after `key: `, is prose: `password: too short`, `password: required`. */
export function isProseAt(text: string, start: number): boolean {
  let end = start;
  while (end - start <= MAX_PROSE_WORD) {
    const code = text.charCodeAt(end) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    end++;
  }
  if (end === start || end - start > MAX_PROSE_WORD) return false;
  // The word must end there: `required` yes, `required42` no.
  const next = text.charCodeAt(end);
  if (isIdentifierChar(next) || next === 0x2d) return false;
  return PROSE.has(text.slice(start, end).toLowerCase());
}
