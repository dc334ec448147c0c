import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { getRequestId } from '../../lib/index.js';
import { createRequestIdGenerator } from '../../lib/request-id/request-id.generator.js';
import { RequestIdMiddleware } from '../../lib/request-id/request-id.middleware.js';
import { SafeErrorsConfig } from '../../lib/module/safe-errors.config.js';
import { collectGarbage, type BenchConfig } from '../support/config.js';
import { microSide } from '../support/micro.js';
import { alternate, ceiling, type Comparison } from '../support/stats.js';

// Per tinybench call: one reading of the clock costs more than an ID, so many IDs share one sample.
const IDS_PER_CALL = 10_000;
const REQUESTS_PER_CALL = 1_000;

export async function idComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const generate = createRequestIdGenerator();
  let length = 0;

  // Node's own request and response, on a socket that never connects: setHeader validates as in a server.
  const req = new IncomingMessage(new Socket());
  req.headers = {
    host: '127.0.0.1:3000',
    'user-agent': 'bench',
    accept: '*/*',
  };
  const res = new ServerResponse(req);
  const middleware = new RequestIdMiddleware(new SafeErrorsConfig(undefined));
  let seen = 0;
  const next = () => {
    if (getRequestId() !== undefined) seen++;
  };

  middleware.use(req, res, next);
  const header = res.getHeader('x-request-id');
  if (seen !== 1 || typeof header !== 'string' || header.length !== 16) {
    throw new Error('the middleware did not assign an ID');
  }

  config.log('  request IDs');
  const samples = await alternate(
    [
      microSide({
        name: 'generator',
        opsPerCall: IDS_PER_CALL,
        timeMs: config.microMs,
        report: 'micros',
        fn: () => {
          for (let i = 0; i < IDS_PER_CALL; i++) length += generate().length;
        },
      }),
      microSide({
        name: 'middleware',
        opsPerCall: REQUESTS_PER_CALL,
        timeMs: config.microMs,
        report: 'micros',
        fn: () => {
          for (let i = 0; i < REQUESTS_PER_CALL; i++)
            middleware.use(req, res, next);
        },
      }),
    ],
    { rounds: config.microRounds, between: collectGarbage, log: config.log },
  );
  if (length === 0 || seen < 2) throw new Error('nothing was generated');
  return [
    ceiling(
      {
        name: 'Request ID generation (16 hex chars, CSPRNG pool)',
        unit: 'µs/ID',
        limit: 0.3,
      },
      samples.get('generator') ?? [],
    ),
    ceiling(
      {
        name: 'Request-ID middleware use() per request',
        unit: 'µs/request',
        limit: 2,
        note: "Node's IncomingMessage/ServerResponse on an unconnected socket; includes setHeader and AsyncLocalStorage.run",
      },
      samples.get('middleware') ?? [],
    ),
  ];
}
