import {
  describeTextCases,
  type CensoredCase,
  type KeptCase,
} from '../utils/text-cases.js';

const R = '[REDACTED]';

const CENSORED: readonly CensoredCase[] = [
  ['Go :=', 'password := "hunter2"', `password := "${R}"`],
  [
    '== with a literal',
    'if password == "hunter2" then',
    `if password == "${R}" then`,
  ],
  [
    'Ruby symbol =>',
    ':password => "hunter2", :user => "bob"',
    `:password => "${R}", :user => "bob"`,
  ],
  [
    'PHP/Ruby string key =>',
    "'password' => 'hunter2',",
    `'password' => '${R}',`,
  ],
  [
    'print_r [key] => bare',
    '[password] => hunter2\n[user] => bob',
    `[password] => ${R}\n[user] => bob`,
  ],
  [
    'XML element',
    '<login><password>hunter2</password></login>',
    `<login><password>${R}</password></login>`,
  ],
  [
    'a base64 code in a code element (a slash, no dot)',
    '<code>q1Xw9vS3/bL0pZ7kE2rT8+yU4iO6aD5fG</code>',
    `<code>${R}</code>`,
  ],
  [
    'XML element with attributes',
    '<Password type="text">hunter2</Password>',
    `<Password type="text">${R}</Password>`,
  ],
  [
    'YAML block value',
    'db:\n  password: |\n    hunter2\n    more\nport: 5432',
    `db:\n  password: |\n    ${R}\nport: 5432`,
  ],
  [
    'YAML folded value',
    'secret: >-\n  s3cr3t-line\nnext: 1',
    `secret: >-\n  ${R}\nnext: 1`,
  ],
  ['value holding )', 'password=ab)cd rest', `password=${R} rest`],
  ['value holding ;', 'password=ab;cd rest', `password=${R} rest`],
  ['value holding ,', 'password=ab,cd rest', `password=${R} rest`],
  ['value holding &', 'password=ab&cd rest', `password=${R} rest`],
  ['value holding ] and }', 'password=a]b}c rest', `password=${R} rest`],
  [
    'value ends where the next pair begins',
    'password=ab&user=bob',
    `password=${R}&user=bob`,
  ],
  [
    'cookie attributes',
    'sid=abc; Path=/; HttpOnly',
    `sid=${R}; Path=/; HttpOnly`,
  ],
  [
    'ADO.NET keys with spaces',
    'Password=pa55;User Id=sa',
    `Password=${R};User Id=sa`,
  ],
  ['pair in parentheses', '(password=hunter2)', `(password=${R})`],
  // A capitalised word after `=` is a value, not a type (found by the fuzz suite).
  [
    'capitalised value in a call',
    'Symbol(password=Hunter)',
    `Symbol(password=${R})`,
  ],
  [
    'pair ending a sentence',
    'it was password=hunter2.',
    `it was password=${R}.`,
  ],
  [
    'curl -u',
    'curl -u deploy:hunter2 https://example.org',
    `curl -u deploy:${R} https://example.org`,
  ],
  [
    'curl --user',
    'curl --user deploy:hunter2 -X GET',
    `curl --user deploy:${R} -X GET`,
  ],
  [
    '--password x',
    'app --password hunter2 --port 80',
    `app --password ${R} --port 80`,
  ],
  [
    '--api-key "x"',
    'cli --api-key "k3y v4lue" next',
    `cli --api-key "${R}" next`,
  ],
  ['mysql -pX', 'mysql -u root -phunter2 shop', `mysql -u root -p${R} shop`],
  [
    'flags and arguments split by tabs',
    'app\t--password\thunter2\t--port 80; curl -u\tdeploy:hunter2 x',
    `app\t--password\t${R}\t--port 80; curl -u\tdeploy:${R} x`,
  ],
  [
    'token as URL userinfo',
    'git clone https://Zx81Kq2Lm0Np4Rs6Tv8W@github.com/o/r',
    `git clone https://${R}@github.com/o/r`,
  ],
  [
    '?key= in free text',
    'GET /maps?key=AbC123xyz&z=3',
    `GET /maps?key=${R}&z=3`,
  ],
  [
    '&sig= in free text',
    'blob?sv=2024&sig=Qx1%2Bz&se=1',
    `blob?sv=2024&sig=${R}&se=1`,
  ],
  [
    'X-Amz-Signature',
    '?X-Amz-Date=1&X-Amz-Signature=9f8e7d',
    `?X-Amz-Date=1&X-Amz-Signature=${R}`,
  ],
  ['X-Goog-Signature', '&X-Goog-Signature=abcd1234', `&X-Goog-Signature=${R}`],
  [
    'OAuth code',
    '/callback?code=4%2F0AX4Xf&state=s1',
    `/callback?code=${R}&state=s1`,
  ],
  [
    'client_assertion',
    '&client_assertion=eyA.eyB&x=1',
    `&client_assertion=${R}&x=1`,
  ],
  [
    'SharedAccessKey in a connection string',
    'Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=Ab3dEf6hIj9kLm2nOp4=',
    `Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=${R}`,
  ],
  [
    'AccountKey',
    'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zx81Kq2Lm0Np4Rs6Tv8W==;',
    `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${R};`,
  ],
  [
    'NBSP around =',
    'password\u00a0=\u00a0hunter2 ok',
    `password\u00a0=\u00a0${R} ok`,
  ],
  ['fullwidth =', 'password\uff1dhunter2 ok', `password\uff1d${R} ok`],
  ['fullwidth :', 'password\uff1a hunter2 ok', `password\uff1a ${R} ok`],
  [
    'Cyrillic а in the key',
    'p\u0430ssword=hunter2 ok',
    `p\u0430ssword=${R} ok`,
  ],
  [
    'fullwidth key',
    '\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44=hunter2',
    `\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44=${R}`,
  ],
  [
    'zero-width space in the key',
    'pass\u200bword=hunter2 ok',
    `pass\u200bword=${R} ok`,
  ],
  [
    'soft hyphen in the key',
    'pass\u00adword=hunter2 ok',
    `pass\u00adword=${R} ok`,
  ],
  ['percent-encoded pair', 'q=password%3Dhunter2&x=1', `q=password%3D${R}&x=1`],
  [
    'double-encoded pair',
    'q=password%253Dhunter2 ok',
    `q=password%253D${R} ok`,
  ],
  [
    '\\u-escaped key letter',
    '{"\\u0070assword":"hunter2"}',
    `{"\\u0070assword":"${R}"}`,
  ],
  [
    'HTML entity in the key',
    'pass&#119;ord=hunter2 ok',
    `pass&#119;ord=${R} ok`,
  ],
  [
    'HTML-encoded quotes',
    '{&quot;password&quot;:&quot;hunter2&quot;}',
    `{&quot;password&quot;:&quot;${R}&quot;}`,
  ],
  // Found by a red-team pass.
  [
    'Spring Session cookie',
    'Set-Cookie: SESSION=ZmFjZTAx; Path=/; HttpOnly',
    `Set-Cookie: ${R}`,
  ],
  ['cookie whose first name is a word', 'Cookie: a=1; sid=abc', `Cookie: ${R}`],
  [
    'ApiKey scheme',
    'Authorization: ApiKey VnVhQ2ZhYmM=',
    `Authorization: ${R}`,
  ],
  ['value with ( after =', 'password=Pa(ss1 ok', `password=${R} ok`],
  ['value with [ after =', 'password=Pa[ss1 ok', `password=${R} ok`],
  ['value starting with a keyword', 'password=true!23 ok', `password=${R} ok`],
  ['value starting with new-', 'password=new-Pass1! ok', `password=${R} ok`],
  [
    '& inside a value before spaced words',
    'user=bob password=ab&cd ip=1.2.3.4',
    `user=bob password=${R} ip=1.2.3.4`,
  ],
  [
    'index-quoted key',
    'params["password"]="hunter2"',
    `params["password"]="${R}"`,
  ],
  [
    'entity after a value',
    'href="/login?password=abc&amp;user=bob"',
    `href="/login?password=${R}&amp;user=bob"`,
  ],
  [
    'no-break space after a value',
    'password=abc\u00a0next word',
    `password=${R}\u00a0next word`,
  ],
  [
    'YAML block after a blank line',
    '  password: |\n\n    line1\n  next: 1',
    `  password: |\n\n    ${R}\n  next: 1`,
  ],
  [
    'PEM without its end line in JSON',
    '{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIE","client_email":"x@y.com"}',
    `{"private_key":"${R}","client_email":"x@y.com"}`,
  ],
];

// Code and prose that name a secret without holding one, and readable values under broad keys.
const KEPT: readonly KeptCase[] = [
  ['strict comparison', 'if (token === X) {'],
  ['comparison with a member', 'return token == user.token;'],
  ['arrow function', 'const f = (token) => token.trim();'],
  ['TypeScript type', 'password: string;'],
  ['optional property type', 'password?: string | undefined'],
  ['Mongoose type', '{ password: String, email: String }'],
  ['config member', 'secret: config.secret,'],
  ['environment variable', 'apiKey: process.env.API_KEY,'],
  ['config call', "secret: config.get('JWT_SECRET'),"],
  ['Go getenv', 'password := os.Getenv("DB_PASSWORD")'],
  ['this member', 'this.password = this.hash(password);'],
  ['new instance', 'token = new Token(payload)'],
  ['await', 'token = await sign(payload)'],
  ['prose after password:', 'Invalid value for password: too short'],
  ['validation message', 'password: must be at least 8 characters'],
  ['basic in prose', 'a basic GraphQL server'],
  ['Basic authentication in prose', 'Basic authentication is required'],
  ['cache key', 'cacheKey=user:42:orders'],
  ['sort key', 'sortKey: createdAt'],
  ['error code', 'code: ERR_INVALID_ARG_TYPE'],
  ['session word', 'session: expired'],
  ['flag after a secret word', 'passwordResetRequired=true'],
  ['-p as a flag of another command', 'ls -p /tmp and ssh -p 2222 host'],
  ['ssh userinfo', 'ssh://git@github.com/org/repo'],
  ['scope operator', 'Auth::password::check'],
  ['path of a tokenizer package', 'node_modules/@tokenizer/token/index.js:12'],
  ['SQL placeholder', 'SELECT id FROM users WHERE password_hash = $1'],
  ['template variable', 'password=${PASSWORD}'],
  ['keyword in a type listing', '  cookies: Object'],
  ['function of x', 'f(x)=(x+1)'],
  // Django's debug page: each frame's file in a <code> element, and `code` is a broad key.
  [
    'a file path in an HTML code element',
    '<code class="fname">/usr/lib/python3/dist-packages/django/core/handlers/exception.py</code>, line 47',
  ],
  ['a path under a broad key', 'code: /srv/app2/handlers/orders_v2.py'],
  // Found by CI in a mktemp checkout: a path with a random-looking folder before a scoped package.
  [
    'stack frame in a scoped package under a random folder',
    'at file:///tmp/tmp.ozgpDfO7t9/p/node_modules/@vitest/runner/dist/index.js:302:11',
  ],
];

describeTextCases('pair grammar', CENSORED, KEPT);
