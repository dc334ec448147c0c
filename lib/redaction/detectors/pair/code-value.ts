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

// What may follow a word of code: the end, a blank, a line break, or punctuation that closes it.
function isDelimiter(code: number): boolean {
  return (
    Number.isNaN(code) ||
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3b ||
    code === 0x2c ||
    code === 0x29 ||
    code === 0x7d ||
    code === 0x5d ||
    code === 0x7c
  );
}

function isIdentifierChar(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}

// What follows a type in a parameter list or a declaration: `(token: Token)`, `key: Key,`, `x: Foo | Bar`.
const AFTER_TYPE = new Set([0x29, 0x2c, 0x3e, 0x7c, 0x3b, 0x3d]);

/** A capitalised name of letters only, followed by what follows a type: `token: Token)`. */
function isTypeAnnotation(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = start + 1; i < end; i++) {
    const lower = text.charCodeAt(i) | 0x20;
    if (lower < 0x61 || lower > 0x7a) return false;
  }
  let after = end;
  while (text.charCodeAt(after) === 0x20) after++;
  return AFTER_TYPE.has(text.charCodeAt(after));
}

/** Whether the value is a mask already (`*****`, `••••`) or markdown emphasis closing (`**`, `__`). */
export function isMaskAt(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c !== 0x2a && c !== 0x5f && c !== 0x2022) return false;
  let end = start + 1;
  while (text.charCodeAt(end) === c) end++;
  // The run must stand alone: `**secret**` is a value, `*****` and `__ string` are not.
  return end - start >= 2 && !isIdentifierChar(text.charCodeAt(end));
}

/**
 * Whether the unquoted value at `[start, end)` is code: a type or keyword (`string`, `new`, `await`),
 * a call (`getSecret(`, `config.get(`), or a member chain from a configuration or input root
 * (`process.env.X`, `this.password`, `dto.password`).
 */
export function isCodeValue(
  text: string,
  start: number,
  end: number,
  key?: string,
  colon = false,
): boolean {
  let i = start;
  const c0 = text.charCodeAt(i);
  // A placeholder: `$1`, `${PASSWORD}` (SQL parameters, shell and template variables), `?`, `%s`.
  if (c0 === 0x24) {
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 0x7b || (c1 >= 0x30 && c1 <= 0x39)) return true;
  }
  if (c0 === 0x3f && isDelimiter(text.charCodeAt(i + 1))) return true;
  if (
    c0 === 0x25 &&
    text.charCodeAt(i + 1) === 0x73 &&
    isDelimiter(text.charCodeAt(i + 2))
  )
    return true;
  if (!isIdentifierStart(c0)) return false;
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
  // A call: `decrypt(`, `config.get(`. An index: `cookies['sid']`. A generic type: `Record<`. After
  // `=` only a member's call is code: `password=Pa(ss1` is a value.
  if (
    (colon || dots > 0) &&
    (next === 0x28 || next === 0x5b || (next === 0x3c && dots === 0))
  ) {
    return true;
  }
  if (dots === 0) {
    // A keyword or a type is a word of its own (`true!23` is a value); a type follows `:` only.
    return (
      (TYPE_AND_KEYWORDS.has(first) && isDelimiter(next)) ||
      (colon && isTypeAnnotation(text, start, i))
    );
  }
  if (CODE_ROOTS.has(first)) return true;
  // A field copied from another object: `password: dto.password`, `cookies: login.cookies`.
  return (
    key !== undefined && text.slice(text.lastIndexOf('.', i) + 1, i) === key
  );
}

const MAX_PROSE_WORD = 9;

const MAX_WORD = 24;

function isLetterCode(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * Whether the bare text at `start`, after `key: `, is prose: a word such as `too`, `required`, `must`
 * (`password: too short`), or a word of letters that a sentence goes on after (`password: valid JS
 * source`, `_password_: password string according to…`). A value with a digit or a symbol is not prose.
 */
export function isProseAt(text: string, start: number): boolean {
  let end = start;
  while (end - start <= MAX_WORD && isLetterCode(text.charCodeAt(end))) end++;
  if (end === start || end - start > MAX_WORD) return false;
  // The word must end there: `required` yes, `required42` no.
  const next = text.charCodeAt(end);
  if (isIdentifierChar(next) || next === 0x2d) return false;
  if (
    end - start <= MAX_PROSE_WORD &&
    PROSE.has(text.slice(start, end).toLowerCase())
  )
    return true;
  return next === 0x20 && isLetterCode(text.charCodeAt(end + 1));
}
