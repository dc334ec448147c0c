import type { ResponseLike } from 'nestjs-safe-errors/testing';

/** A response that leaks nothing: `findLeaks` must report no finding at all. */
export interface CleanSample {
  readonly name: string;
  readonly response: ResponseLike;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const REQUEST_ID = '3f9a1c0b7d2e4a65';

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ResponseLike {
  return {
    status,
    headers: { ...JSON_TYPE, 'x-request-id': REQUEST_ID, ...headers },
    text: JSON.stringify(body),
  };
}

function html(status: number, body: string): ResponseLike {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body,
  };
}

/** Ordinary and error responses that must not be flagged. */
export const CLEAN_CORPUS: readonly CleanSample[] = [
  {
    name: 'a normal JSON 200',
    response: json(200, {
      id: 1,
      userId: 'u_42',
      items: [{ sku: 'BOOK-1', quantity: 1 }],
      total: 1999,
      status: 'paid',
    }),
  },
  {
    name: "Nest's 404 with a query string",
    response: json(404, {
      message: 'Cannot GET /no/such?q=1',
      error: 'Not Found',
      statusCode: 404,
    }),
  },
  {
    name: "Nest's 404 for a route that looks like a server path",
    response: json(404, {
      message: 'Cannot GET /home/deploy/app/index.js',
      error: 'Not Found',
      statusCode: 404,
    }),
  },
  {
    name: "Nest's 404 for an unusual method",
    response: json(404, {
      message: 'Cannot PROPFIND /orders/1',
      error: 'Not Found',
      statusCode: 404,
    }),
  },
  {
    name: "Nest's own NotFoundException message",
    response: json(404, {
      message: 'Order 7 not found',
      error: 'Not Found',
      statusCode: 404,
    }),
  },
  {
    name: "ValidationPipe's 400",
    response: json(400, {
      message: [
        'name must be a string',
        'email must be an email',
        'items must contain at least 1 elements',
      ],
      error: 'Bad Request',
      statusCode: 400,
    }),
  },
  {
    name: "Nest's 401",
    response: json(401, { message: 'Unauthorized', statusCode: 401 }),
  },
  {
    name: "Nest's 403",
    response: json(403, {
      message: 'Forbidden resource',
      error: 'Forbidden',
      statusCode: 403,
    }),
  },
  {
    name: "Nest's 413",
    response: json(413, {
      message: 'request entity too large',
      error: 'Payload Too Large',
      statusCode: 413,
    }),
  },
  {
    name: "Nest's malformed-JSON 400 quoting a harmless body",
    response: {
      status: 400,
      headers: JSON_TYPE,
      text: '{"message":"Unexpected token \'h\', \\"{\\"name\\":hello}\\" is not valid JSON","error":"Bad Request","statusCode":400}',
    },
  },
  {
    name: "Nest's 400 for truncated JSON",
    response: json(400, {
      message:
        "Expected property name or '}' in JSON at position 1 (line 1 column 2)",
      error: 'Bad Request',
      statusCode: 400,
    }),
  },
  {
    name: "Express's 400 for bad percent-encoding",
    response: json(400, {
      message: "Failed to decode param '%E0%A4%A'",
      error: 'Bad Request',
      statusCode: 400,
    }),
  },
  {
    name: "this library's opaque 500",
    response: json(
      500,
      {
        statusCode: 500,
        message: 'Internal server error',
        requestId: REQUEST_ID,
      },
      { 'cache-control': 'no-store' },
    ),
  },
  {
    name: 'an RFC 9457 problem',
    response: json(403, {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      balance: 30,
      accounts: ['/account/12345', '/account/67890'],
    }),
  },
  {
    name: 'an RFC 9457 problem with about:blank',
    response: json(404, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
    }),
  },
  {
    name: 'plain English',
    response: {
      status: 404,
      headers: { 'content-type': 'text/plain' },
      body: 'The order could not be found. Please select another one from the list, update your search, or contact support at help@example.com. We are open at noon (12:30:45) on weekdays.',
    },
  },
  {
    name: 'UUIDs and ISO dates',
    response: json(200, {
      id: '3f2c8a4e-9b1d-4c7e-8f00-2a6b5d9e1c34',
      createdAt: '2024-05-01T12:34:56.789Z',
      expiresAt: '2024-05-31',
      epochMs: 1714566896789,
    }),
  },
  {
    name: 'prices and a shipping option',
    response: json(200, {
      total: '€1,299.00',
      shipping: 'Express 2.99',
      tax: 0.19,
      items: 3,
      orderNo: '4111111111111112',
    }),
  },
  {
    name: 'an HTML page with asset links',
    response: html(
      200,
      '<!doctype html><html><head><link rel="stylesheet" href="/app/main.css"><script src="/app/static/app.js"></script></head><body><a href="/home/feed/index.php">Home</a><p>Powered by our own team.</p></body></html>',
    ),
  },
  {
    name: "Express's production 404 page",
    response: html(
      404,
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /var/log/app.log</pre>\n</body>\n</html>\n',
    ),
  },
  {
    name: "Express's production 500 page",
    response: html(
      500,
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n</html>\n',
    ),
  },
  {
    name: 'ordinary headers, a session cookie and a bare Server name',
    response: {
      status: 200,
      headers: {
        server: 'nginx',
        'content-type': 'application/json',
        'cache-control': 'private, max-age=0',
        etag: 'W/"5d-RLQWhpxqCJ20zL7qNR2wkfshdK4"',
        date: 'Tue, 07 May 2024 10:12:44 GMT',
        vary: 'Accept-Encoding',
        'strict-transport-security': 'max-age=63072000; includeSubDomains',
        'content-security-policy': "default-src 'self'",
        'set-cookie': [
          'sid=s%3Aq1Xw9vS3bL0pZ7kE2rT8.yU4iO6aD5fG1hJ3kL9mN0oP; Path=/home; HttpOnly; Secure',
        ],
        'x-request-id': REQUEST_ID,
      },
      body: '{"ok":true}',
    },
  },
  {
    name: 'a redirect to a public URL path',
    response: {
      status: 302,
      headers: { location: '/home/dashboard/settings' },
      body: 'Found. Redirecting to /home/dashboard/settings',
    },
  },
  {
    name: "Express's HTML redirect body",
    response: html(
      302,
      '<p>Found. Redirecting to <a href="/var/www/static/index.html">/var/www/static/index.html</a></p>',
    ),
  },
  {
    name: 'the word Error and an OAuth error code',
    response: json(400, {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired or revoked',
      hint: 'Error',
    }),
  },
  {
    name: 'a tech stack, a trace ID and a service name',
    response: json(200, {
      stack: 'MEAN',
      trace: '4bf92f3577b34da6a3ce929d0e0e4736',
      name: 'Orders API',
      type: 'service',
    }),
  },
  {
    name: 'HTTP reason phrases as error codes',
    response: json(500, {
      error: {
        code: 'InternalServerError',
        message: 'An unexpected error occurred.',
      },
    }),
  },
  {
    name: 'version-looking fields that are not banners',
    response: json(200, {
      version: '2.4.1',
      apiVersion: '2024-05-01',
      license: 'Apache 2.0',
      engines: { node: '>=20' },
      build: '10.0.19045.1',
    }),
  },
  {
    name: 'public and loopback addresses without ports',
    response: json(200, {
      clientIp: '203.0.113.7',
      dns: '8.8.8.8',
      loopback: '127.0.0.1',
      region: 'eu-west-1',
      local: true,
    }),
  },
  {
    name: 'links and URLs',
    response: json(200, {
      links: { self: '/orders/1', next: '/orders?page=2' },
      docs: 'https://api.example.com/docs/errors/not-found',
      file: 'invoice-2024-05.pdf',
      download: 'https://cdn.example.com/srv/invoices/2024/invoice-2024-05.pdf',
    }),
  },
  {
    name: 'a GraphQL error',
    response: json(200, {
      errors: [
        { message: 'Not authorised', extensions: { code: 'FORBIDDEN' } },
      ],
      data: null,
    }),
  },
  {
    name: 'too many requests',
    response: json(429, {
      message: 'Too many requests, retry after 30 seconds',
      statusCode: 429,
    }),
  },
  {
    name: 'an empty 204',
    response: {
      status: 204,
      headers: { 'x-request-id': REQUEST_ID },
      body: '',
    },
  },
  {
    name: 'a Buffer body',
    response: {
      status: 200,
      body: Buffer.from('OK, 3 items shipped from our warehouse'),
    },
  },
  {
    name: 'an already parsed body',
    response: {
      status: 200,
      body: {
        results: [
          { title: 'How to select a database', tags: ['sql', 'postgres'] },
        ],
      },
    },
  },
  {
    name: 'markdown with a code word',
    response: {
      status: 200,
      body: 'Use `select` to pick a plan; update it from settings. Paths like /orders/1 and /users/me are documented.',
    },
  },
  {
    name: 'a tech stack, not a stack trace',
    response: json(200, { name: 'shop', stack: ['react', 'node', 'postgres'] }),
  },
  {
    name: 'prose that says "is not a function of"',
    response: json(200, {
      faq: 'This feature is not a function of your plan.',
    }),
  },
  /* --------------------------------------- generic 5xx messages, any framework */
  {
    name: "this library's opaque 500",
    response: json(500, {
      statusCode: 500,
      message: 'Internal server error',
      requestId: REQUEST_ID,
    }),
  },
  {
    name: "seed 003's secure Flask handler",
    response: json(500, {
      error: 'An internal server error occurred',
      ref: 'check_logs',
    }),
  },
  {
    name: "Flask's default 500 page",
    response: html(
      500,
      '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n',
    ),
  },
  {
    name: "Express's production 500",
    response: html(
      500,
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n</html>\n',
    ),
  },
  {
    name: "Django's 500 with DEBUG = False",
    response: html(
      500,
      '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n',
    ),
  },
  {
    name: "nginx's 502 page",
    response: html(
      502,
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    ),
  },
  {
    name: 'a 503 asking to retry, with a reference',
    response: json(503, {
      message:
        "We're sorry, the service is temporarily unavailable. Please try again later (ref 7f3a9c21).",
    }),
  },
  {
    name: 'a 404 whose type is the reason phrase',
    response: json(404, { type: 'NotFound', message: 'No such order' }),
  },
  {
    name: "a settings dump whose password the framework masked (Django's style)",
    response: html(
      200,
      "<pre>DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'PASSWORD': '********************', 'USER': ''}}</pre>",
    ),
  },
];
