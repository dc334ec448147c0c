import {
  describeTextCases,
  type CensoredCase,
  type KeptCase,
} from '../utils/text-cases.js';

const R = '[REDACTED]';
const LONG_KEY =
  'some_very_long_config_name_that_goes_on_and_on_and_on_database_password';

// Where keys and values start and end: the edges of the pair grammar.
const CENSORED: readonly CensoredCase[] = [
  // Keys.
  ['key after a colour code', '\u001b[1mpin=1234 ok', `\u001b[1mpin=${R} ok`],
  [
    'key after a 24-bit colour code',
    '\u001b[1;38;2;255;100;0mpin=1234\u001b[0m ok',
    `\u001b[1;38;2;255;100;0mpin=${R}\u001b[0m ok`,
  ],
  ['key after a reset code', '\u001b[mpin=1234 ok', `\u001b[mpin=${R} ok`],
  [
    'key longer than 64 characters',
    `${LONG_KEY}=hunter2 ok`,
    `${LONG_KEY}=${R} ok`,
  ],
  [
    'quoted key longer than 64 characters',
    `{"${LONG_KEY}":"hunter2"}`,
    `{"${LONG_KEY}":"${R}"}`,
  ],
  ['key after a dash', '-pin=1234 ok', `-pin=${R} ok`],
  ['key after digits', '9pin=1234 ok', `9pin=${R} ok`],
  ['key after blanks at the start', '   pin=1234', `   pin=${R}`],
  ['key after no-break space', 'my\u00a0pin=1234', `my\u00a0pin=${R}`],
  ['key after ideographic space', 'my\u3000pin=1234', `my\u3000pin=${R}`],
  ['key after en quad', 'my\u2000pin=1234', `my\u2000pin=${R}`],
  ['key after hair space', 'my\u200apin=1234', `my\u200apin=${R}`],
  ['key after a curly quote', 'my\u2018pin=1234', `my\u2018pin=${R}`],
  ['key after a curly double quote', 'my\u201fpin=1234', `my\u201fpin=${R}`],
  ['key after fullwidth colon', 'my\uff1apin=1234', `my\uff1apin=${R}`],
  ['key after fullwidth equals', 'my\uff1dpin=1234', `my\uff1dpin=${R}`],
  ['bracketed key in text', 'x[pin] => 1234', `x[pin] => ${R}`],
  ['bracketed quoted key', '["pin"] => 1234', `["pin"] => ${R}`],
  // Values read to the line's end (headers).
  [
    'header value before CRLF',
    'Cookie: sid=abc\r\nHost: x',
    `Cookie: ${R}\r\nHost: x`,
  ],
  [
    'header value before blanks',
    'Cookie: a=1; sid=abc   \nnext',
    `Cookie: ${R}   \nnext`,
  ],
  [
    "header in ''",
    "curl -H 'Cookie: sid=abc' https://x",
    `curl -H 'Cookie: ${R}' https://x`,
  ],
  [
    'header in ""',
    'curl -H "Cookie: sid=abc" https://x',
    `curl -H "Cookie: ${R}" https://x`,
  ],
  [
    'header in ``',
    'curl -H `Cookie: sid=abc` https://x',
    `curl -H \`Cookie: ${R}\` https://x`,
  ],
  [
    'header in an unclosed quote',
    "curl -H 'Cookie: sid=abc",
    `curl -H 'Cookie: ${R}`,
  ],
  // Quoted values.
  [
    'unclosed quote ends at LF',
    'password="abc\nnext line',
    `password="${R}\nnext line`,
  ],
  [
    'unclosed quote ends at CR',
    'password="abc\r\nnext line',
    `password="${R}\r\nnext line`,
  ],
  ['quoted keyword', 'password: "string"', `password: "${R}"`],
  [
    'escaped quoted keyword',
    '{\\"password\\":\\"string\\"}',
    `{\\"password\\":\\"${R}\\"}`,
  ],
  ['backticked keyword', 'password: `new`', `password: \`${R}\``],
  [
    "escaped ''",
    "{\\'password\\':\\'hunter2\\'}",
    `{\\'password\\':\\'${R}\\'}`,
  ],
  [
    'escaped quote left open',
    '{\\"password\\":\\"hunter2 more\nnext',
    `{\\"password\\":\\"${R}\nnext`,
  ],
  // Bracketed values.
  ['nested object', 'password={"a":{"b":1},"c":2} rest', `password=${R} rest`],
  ['object', 'password={x} ok', `password=${R} ok`],
  ['object left open', 'password={x', `password=${R}`],
  ['word glued after a bracket', 'password=[abc]def ok', `password=${R} ok`],
  ['word glued in parentheses', '(password=[a]b)', `(password=${R})`],
  ['array in JSON', '{"password":["a","b"],"x":1}', `{"password":${R},"x":1}`],
  [
    'object before a sentence ends',
    'password={x}. Next',
    `password=${R}. Next`,
  ],
  // Bare values: where the next pair begins.
  [
    'next pair after blanks',
    'password=ab&  user=bob',
    `password=${R}&  user=bob`,
  ],
  ['next pair with a dotted key', 'password=ab;x.y=1', `password=${R};x.y=1`],
  ['no spaced key after &', 'password=ab&User Id=sa', `password=${R} Id=sa`],
  ['no key after ;', 'password=ab;=cd ok', `password=${R} ok`],
  [
    'next pair with a blank before =',
    'password=ab; user =x',
    `password=${R}; user =x`,
  ],
  ['next pair with :', 'password=ab&user:bob', `password=${R}&user:bob`],
  ['; inside a value', 'password=ab;cd;x=1', `password=${R};x=1`],
  [
    'numeric entity after a value',
    'href="/login?password=abc&#38;user=bob"',
    `href="/login?password=${R}&#38;user=bob"`,
  ],
  [
    'longest entity name',
    'password=abc&abcdefgh;x=1',
    `password=${R}&abcdefgh;x=1`,
  ],
  ['too long for an entity', 'password=abc&abcdefghi;x=1', `password=${R};x=1`],
  ['empty entity', 'password=ab&;x=1', `password=${R};x=1`],
  // Bare values: brackets balanced inside, unbalanced ones left to what holds the pair.
  ['balanced () at the end', '(password=a(b))', `(password=${R})`],
  ['balanced [] at the end', '[password=a[b]]', `[password=${R}]`],
  ['balanced {} at the end', '{password=a{b}}', `{password=${R}}`],
  ['call in a value', 'password=f(x) rest', `password=${R} rest`],
  ['index in a value', 'password=a[b] rest', `password=${R} rest`],
  ['braces in a value', 'password=a{b} rest', `password=${R} rest`],
  ['two closers left over', '((password=x(y)))', `((password=${R}))`],
  [
    'ideographic space after a value',
    'password=abc\u3000next',
    `password=${R}\u3000next`,
  ],
  ['| starting a bare value', 'password=|abc def', `password=${R} def`],
  // YAML block values.
  [
    'block with blanks at the end',
    'password: |\n  line1\n    ',
    `password: |\n  ${R}\n    `,
  ],
  [
    'block indicator with blanks after it',
    'password: |  \n  hunter2\nnext: 1',
    `password: |  \n  ${R}\nnext: 1`,
  ],
  [
    'block in CRLF',
    'password: |\r\n  hunter2\r\nnext: 1',
    `password: |\r\n  ${R}\r\nnext: 1`,
  ],
  [
    'block in CRLF after a blank line',
    'password: |\r\n\r\n  hunter2\r\nnext: 1',
    `password: |\r\n\r\n  ${R}\r\nnext: 1`,
  ],
  // Values that look like code or a mask, and are not.
  ['type name with a digit', 'password: P4ss)', `password: ${R})`],
  ['lower-case word before )', 'password: pass)', `password: ${R})`],
  ['capitalised word ending the text', 'password: Password', `password: ${R}`],
  ['symbol first', 'password: @Pass)', `password: ${R})`],
  [
    'markdown emphasis around a value',
    'password: **secret**',
    `password: ${R}`,
  ],
  ['one star', 'password: *', `password: ${R}`],
  ['star then a letter', 'password: *x', `password: ${R}`],
  ['$ before a letter', 'password: $a rest', `password: ${R} rest`],
  ['$ before a symbol', 'password: $/ rest', `password: ${R} rest`],
  ['? before a letter', 'password=?x rest', `password=${R} rest`],
  ['%s before a letter', 'password=%sx rest', `password=${R} rest`],
  ['%d', 'password=%d rest', `password=${R} rest`],
  // Markup.
  [
    'CDATA element',
    '<password><![CDATA[hunter2]]></password>',
    `<password><![CDATA[${R}]]></password>`,
  ],
  [
    'CDATA holding markup',
    '<password><![CDATA[hun<ter>2]]></password>',
    `<password><![CDATA[${R}]]></password>`,
  ],
  [
    'attributes on the next line',
    '<password\n  type="text">hunter2</password>',
    `<password\n  type="text">${R}</password>`,
  ],
  [
    'attributes after a tab',
    '<password\ttype="text">hunter2</password>',
    `<password\ttype="text">${R}</password>`,
  ],
  [
    'value starting with /',
    '<password a="1">/hunter2</password>',
    `<password a="1">${R}</password>`,
  ],
  [
    'two elements and one between',
    '<a><password>x1</password><b>y</b><secret>s2</secret></a>',
    `<a><password>${R}</password><b>y</b><secret>${R}</secret></a>`,
  ],
  [
    'element after a CDATA section left open',
    '<a><![CDATA[x <password>y</password>',
    `<a><![CDATA[x <password>${R}</password>`,
  ],
  // Connection strings.
  ['one-letter scheme', 's://admin:hunter2@db', `s://admin:${R}@db`],
];

const KEPT: readonly KeptCase[] = [
  ['no escape before a bracket and digits', '[1mpin=1234'],
  ['a word ending in a secret word', '\u00e9pin=1234'],
  ['bracket closing a key it did not open', 'pin] => 1234'],
  ['quoted key in a bracket it did not open', '"pin"] => 1234'],
  ['empty value', 'password='],
  ['empty value before the next pair', 'password=;x=1'],
  ['blank object', 'password={ } ok'],
  ['object holding a line break', 'password={\n} ok'],
  ['object holding CRLF', 'password={\r\n} ok'],
  ['array holding a tab', 'password=[\t] ok'],
  ['blank array', 'password=[ ] ok'],
  ['JSON schema', "password: { type: 'string', minLength: 8 }"],
  [
    'JSON schema inside an object',
    "{ password: { type: 'string' }, name: 'x' }",
  ],
  ['parameter type', 'constructor(private token: Token) {}'],
  ['parameter list', '(key: Key, secret: Secret)'],
  ['type then ;', 'password: Password;'],
  ['camel-case type', 'password: PassWord)'],
  ['type from Z', 'password: Zebra)'],
  ['type from A', 'password: Apple)'],
  ['two-letter type', 'password: AZ)'],
  ['type before blanks', 'password: Pass  )'],
  ['union type', 'password: Pass | Foo'],
  ['generic argument', 'password: Pass > x'],
  ['type then ,', 'password: Pass,'],
  ['mask', 'password: *****'],
  ['mask of four', 'password: ****'],
  ['emphasis opening', 'password: ** bold'],
  ['underscores before a word', 'password: __ string'],
  ['bullets', 'password: \u2022\u2022\u2022\u2022 ok'],
  ['SQL parameter', 'password: $1 rest'],
  ['template variable', 'password: ${PASSWORD} rest'],
  ['SQL parameter $9', 'password: $9 rest'],
  ['SQL parameter $0', 'password: $0 rest'],
  ['placeholder ?', 'password=? rest'],
  ['placeholder ? at the end', 'password: ?'],
  ['printf %s', 'password=%s rest'],
  ['printf %s at the end', 'password=%s'],
  ['self-closing element', '<password type="x"/>'],
  ['empty element', '<password></password>'],
  ['unclosed CDATA', '<password><![CDATA[hunter2'],
  ['user name as userinfo', 'https://jenkins-deploy-user@git.example.org/x'],
];

describeTextCases('pair edges', CENSORED, KEPT);
