import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../lib/cli/audit.cli.js';
import {
  CLEAN_RUN_CAVEAT,
  type AuditReport,
} from '../../lib/cli/audit.report.js';
import { AUDIT_KINDS } from '../../lib/cli/audit.kinds.js';
import { runAudit } from '../../lib/cli/audit.runner.js';
import { AppModule } from '../../sample-app/app.module.js';
import { answeredByApp, capture, groupNames } from './audit-io.js';
import { startLeakyApp, type LeakyServer } from './leaky-app/leaky.server.js';

const run = promisify(execFile);

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  maxHeaderSize?: number,
): Promise<{
  server: Server;
  baseUrl: string;
  connections: () => number;
}> {
  const server = createServer({ maxHeaderSize }, handler);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    connections: () => connections,
  };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function closedPort(): Promise<number> {
  const { server, baseUrl } = await listen(() => undefined);
  await close(server);
  return Number(new URL(baseUrl).port);
}

async function cli(
  args: string[],
  isTTY = false,
): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture(isTTY);
  const code = await runCli(args, { out, err });
  return { code, out: out.text(), err: err.text() };
}

function kindsOf(report: AuditReport): Set<string> {
  return new Set(report.probes.flatMap((p) => p.findings.map((f) => f.kind)));
}

describe('safe-errors-audit against a leaky Nest app', () => {
  let leaky: LeakyServer;

  beforeAll(async () => {
    leaky = await startLeakyApp();
  });
  afterAll(() => leaky.close());

  it('exits 1 and reports the stack, type, banner, SQL, connection string and paths', async () => {
    const { code, out } = await cli([
      leaky.baseUrl,
      '--path',
      '/orders/1',
      '--path',
      '/orders',
      '--json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as AuditReport;
    expect(report.target).toBe(leaky.baseUrl);
    expect(report.probes).toHaveLength(21);
    expect(report.unanswered).toEqual([]);
    const kinds = kindsOf(report);
    for (const kind of [
      'stack-trace',
      'exception-type',
      'version-banner',
      'sql',
      'connection-string',
      'file-path',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(report.findings).toBe(
      report.probes.reduce((n, p) => n + p.findings.length, 0),
    );
    // The forced 500 carries the SQL error; its password never reaches the report.
    const nul = report.probes.find((p) => p.name === 'nul-in-path')!;
    expect(nul.status).toBe(500);
    expect(nul.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['sql', 'connection-string', 'internal-address']),
    );
    expect(out).not.toContain('Tr0ub4dor-3');
  });

  it('prints one group per kind and place, most severe first, with excerpts, probes and a fix', async () => {
    const args = [leaky.baseUrl, '--path', '/orders'];
    const json = JSON.parse(
      (await cli([...args, '--json'])).out,
    ) as AuditReport;
    const { code, out, err } = await cli(args);
    expect(code).toBe(1);
    expect(json.framework).toBe('nest');
    expect(groupNames(json)).toEqual([
      'high stack-trace body',
      'medium exception-type body',
      'medium raw-message body',
      'medium file-path body',
      'low version-banner header:x-powered-by',
    ]);
    // Every probe Express answered shows the banner (not the two 431s Node sends itself), and the
    // groups add up to every finding.
    const banner = json.groups.at(-1)!;
    expect(banner.count).toBe(answeredByApp(json));
    expect(banner.evidence).toEqual(['Express']);
    expect(json.groups.reduce((n, g) => n + g.count, 0)).toBe(json.findings);
    expect(out.split('\n')[0]).toBe(
      `safe-errors-audit: ${leaky.baseUrl} (NestJS)`,
    );
    expect(out).toMatch(/^SEVERITY +KIND +WHERE +PROBES$/m);
    expect(out).toMatch(/^HIGH +stack-trace +body +\d+ probes$/m);
    expect(out).toMatch(
      /^LOW +version-banner +header:x-powered-by +\d+ probes\n {9}Express\n {9}seen in: unknown-route GET \/safe-errors-audit-[0-9a-f]{12} \(500\), get GET \/orders \(500\), wrong-method PROPFIND \/orders \(500\), and \d+ more\n {9}fix: SafeErrorsModule removes X-Powered-By/m,
    );
    expect(out).toContain(
      '         fix: Import SafeErrorsModule.forRoot() from nestjs-safe-errors',
    );
    expect(out).toContain(
      `${json.probes.length} probes sent to ${leaky.baseUrl}: ${json.probes.length} answered, 0 unanswered.`,
    );
    const leakyResponses = json.probes.filter(
      (p) => p.findings.length > 0,
    ).length;
    expect(out).toContain(
      `LEAKS: ${json.findings} findings in ${leakyResponses} responses, 5 groups (1 high, 3 medium, 1 low).`,
    );
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'Exit 1: 4 finding groups at or above --fail-on medium.',
    );
    expect(out).not.toContain('not proof of safety');
    // Not a terminal: no colour codes.
    expect(out).not.toContain('\u001b[');
    const progress = err.split('\n').filter(Boolean);
    expect(progress).toHaveLength(json.probes.length);
    expect(progress[0]).toMatch(
      /^probe 1\/15 unknown-route GET \/safe-errors-audit-/,
    );
    expect(progress.at(-1)).toBe('probe 15/15 long-header GET /orders');
  });

  it('colours severities on a terminal, and not under NO_COLOR', async () => {
    const run = async (): Promise<string> => {
      const out = capture(true);
      await runCli([leaky.baseUrl, '--max-requests', '2'], {
        out,
        err: capture(),
      });
      return out.text();
    };
    const coloured = await run();
    const lines = coloured.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^.\[1;31mHIGH {5}.\[0mstack-trace/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^.\[36mLOW {6}.\[0mversion-banner/),
    );
    expect(coloured).toContain('\u001b[1;31mHIGH');
    vi.stubEnv('NO_COLOR', '1');
    try {
      const plain = await run();
      expect(plain).not.toContain('\u001b[');
      expect(plain).toMatch(/^HIGH {5}stack-trace/m);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rewrites the progress line in place on a terminal', async () => {
    const { err } = await cli([leaky.baseUrl, '--max-requests', '3'], true);
    const clear = '\r\u001b[K';
    const lines = err.split(clear);
    expect(lines[0]).toBe('');
    expect(lines[1]).toMatch(
      /^probe 1\/3 unknown-route GET \/safe-errors-audit-[0-9a-f]{12}$/,
    );
    expect(lines.slice(2)).toEqual([
      'probe 2/3 get GET /',
      'probe 3/3 wrong-method PROPFIND /',
      '',
    ]);
  });

  it('sends no more requests than --max-requests', async () => {
    const before = { ...leaky.received };
    const { code, out } = await cli([
      leaky.baseUrl,
      '--path',
      '/orders',
      '--max-requests',
      '5',
      '--json',
    ]);
    expect(code).toBe(1);
    expect(leaky.received.connections - before.connections).toBe(5);
    expect(leaky.received.requests - before.requests).toBe(5);
    const report = JSON.parse(out) as AuditReport;
    expect(report.probes).toHaveLength(5);
    expect(report.skipped).toHaveLength(10);
  });
});

describe('safe-errors-audit against the sample app', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    // The sample app logs JSON lines to stdout; keep them out of the test output.
    vi.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: unknown[]
    ) =>
      String(chunk).startsWith('{"level"')
        ? true
        : (write as (...args: unknown[]) => boolean)(
            chunk,
            ...rest,
          )) as typeof process.stdout.write);
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await app.close();
    vi.restoreAllMocks();
  });

  it('exits 0 with zero findings, every probe answered', async () => {
    const { code, out, err } = await cli([
      baseUrl,
      '--path',
      '/orders/1',
      '--path',
      '/orders',
      '--json',
    ]);
    expect(err.trimEnd().split('\n').at(-1)).toBe(CLEAN_RUN_CAVEAT);
    const report = JSON.parse(out) as AuditReport;
    expect(report.probes.filter((p) => p.findings.length > 0)).toEqual([]);
    expect(report.findings).toBe(0);
    expect(report.unanswered).toEqual([]);
    expect(report.probes.map((p) => `${p.name} ${p.status}`)).toEqual([
      'unknown-route 404',
      'get 200',
      'wrong-method 404',
      'malformed-json 400',
      'type-confusion 404',
      'get-html 200',
      'deep-json 404',
      'nul-in-path 500',
      // No route matches `/%FF`, so nothing decodes it: 404, as the app answers without the module.
      'bad-encoding 404',
      'truncated-encoding 404',
      'unknown-route-html 404',
      'debug-console 404',
      'oversized-body 413',
      'long-url 431',
      'long-header 431',
      'get 404',
      'wrong-method 404',
      'malformed-json 400',
      'type-confusion 400',
      'get-html 404',
      'deep-json 500',
    ]);
    expect(code).toBe(0);
  });

  it('ends a clean table with a line saying a clean run proves nothing', async () => {
    const { code, out } = await cli([baseUrl, '--path', '/orders/1']);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').slice(-3)).toEqual([
      'No leaks found in 15 responses.',
      'A clean run is not proof of safety: it covers only these probes on these paths; other routes, inputs and failures can still leak.',
      'Exit 0: No leaks found.',
    ]);
  });
});

describe('safe-errors-audit: reachability, honesty and bounds', () => {
  it('exits 2 when nothing listens on the target', async () => {
    const port = await closedPort();
    const { code, out, err } = await cli([`http://127.0.0.1:${port}`]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(
      `safe-errors-audit: cannot reach http://127.0.0.1:${port}: ECONNREFUSED`,
    );
    const json = await cli([`http://127.0.0.1:${port}`, '--json']);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.out) as AuditReport;
    expect(report.error).toBe(
      `cannot reach http://127.0.0.1:${port}: ECONNREFUSED`,
    );
    expect(report.probes).toHaveLength(1);
  });

  it('lists probes that got no answer, and calls the run inconclusive past --max-unanswered', async () => {
    const target = await listen((req, res) => {
      if (req.method === 'PROPFIND') return; // never answers
      if (req.method === 'POST') {
        req.socket.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.statusCode = req.url === '/' ? 200 : 404;
      res.end(
        req.url === '/'
          ? '{"ok":true}'
          : '{"message":"Not Found","statusCode":404}',
      );
    });
    try {
      const { code, out } = await cli([
        target.baseUrl,
        '--timeout',
        '300',
        '--json',
      ]);
      const report = JSON.parse(out) as AuditReport;
      expect(report.unanswered.map((u) => `${u.name} ${u.error}`)).toEqual([
        'wrong-method timeout',
        'malformed-json ECONNRESET',
        'type-confusion ECONNRESET',
        'deep-json ECONNRESET',
        'oversized-body ECONNRESET',
      ]);
      expect(report.findings).toBe(0);
      // 5 of 15 (33 %) unanswered is more than the default 20 %: nothing found is not "clean".
      expect(code).toBe(3);
      expect(report.verdict.reason).toBe(
        'Inconclusive: 5 of 15 probes (33 %) got no answer, more than the 20 % allowed (--max-unanswered).',
      );
      const table = await cli([target.baseUrl, '--timeout', '300']);
      expect(table.code).toBe(3);
      expect(table.out).toContain('15 probes sent to');
      expect(table.out).toContain(': 10 answered, 5 unanswered.');
      expect(table.out).toMatch(
        /^ {2}no answer: wrong-method PROPFIND \/ \(timeout\)$/m,
      );
      expect(table.out).not.toContain('No leaks found');
      expect(table.out.trimEnd().split('\n').at(-1)).toBe(
        `Exit 3: ${report.verdict.reason}`,
      );
      // Allowed a larger share, the same run is clean.
      const lenient = await cli([
        target.baseUrl,
        '--timeout',
        '300',
        '--max-unanswered',
        '40',
      ]);
      expect(lenient.code).toBe(0);
      expect(lenient.out).toContain('A clean run is not proof of safety');
    } finally {
      await close(target.server);
    }
  });

  it('exits 3 against a server that drops every other probe, in every format', async () => {
    const target = await listen((_req, res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end('{"message":"Not Found","statusCode":404}');
    });
    // Every probe has a connection of its own: every second one is cut before any answer.
    let seen = 0;
    target.server.prependListener('connection', (socket) => {
      if (seen++ % 2 === 1) socket.destroy();
    });
    try {
      const table = await cli([target.baseUrl]);
      expect(table.code).toBe(3);
      expect(table.out).toContain(': 8 answered, 7 unanswered.');
      expect(table.out.trimEnd().split('\n').at(-1)).toBe(
        'Exit 3: Inconclusive: 7 of 15 probes (47 %) got no answer, more than the 20 % allowed (--max-unanswered).',
      );
      seen = 0;
      const json = await cli([target.baseUrl, '--json']);
      expect(json.code).toBe(3);
      const report = JSON.parse(json.out) as AuditReport;
      expect(report.verdict.exitCode).toBe(3);
      expect(report.unanswered).toHaveLength(7);
      // Not clean, so no clean-run caveat either.
      expect(json.err).not.toContain(CLEAN_RUN_CAVEAT);
      seen = 0;
      const sarif = await cli([target.baseUrl, '--sarif']);
      expect(sarif.code).toBe(3);
      const run = (
        JSON.parse(sarif.out) as {
          runs: {
            invocations: {
              exitCode: number;
              executionSuccessful: boolean;
              toolExecutionNotifications: { level: string }[];
            }[];
          }[];
        }
      ).runs[0]!.invocations[0]!;
      expect(run.exitCode).toBe(3);
      expect(run.executionSuccessful).toBe(false);
      expect(
        run.toolExecutionNotifications.filter((n) => n.level === 'warning'),
      ).toHaveLength(7);
    } finally {
      await close(target.server);
    }
  });

  it('refuses unknown kinds and severities, and --json with --sarif', async () => {
    const kind = await cli(['http://127.0.0.1:1', '--ignore', 'stack']);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain(
      'safe-errors-audit: unknown kind for --ignore: "stack" (one of stack-trace, exception-type, raw-message,',
    );
    const severity = await cli(['http://127.0.0.1:1', '--fail-on', 'critical']);
    expect(severity.code).toBe(2);
    expect(severity.err).toContain(
      'safe-errors-audit: --fail-on must be one of low, medium, high, got "critical"',
    );
    const both = await cli(['http://127.0.0.1:1', '--json', '--sarif']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--json and --sarif cannot be used together');
    const share = await cli(['http://127.0.0.1:1', '--max-unanswered', '101']);
    expect(share.code).toBe(2);
    expect(share.err).toContain(
      '--max-unanswered must be a whole percentage from 0 to 100',
    );
  });

  it('reports a body or header echoed back as reflected input, low', async () => {
    const target = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const padding = req.headers['x-safe-errors-audit-padding'];
        res.setHeader('content-type', 'application/json');
        res.statusCode = body !== '' ? 400 : 404;
        res.end(
          JSON.stringify({
            // What a parser error that quotes its input looks like; the header too, once.
            message:
              body !== '' ? `cannot parse ${body.slice(0, 60)}` : 'Not Found',
            ...(typeof padding === 'string' && {
              seen: padding.slice(0, 300),
            }),
          }),
        );
      });
      // Big enough for the 16 KB header probe to reach the handler.
    }, 1024 * 1024);
    try {
      const { code, out } = await cli([target.baseUrl, '--json']);
      const report = JSON.parse(out) as AuditReport;
      expect(groupNames(report)).toEqual(['low reflected-input body']);
      const [group] = report.groups;
      expect(group!.examples.map((p) => p.name)).toEqual([
        'malformed-json',
        'long-header',
      ]);
      expect(group!.evidence[0]).toBe(
        '{"message":"cannot parse {\\"safeErrorsAudit\\": tru"}',
      );
      // Low: reported, and the run passes at the default bar.
      expect(code).toBe(0);
      expect((await cli([target.baseUrl, '--fail-on', 'low'])).code).toBe(1);
      const ignored = await cli([
        target.baseUrl,
        '--fail-on',
        'low',
        '--ignore',
        'reflected-input',
      ]);
      expect(ignored.code).toBe(0);
      expect(ignored.out).toContain('No leaks found');
    } finally {
      await close(target.server);
    }
  });

  it('reports a redirect off the target without following it', async () => {
    const elsewhere = await listen((_req, res) => res.end('landed'));
    const target = await listen((_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', `${elsewhere.baseUrl}/landing`);
      res.end();
    });
    try {
      const { out } = await cli([
        target.baseUrl,
        '--max-requests',
        '2',
        '--json',
      ]);
      const report = JSON.parse(out) as AuditReport;
      expect(report.probes.map((p) => p.note)).toEqual([
        `redirects off the target to ${elsewhere.baseUrl}/landing (not followed)`,
        `redirects off the target to ${elsewhere.baseUrl}/landing (not followed)`,
      ]);
      expect(elsewhere.connections()).toBe(0);
      expect(target.connections()).toBe(2);
    } finally {
      await close(target.server);
      await close(elsewhere.server);
    }
  });

  it('caps --max-requests at 300 whatever is asked', async () => {
    const target = await listen((_req, res) => res.end('ok'));
    try {
      const paths = Array.from({ length: 60 }, (_, i) => `/p${i}`);
      const out = capture();
      const { exitCode, report } = await runAudit({
        baseUrl: target.baseUrl,
        paths,
        maxRequests: 1000,
        out,
        err: capture(),
      });
      expect(exitCode).toBe(0);
      expect(report.probes).toHaveLength(300);
      expect(target.connections()).toBe(300);
      expect(report.skipped.length).toBeGreaterThan(0);
    } finally {
      await close(target.server);
    }
  });

  it.each([
    [[], 'missing <base-url>'],
    [['a', 'b'], 'expected exactly one <base-url>'],
    [
      ['ftp://example.com'],
      'the base URL must be http:// or https://, not ftp:',
    ],
    [['not a url'], 'invalid base URL: not a url'],
    [
      ['http://127.0.0.1:1', '--max-requests', 'abc'],
      '--max-requests must be a whole number, got "abc"',
    ],
    [
      ['http://127.0.0.1:1', '--max-requests', '0'],
      '--max-requests must be a whole number from 1 to 300',
    ],
    [
      ['http://127.0.0.1:1', '--timeout', '5s'],
      '--timeout must be a whole number, got "5s"',
    ],
    [
      ['http://127.0.0.1:1', '--timeout=0'],
      '--timeout must be a whole number of milliseconds',
    ],
    [
      ['http://127.0.0.1:1', '--path', 'orders'],
      'a --path must start with / and hold only printable ASCII (percent-encode the rest), no spaces or #: orders',
    ],
    [
      ['http://127.0.0.1:1', '--path', '/日本'],
      'a --path must start with / and hold only printable ASCII (percent-encode the rest), no spaces or #: /日本',
    ],
    [
      ['http://127.0.0.1:1', '--header', 'X-Note: 日本'],
      '--header values must be Latin-1 text, got "X-Note: 日本"',
    ],
    [
      ['http://127.0.0.1:1', '--header', 'no-colon'],
      '--header must look like "Name: value", got "no-colon"',
    ],
    [['http://127.0.0.1:1', '--nope'], "Unknown option '--nope'"],
  ])('exits 2 on invalid arguments: %j', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`safe-errors-audit: ${message}`);
  });

  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: safe-errors-audit <base-url> \[options\]/);
    for (const option of [
      '--path',
      '--header',
      '--max-requests',
      '--timeout',
      '--ignore <kind>',
      '--fail-on <severity>',
      '--max-unanswered <n>',
      '--json',
      '--sarif',
      '--help',
    ]) {
      expect(out).toContain(option);
    }
    // Every exit code, and the severity of every kind the audit reports.
    expect(out).toContain(
      'Exit status:\n  0  nothing found at or above --fail-on\n  1  findings at or above --fail-on\n  2  invalid arguments, or the target unreachable\n  3  inconclusive: more than --max-unanswered percent of the probes got no answer\n',
    );
    expect(out).toContain('(default medium)');
    for (const kind of AUDIT_KINDS.filter((k) => k !== 'planted-secret'))
      expect(out, kind).toMatch(
        new RegExp(`^  (high|medium|low) .*\\b${kind}\\b`, 'm'),
      );
  });
});

describe('the safe-errors-audit bin', () => {
  let dir: string;
  let bin: string;
  let leaky: LeakyServer | undefined;

  beforeAll(async () => {
    // Compiled on its own, so the test needs neither `npm run build` nor the rest of lib/ to compile.
    dir = mkdtempSync(join(tmpdir(), 'safe-errors-audit-'));
    const root = new URL('../..', import.meta.url).pathname;
    await run(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--ignoreConfig',
        '--outDir',
        dir,
        '--rootDir',
        join(root, 'lib'),
        '--module',
        'nodenext',
        '--target',
        'ES2023',
        '--strict',
        '--skipLibCheck',
        '--types',
        'node',
        join(root, 'lib/cli/safe-errors-audit.ts'),
      ],
      { cwd: root },
    );
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    bin = join(dir, 'cli/safe-errors-audit.js');
    leaky = await startLeakyApp();
  }, 120_000);
  afterAll(async () => {
    await leaky?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function node(
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as {
        code: number;
        stdout: string;
        stderr: string;
      };
      return { code, stdout, stderr };
    }
  }

  it('starts with a shebang', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe(
      '#!/usr/bin/env node',
    );
  });

  it('exits 0 for --help, 1 on leaks, 2 when unreachable', async () => {
    expect((await node(['--help'])).code).toBe(0);
    const leaks = await node([leaky!.baseUrl, '--max-requests', '2', '--json']);
    expect(leaks.code).toBe(1);
    expect((JSON.parse(leaks.stdout) as AuditReport).probes).toHaveLength(2);
    expect(leaks.stderr).toMatch(
      /^probe 1\/2 unknown-route GET \/safe-errors-audit-[0-9a-f]{12}\nprobe 2\/2 get GET \/\n$/,
    );
    const port = await closedPort();
    expect((await node([`http://127.0.0.1:${port}`])).code).toBe(2);
  });
});
