/** The message a failure line carries, as the filter writes it. */
export const FAILURE_MESSAGE = 'Unhandled Error on POST /orders';

/** Item counts of the two record sizes. */
export const SIZES = [
  { label: 'small', items: 10 },
  { label: 'large', items: 1_000 },
] as const;

/** pino / @pinojs/redact paths for the secrets the record holds in fields (they cannot see inside text). */
export const PINO_REDACT_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'body.password',
  'body.card.number',
  'body.card.cvv',
];

// Twelve frames, as a failure deep in a service and Nest's router leaves them.
const FRAMES = [
  'OrdersRepository.findById (/srv/app/dist/orders/orders.repository.js:42:11)',
  'async OrdersService.checkout (/srv/app/dist/orders/orders.service.js:88:19)',
  'async OrdersController.create (/srv/app/dist/orders/orders.controller.js:31:16)',
  'async /srv/app/node_modules/@nestjs/core/router/router-execution-context.js:46:28',
  'async /srv/app/node_modules/@nestjs/core/router/router-proxy.js:9:17',
  'Layer.handleRequest (/srv/app/node_modules/router/lib/layer.js:152:17)',
  'next (/srv/app/node_modules/router/lib/route.js:157:13)',
  'Route.dispatch (/srv/app/node_modules/router/lib/route.js:117:3)',
  'handle (/srv/app/node_modules/router/index.js:435:11)',
  'Layer.handleRequest (/srv/app/node_modules/router/lib/layer.js:152:17)',
  '/srv/app/node_modules/router/index.js:295:15',
  'processParams (/srv/app/node_modules/router/index.js:582:12)',
];

function failure(): Error {
  const error = new Error(
    'login to payments API failed for ada@example.com: password=hunter2-Correct-Horse rejected (HTTP 401)',
  );
  error.stack = `Error: ${error.message}\n${FRAMES.map((f) => `    at ${f}`).join('\n')}`;
  return error;
}

function items(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${String(100_000 + i)}`,
    name: `Stainless steel water bottle, 750 ml, model ${i}`,
    quantity: 1 + (i % 4),
    unitPrice: 19.99 + (i % 7),
    currency: 'EUR',
    giftWrap: i % 5 === 0,
  }));
}

/**
 * The fields of one failure line: request, user, headers with credentials, a body with a password and
 * a card, and the error. `error: 'plain'` gives the error as `{ name, message, stack }`, so plain
 * `JSON.stringify` (which writes a live Error as `{}`) serialises the same text as `redact()`.
 */
export function failureFields(
  itemCount: number,
  error: 'live' | 'plain',
): Record<string, unknown> {
  const err = failure();
  return {
    requestId: '3f9a1c0b7d2e4a65',
    method: 'POST',
    url: '/orders?source=checkout&step=3',
    route: '/orders',
    statusCode: 500,
    userId: 4242,
    headers: {
      host: 'api.example.com',
      connection: 'keep-alive',
      'user-agent':
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'en-GB,en;q=0.9',
      'content-type': 'application/json',
      'content-length': '2048',
      authorization:
        'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MjQyIiwibmFtZSI6IkFkYSJ9.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      cookie: 'sid=s%3A8f2b6c1d9e0a.Zm9vYmFyYmF6; theme=dark; lang=en',
      'x-api-key': 'sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt',
      'x-forwarded-for': '203.0.113.7',
    },
    body: {
      customerId: 'cus_9f2a7c41',
      email: 'ada@example.com',
      password: 'hunter2-Correct-Horse',
      card: {
        number: '4111 1111 1111 1111',
        cvv: '123',
        expiry: '12/29',
        holder: 'Ada Lovelace',
      },
      shippingAddress: {
        line1: '12 Analytical Row',
        city: 'London',
        postcode: 'N1 9GU',
        country: 'GB',
      },
      items: items(itemCount),
    },
    error:
      error === 'live'
        ? err
        : { name: err.name, message: err.message, stack: err.stack },
  };
}
