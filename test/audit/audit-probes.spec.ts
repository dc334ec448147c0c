import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  runAudit,
  type AuditOptions,
  type AuditResult,
} from '../../lib/cli/audit.runner.js';
import { capture } from './audit-io.js';

// What the audit puts on the wire, as a real HTTP server receives it: each probe's method, target,
// headers and body. The sizes are the ones the CLI advertises, written out here rather than imported.

/** One request as the server saw it. */
interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Recorder {
  readonly baseUrl: string;
  readonly host: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** A server that records every request whole and answers each with a clean JSON 404. */
async function recorder(): Promise<Recorder> {
  const received: Received[] = [];
  // Large enough for the 16 KiB URL and header probes: every probe reaches the handler.
  const server: Server = createServer(
    { maxHeaderSize: 1024 * 1024 },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end('{"statusCode":404,"message":"Not Found"}');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function audit(
  options: Omit<AuditOptions, 'baseUrl' | 'out' | 'err'> & { base?: string },
): Promise<{ received: Received[]; host: string; result: AuditResult }> {
  const server = await recorder();
  try {
    const { base = '', ...rest } = options;
    const result = await runAudit({
      baseUrl: server.baseUrl + base,
      out: capture(),
      err: capture(),
      ...rest,
    });
    return { received: server.received, host: server.host, result };
  } finally {
    await server.close();
  }
}

const UNKNOWN_ROUTE = /^\/safe-errors-audit-[0-9a-f]{12}$/;
const DEFAULT_ACCEPT = 'application/json, text/plain, */*';
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const LONG = 16 * 1024;
const OVERSIZED_BYTES = 1_153_434; // ceil(1.1 MiB)
const DEPTH = 10_000;

const MALFORMED_JSON = '{"safeErrorsAudit": tru';
const WRONG_TYPE_JSON = '["safe-errors-audit"]';
const DEEP_JSON = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const OVERSIZED_JSON = '{"padding":"' + 'a'.repeat(OVERSIZED_BYTES - 14) + '"}';

describe('what the audit sends, as a server receives it', () => {
  let run: Awaited<ReturnType<typeof audit>>;
  let unknown: string;

  beforeAll(async () => {
    run = await audit({ paths: ['/orders/1', '/orders'], maxRequests: 300 });
    unknown = run.received[0]!.url;
  });

  const routeProbes = (path: string): [string, string, string][] => [
    ['get', 'GET', path],
    ['wrong-method', 'PROPFIND', path],
    ['malformed-json', 'POST', path],
    ['type-confusion', 'POST', path],
    ['get-html', 'GET', path],
    ['deep-json', 'POST', path],
  ];
  const expected = (): [string, string, string][] => [
    ['unknown-route', 'GET', unknown],
    ...routeProbes('/orders/1'),
    ['nul-in-path', 'GET', '/orders/1%00'],
    ['bad-encoding', 'GET', '/%FF'],
    ['truncated-encoding', 'GET', '/%E0%A4%A'],
    ['unknown-route-html', 'GET', unknown],
    ['debug-console', 'GET', '/console'],
    ['oversized-body', 'POST', '/orders/1'],
    ['long-url', 'GET', `/${'a'.repeat(LONG)}`],
    ['long-header', 'GET', '/orders/1'],
    ...routeProbes('/orders'),
  ];

  it('sends every probe once, in order, with its method and raw target, and reports each as sent', () => {
    expect(unknown).toMatch(UNKNOWN_ROUTE);
    expect(run.received.map((r) => [r.method, r.url])).toEqual(
      expected().map(([, method, path]) => [method, path]),
    );
    const { exitCode, report } = run.result;
    expect(exitCode).toBe(0);
    expect(report.probes.map((p) => [p.name, p.method, p.path])).toEqual(
      expected().map(([name, method, path]) => [
        name,
        method,
        // The report cuts paths to 200 characters.
        path.length > 200 ? `${path.slice(0, 199)}…` : path,
      ]),
    );
    expect(report.probes.map((p) => p.status)).toEqual(
      expected().map(() => 404),
    );
    expect(report.skipped).toEqual([]);
  });

  it('sends exactly these headers with each probe', () => {
    const base = { 'user-agent': 'safe-errors-audit', host: run.host };
    const plain = { ...base, accept: DEFAULT_ACCEPT, connection: 'close' };
    const html = { ...base, accept: HTML_ACCEPT, connection: 'close' };
    const json = (bytes: number) => ({
      ...base,
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': String(bytes),
      connection: 'close',
    });
    const route = (): IncomingHttpHeaders[] => [
      plain,
      // Node's client announces an empty body for a method it does not know to be bodiless.
      { ...plain, 'content-length': '0' },
      json(MALFORMED_JSON.length),
      json(WRONG_TYPE_JSON.length),
      html,
      json(2 * DEPTH),
    ];
    expect(run.received.map((r) => r.headers)).toEqual([
      plain,
      ...route(),
      plain,
      plain,
      plain,
      html,
      html,
      json(OVERSIZED_BYTES),
      plain,
      { ...plain, 'x-safe-errors-audit-padding': 'a'.repeat(LONG) },
      ...route(),
    ]);
  });

  it('sends exactly these bodies', () => {
    const route = ['', '', MALFORMED_JSON, WRONG_TYPE_JSON, '', DEEP_JSON];
    expect(run.received.map((r) => r.body)).toEqual([
      '',
      ...route,
      '',
      '',
      '',
      '',
      '',
      OVERSIZED_JSON,
      '',
      '',
      ...route,
    ]);
  });

  it('the bodies have the advertised shapes and sizes', () => {
    const body = (name: string) =>
      run.received[expected().findIndex(([n]) => n === name)]!.body;
    expect(() => JSON.parse(body('malformed-json')) as unknown).toThrow(
      SyntaxError,
    );
    // An array where an object is expected.
    expect(JSON.parse(body('type-confusion'))).toEqual(['safe-errors-audit']);
    // Valid JSON, nested 10,000 arrays deep.
    const deep = body('deep-json');
    expect(deep.length).toBe(20_000);
    expect(deep.indexOf(']')).toBe(10_000);
    // Valid JSON, just over the 1 MiB default of Fastify's body parser (Express: 100 KB).
    const oversized = body('oversized-body');
    expect(Buffer.byteLength(oversized)).toBe(OVERSIZED_BYTES);
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(1024 * 1024);
    expect(Object.keys(JSON.parse(oversized) as object)).toEqual(['padding']);
    // Past Node's 16 KiB limit on a request's head.
    const longUrl =
      run.received[expected().findIndex(([n]) => n === 'long-url')]!;
    expect(longUrl.url.length).toBeGreaterThan(16 * 1024);
  });

  it('makes the unknown route unique to each run', async () => {
    const again = await audit({ maxRequests: 1 });
    expect(again.received).toHaveLength(1);
    expect(again.received[0]!.url).toMatch(UNKNOWN_ROUTE);
    expect(again.received[0]!.url).not.toBe(unknown);
  });
});

describe('the targets the audit requests', () => {
  it('stays under the base path, and uses the base path itself when no route is given', async () => {
    for (const base of ['/api/v1', '/api/v1/']) {
      const { received } = await audit({ base });
      const unknown = received[0]!.url;
      expect(unknown).toMatch(/^\/api\/v1\/safe-errors-audit-[0-9a-f]{12}$/);
      expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
        `GET ${unknown}`,
        'GET /api/v1',
        'PROPFIND /api/v1',
        'POST /api/v1',
        'POST /api/v1',
        'GET /api/v1',
        'POST /api/v1',
        'GET /api/v1%00',
        'GET /api/v1/%FF',
        'GET /api/v1/%E0%A4%A',
        `GET ${unknown}`,
        'GET /api/v1/console',
        'POST /api/v1',
        `GET /api/v1/${'a'.repeat(LONG)}`,
        'GET /api/v1',
      ]);
    }
  });

  it('uses / when there is neither a base path nor a route', async () => {
    const { received } = await audit({});
    const unknown = received[0]!.url;
    expect(unknown).toMatch(UNKNOWN_ROUTE);
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${unknown}`,
      'GET /',
      'PROPFIND /',
      'POST /',
      'POST /',
      'GET /',
      'POST /',
      'GET /%00',
      'GET /%FF',
      'GET /%E0%A4%A',
      `GET ${unknown}`,
      'GET /console',
      'POST /',
      `GET /${'a'.repeat(LONG)}`,
      'GET /',
    ]);
  });

  it('sends only the first --max-requests probes, each with the extra headers given', async () => {
    const { received, host, result } = await audit({
      paths: ['/x'],
      maxRequests: 3,
      headers: { authorization: 'Bearer audit-run-1', 'x-tenant': 't1' },
    });
    const extra = { authorization: 'Bearer audit-run-1', 'x-tenant': 't1' };
    const plain = {
      'user-agent': 'safe-errors-audit',
      accept: DEFAULT_ACCEPT,
      ...extra,
      host,
      connection: 'close',
    };
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${received[0]!.url}`,
      'GET /x',
      'PROPFIND /x',
    ]);
    expect(received.map((r) => r.headers)).toEqual([
      plain,
      plain,
      { ...plain, 'content-length': '0' },
    ]);
    expect(result.report.skipped).toEqual([
      'malformed-json POST /x',
      'type-confusion POST /x',
      'get-html GET /x',
      'deep-json POST /x',
      'nul-in-path GET /x%00',
      'bad-encoding GET /%FF',
      'truncated-encoding GET /%E0%A4%A',
      expect.stringMatching(
        /^unknown-route-html GET \/safe-errors-audit-[0-9a-f]{12}$/,
      ),
      'debug-console GET /console',
      'oversized-body POST /x',
      `long-url GET /${'a'.repeat(58)}…`,
      'long-header GET /x',
    ]);
  });
});
