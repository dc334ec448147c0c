import type {
  FindLeaksOptions,
  ResponseLike,
} from 'nestjs-safe-errors/testing';

/** A response that leaks, and exactly what `findLeaks` must report for it (`<kind> in <where>`). */
export interface LeakySample {
  readonly name: string;
  readonly response: ResponseLike;
  readonly options?: FindLeaksOptions;
  readonly expected: readonly string[];
  /** Secret strings in the response that must never appear in any evidence. */
  readonly secrets?: readonly string[];
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ResponseLike {
  return {
    status,
    headers: { ...JSON_TYPE, ...headers },
    text: JSON.stringify(body),
  };
}

// Written for these tests from the formats' documentation; none is a real credential.
const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzQyIiwicm9sZSI6ImFkbWluIn0.q1Xw9vS3bL0pZ7kE2rT8yU4iO6aD5fG1hJ3kL9mN0oP';
const AWS_KEY = 'AKIAZ3MPLE7QK2WX4TRB';
const CARD = '4111 1111 1111 1111';

/** At least three samples per kind, each with its exact findings. */
export const LEAKY_CORPUS: readonly LeakySample[] = [
  /* --------------------------------------------------------- stack-trace */
  {
    name: 'Node stack in a text body',
    response: {
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: [
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at OrdersService.invoiceFor (/srv/shop/dist/orders/orders.service.js:48:31)',
        '    at async Promise.all (index 0)',
      ].join('\n'),
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
    ],
  },
  {
    name: 'ESM and node: frames without function names',
    response: json(500, {
      message: 'request failed',
      details:
        '    at file:///opt/shop/dist/main.mjs:1:2042\n    at node:internal/process/task_queues:95:5',
    }),
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'file-path in body',
    ],
  },
  {
    name: 'Java stack trace',
    response: {
      status: 500,
      body: [
        'java.lang.IllegalArgumentException: id must be positive',
        '\tat com.shop.orders.OrderService.find(OrderService.java:57)',
        '\tat com.shop.orders.OrderController.get(OrderController.java:31)',
        '\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)',
      ].join('\n'),
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
    ],
  },
  {
    name: '.NET stack trace with a Windows path',
    response: json(500, {
      title: 'An error occurred',
      detail:
        'System.NullReferenceException: Object reference not set to an instance of an object.\r\n   at Shop.Orders.OrdersController.Get(Int32 id) in C:\\src\\Shop\\Orders\\OrdersController.cs:line 42',
    }),
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
    ],
  },
  {
    name: 'PHP uncaught exception',
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: [
        'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/html/src/Db.php:27',
        'Stack trace:',
        "#0 /var/www/html/src/Db.php(27): PDO->__construct('mysql:host=10.0.3.7;dbname=shop', 'shop', Object(SensitiveParameterValue))",
        '#1 {main}',
      ].join('\n'),
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
      'sql in body',
      'connection-string in body',
      'internal-address in body',
    ],
  },
  {
    name: "the article's Python traceback",
    response: {
      status: 500,
      body: 'Traceback (most recent call last): File "/opt/app/api/orders.py", line 218, in get_order row = db.fetchone(query, (order_id,)) File "/usr/local/lib/python3.11/site-packages/psycopg2/extras.py", line 144 psycopg2.errors.UndefinedColumn: column "totl" does not exist LINE 1: SELECT id, totl, status FROM orders WHERE user_id = ...',
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
      'sql in body',
    ],
  },
  {
    name: 'Ruby backtrace',
    response: {
      status: 500,
      body: "NoMethodError (undefined method `total' for nil:NilClass):\n  app/models/order.rb:12:in `invoice'\n  app/controllers/orders_controller.rb:8:in `show'",
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'exception-type in body',
    ],
  },
  {
    name: 'Go panic',
    response: {
      status: 500,
      body: 'panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1 [running]:\nmain.handler(...)\n\t/home/dev/shop/main.go:42 +0x1d',
    },
    expected: [
      'raw-message in body',
      'stack-trace in body',
      'file-path in body',
    ],
  },

  /* ------------------------------------------------------ exception-type */
  {
    name: 'Sequelize error name in a JSON field',
    response: json(500, {
      statusCode: 500,
      name: 'SequelizeDatabaseError',
      message: 'could not complete the request',
    }),
    expected: ['exception-type in body'],
  },
  {
    name: 'Prisma error class nested under error.type',
    response: json(409, {
      error: { type: 'PrismaClientKnownRequestError', code: 'P2002' },
    }),
    expected: ['exception-type in body'],
  },
  {
    name: 'MongoDB driver message',
    response: {
      status: 500,
      body: 'MongoServerError: E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: "a@example.com" }',
    },
    // The duplicate key's value is row data: reported as a secret too.
    expected: [
      'raw-message in body',
      'exception-type in body',
      'secret in body',
      'sql in body',
    ],
  },
  {
    name: 'V8 TypeError message without the class name',
    response: json(500, {
      message: "Cannot read properties of null (reading 'id')",
    }),
    expected: ['raw-message in body', 'exception-type in body'],
  },
  {
    name: 'the article red flag: type and trace fields',
    response: json(500, {
      error: 'column totl does not exist',
      type: 'UndefinedColumn',
      trace: 'Traceback (most recent call last)...',
    }),
    expected: [
      'raw-message in body',
      'exception-type in body',
      'stack-trace in body',
      'sql in body',
    ],
  },
  {
    name: 'an exception key holding an object',
    response: json(500, { ok: false, exception: { code: 17, at: 'billing' } }),
    expected: ['exception-type in body'],
  },

  /* ----------------------------------------------------------- file-path */
  {
    name: 'ENOENT with a config path',
    response: json(500, {
      message:
        "ENOENT: no such file or directory, open '/etc/shop/config.yaml'",
    }),
    expected: ['raw-message in body', 'file-path in body'],
  },
  {
    name: 'Windows path',
    response: json(500, {
      error: 'Template not found: C:\\inetpub\\wwwroot\\views\\order.cshtml',
    }),
    expected: ['raw-message in body', 'file-path in body'],
  },
  {
    name: 'require stack under node_modules',
    response: json(500, {
      message: "Cannot find module 'pg-native'",
      requireStack: ['/srv/api/node_modules/pg/lib/native/client.js'],
    }),
    expected: ['raw-message in body', 'file-path in body'],
  },
  {
    name: 'a developer home directory',
    response: {
      status: 500,
      body: 'Failed to load /Users/ada/projects/shop/.env',
    },
    expected: ['raw-message in body', 'file-path in body'],
  },

  /* ------------------------------------------------------ version-banner */
  {
    name: 'versioned Server header on a clean 404',
    response: json(
      404,
      { message: 'Cannot GET /x', error: 'Not Found', statusCode: 404 },
      { server: 'nginx/1.25.3' },
    ),
    expected: ['version-banner in header:server'],
  },
  {
    name: 'X-Powered-By and X-AspNet-Version',
    response: json(
      200,
      { ok: true },
      { 'x-powered-by': 'ASP.NET', 'x-aspnet-version': '4.0.30319' },
    ),
    expected: [
      'version-banner in header:x-powered-by',
      'version-banner in header:x-aspnet-version',
    ],
  },
  {
    name: "Express's default X-Powered-By",
    response: json(200, { ok: true }, { 'x-powered-by': 'Express' }),
    expected: ['version-banner in header:x-powered-by'],
  },
  {
    name: "nginx's own error page",
    response: {
      status: 502,
      headers: { ...HTML_TYPE, server: 'nginx' },
      body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>',
    },
    expected: ['version-banner in body'],
  },
  {
    name: 'Werkzeug banner in a body and header',
    response: {
      status: 500,
      headers: { server: 'Werkzeug/3.0.1 Python/3.11.4' },
      body: 'Internal error. Werkzeug/3.0.1 Python/3.11.4',
    },
    expected: [
      'raw-message in body',
      'version-banner in header:server',
      'version-banner in body',
    ],
  },
  {
    name: 'framework versions in a JSON error',
    response: json(500, {
      message: 'failed',
      runtime: 'Spring Boot 3.1',
      server: 'Express 4.18.2',
    }),
    expected: ['version-banner in body'],
  },

  /* ----------------------------------------------------------------- sql */
  {
    name: 'MySQL error code',
    response: json(500, {
      message: "ER_NO_SUCH_TABLE: Table 'shop.orderz' doesn't exist",
    }),
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'PostgreSQL syntax error',
    response: json(500, {
      message: 'syntax error at or near "WHERE"',
      code: '42601',
    }),
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'SQLite error',
    response: json(500, { message: 'SQLITE_ERROR: no such table: orders' }),
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'Oracle error',
    response: { status: 500, body: 'ORA-00942: table or view does not exist' },
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'a failed INSERT echoed back',
    response: json(500, {
      detail: 'INSERT INTO orders (user_id, total) VALUES ($1, $2) failed',
    }),
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'knex-style lower-case query',
    response: json(500, {
      message:
        'select "id", "total" from "orders" where "user_id" = $1 - timeout',
    }),
    expected: ['raw-message in body', 'sql in body'],
  },

  /* --------------------------------------------------- connection-string */
  {
    name: 'MongoDB URL with a password',
    response: json(500, {
      message:
        'connect failed (mongodb+srv://shop:Sup3rS3cret@cluster0.example.net/shop)',
    }),
    expected: ['raw-message in body', 'connection-string in body'],
    secrets: ['Sup3rS3cret'],
  },
  {
    name: 'Redis URL with a password',
    response: {
      status: 500,
      body: 'Error connecting to redis://default:hunter22x@cache.example.com:6379/0',
    },
    expected: ['raw-message in body', 'connection-string in body'],
    secrets: ['hunter22x'],
  },
  {
    name: 'PostgreSQL URL without a password, on a private address',
    response: json(503, {
      error:
        'could not connect to postgres://reporting@10.4.0.12:5432/analytics',
    }),
    expected: [
      'raw-message in body',
      'connection-string in body',
      'internal-address in body',
    ],
  },
  {
    name: 'ADO.NET connection string',
    response: {
      status: 500,
      body: 'Login failed. Server=sql01.example.com;Database=Shop;User Id=shop;Password=Winter2024!;',
    },
    expected: [
      'raw-message in body',
      'connection-string in body',
      'secret in body',
    ],
    secrets: ['Winter2024!'],
  },

  /* -------------------------------------------------------------- secret */
  {
    name: 'echoed Authorization header',
    response: json(500, {
      debug: { headers: { authorization: `Bearer ${JWT}` } },
    }),
    expected: ['secret in body'],
    secrets: [JWT],
  },
  {
    name: 'card number',
    response: json(402, { message: `payment declined for card ${CARD}` }),
    expected: ['secret in body'],
    secrets: [CARD],
  },
  {
    name: 'AWS access key ID',
    response: json(500, {
      config: { region: 'eu-west-1', accessKeyId: AWS_KEY },
    }),
    expected: ['secret in body'],
    secrets: [AWS_KEY],
  },
  {
    name: "Nest's malformed-JSON 400 quoting a password from the request",
    response: {
      status: 400,
      headers: JSON_TYPE,
      text: '{"message":"Unexpected token \'h\', \\"{\\"password\\":hunter2}\\" is not valid JSON","error":"Bad Request","statusCode":400}',
    },
    expected: ['secret in body'],
    secrets: ['hunter2'],
  },
  {
    name: 'API key in an echoed URL',
    response: json(502, {
      message:
        'upstream rejected https://api.example.com/v1/rates?api_key=k_9f8e7d6c5b4a3210',
    }),
    expected: ['raw-message in body', 'secret in body'],
    secrets: ['k_9f8e7d6c5b4a3210'],
  },

  /* --------------------------------------------------------- raw-message */
  {
    name: "Fastify's default handler: the thrown message",
    response: json(500, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'boom',
    }),
    expected: ['raw-message in body'],
  },
  {
    name: "Flask's `return str(e), 500`",
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: "invalid literal for int() with base 10: 'abc'",
    },
    expected: ['raw-message in body'],
  },
  {
    name: 'RFC 9457 problem details with the failure in detail',
    response: json(
      500,
      {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Order 42 has no billing customer',
      },
      { 'content-type': 'application/problem+json' },
    ),
    expected: ['raw-message in body'],
  },
  {
    name: 'a nested error message',
    response: json(503, {
      error: { code: 'E_LOCK', message: 'lock wait timeout on orders' },
    }),
    expected: ['raw-message in body'],
  },
  {
    name: "an upstream's URL in a 504",
    response: json(504, {
      message: 'upstream timed out: https://billing-eu.example.com/charge',
    }),
    expected: ['raw-message in body'],
  },
  {
    name: 'type(e).__name__ without the Error suffix',
    response: json(500, {
      error: 'Internal server error',
      type: 'UndefinedColumn',
    }),
    expected: ['exception-type in body'],
  },
  {
    name: "a 400 that names the validator's exception",
    response: json(400, {
      message: 'email is invalid',
      name: 'ValidationFailed',
    }),
    expected: ['exception-type in body'],
  },
  /* ---------------------------------------------------- internal-address */
  {
    name: 'private IPv4 with a port',
    response: json(500, { message: 'connect ECONNREFUSED 10.0.12.7:5432' }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'cluster-local service name',
    response: json(504, {
      message:
        'upstream timed out: http://inventory.svc.cluster.local:8080/stock',
    }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: '.internal host',
    response: json(500, { error: 'getaddrinfo ENOTFOUND payments.internal' }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'localhost with a port',
    response: {
      status: 502,
      body: 'proxy error: could not reach localhost:8081',
    },
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'redirect to a private address',
    response: {
      status: 302,
      headers: { location: 'http://192.168.1.20:3000/login' },
      body: '',
    },
    expected: ['internal-address in header:location'],
  },

  /* ---------------------------------------------------------- debug-page */
  {
    name: "Express's development error page",
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>TypeError: Cannot read properties of undefined (reading &#39;id&#39;)<br> &nbsp; &nbsp;at /srv/shop/routes/orders.js:18:25<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/srv/shop/node_modules/express/lib/router/layer.js:95:5)</pre>\n</body>\n</html>\n',
    },
    expected: [
      'raw-message in body',
      'debug-page in body',
      'stack-trace in body',
      'exception-type in body',
      'file-path in body',
    ],
  },
  {
    name: "Django's yellow page",
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: '<!DOCTYPE html><html lang="en"><head><title>ProgrammingError at /orders/7</title></head><body><div id="summary"><h1>ProgrammingError at /orders/7</h1><table class="meta"><tr><th>Request Method:</th><td>GET</td></tr><tr><th>Django Version:</th><td>4.2.7</td></tr></table></div><div id="explanation"><p>You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></div></body></html>',
    },
    expected: [
      'raw-message in body',
      'debug-page in body',
      'exception-type in body',
    ],
  },
  {
    name: 'Werkzeug debugger',
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: '<!doctype html><html><head><title>psycopg2.errors.UndefinedTable: relation "orderz" does not exist // Werkzeug Debugger</title><script src="?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js"></script></head><body></body></html>',
    },
    expected: [
      'raw-message in body',
      'debug-page in body',
      'exception-type in body',
      'sql in body',
    ],
  },
  {
    name: 'Spring Whitelabel page with the exception',
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: '<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id=\'created\'>Tue May 07 10:12:44 UTC 2024</div><div>There was an unexpected error (type=Internal Server Error, status=500).</div><div>java.lang.NullPointerException: Cannot invoke "com.shop.Order.getTotal()" because "order" is null</div></body></html>',
    },
    expected: [
      'raw-message in body',
      'debug-page in body',
      'exception-type in body',
    ],
  },
  {
    name: "Rails' development error page",
    response: {
      status: 500,
      headers: HTML_TYPE,
      body: '<!DOCTYPE html><html><head><title>Action Controller: Exception caught</title></head><body><header><h1>NoMethodError in OrdersController#show</h1></header><div id="container"><p><code>Rails.root: /home/deploy/shop</code></p></div></body></html>',
    },
    expected: [
      'raw-message in body',
      'debug-page in body',
      'exception-type in body',
      'file-path in body',
    ],
  },

  /* ------------------------------------------------------ planted-secret */
  {
    name: 'planted string echoed in a body',
    response: json(200, { echo: 'plant-s3cr3t-value' }),
    options: { secrets: ['plant-s3cr3t-value'] },
    expected: ['planted-secret in body'],
    secrets: ['plant-s3cr3t-value'],
  },
  {
    name: 'planted string in a header',
    response: {
      status: 200,
      headers: { 'x-debug-token': 'id=plant-7f3a91c2' },
      body: '',
    },
    options: { secrets: ['plant-7f3a91c2'] },
    expected: ['planted-secret in header:x-debug-token'],
    secrets: ['plant-7f3a91c2'],
  },
  {
    name: 'planted string JSON-escaped in a body',
    response: {
      status: 500,
      headers: JSON_TYPE,
      text: JSON.stringify({ note: 'got pa"ss\\word!' }),
    },
    options: { secrets: ['pa"ss\\word'] },
    expected: ['planted-secret in body'],
    secrets: ['pa"ss\\word', 'pa\\"ss\\\\word'],
  },
  {
    name: 'planted string URL-encoded in a Location header',
    response: {
      status: 302,
      headers: { location: '/login?next=%2Fme&hint=open%20sesame%2F42' },
      body: '',
    },
    options: { secrets: ['open sesame/42'] },
    expected: ['planted-secret in header:location'],
    secrets: ['open sesame/42', 'open%20sesame%2F42'],
  },
  {
    name: 'two planted strings, each reported',
    response: json(500, { a: 'first-plant-01', b: 'second-plant-02' }),
    options: { secrets: ['first-plant-01', 'second-plant-02', 'not-there-03'] },
    expected: ['planted-secret in body', 'planted-secret in body'],
    secrets: ['first-plant-01', 'second-plant-02'],
  },
  {
    name: 'Prisma invocation error',
    response: json(500, {
      error: 'Invalid `prisma.user.findUnique()` invocation: unknown argument',
    }),
    expected: ['raw-message in body', 'sql in body'],
  },
  {
    name: 'Node connection error to IPv6 loopback',
    response: json(500, { message: 'connect ECONNREFUSED ::1:5432' }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'Kubernetes service name',
    response: json(502, {
      message: 'upstream orders.default.svc:8080 timed out',
    }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'IPv6 unique local address',
    response: json(502, { message: 'no route to fd00:1:2::15' }),
    expected: ['raw-message in body', 'internal-address in body'],
  },
  {
    name: 'planted secret behind JSON escapes',
    response: {
      status: 500,
      headers: { 'content-type': 'application/json' },
      text: '{"pw":"p@ss\\/word99","name":"p\\u00e4ssword99"}',
    },
    options: { secrets: ['p@ss/word99', 'p\u00e4ssword99'] },
    // `pw` is a secret key too: its value is reported as a secret as well.
    expected: [
      'planted-secret in body',
      'planted-secret in body',
      'secret in body',
    ],
  },
  {
    name: 'a GitHub token and a PEM private key in a config dump',
    response: json(500, {
      github: `ghp_${'a1B2'.repeat(9)}`,
      key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----',
    }),
    expected: ['secret in body'],
    secrets: [`ghp_${'a1B2'.repeat(9)}`, 'MIIEvQIBADANBgkq'],
  },
];
