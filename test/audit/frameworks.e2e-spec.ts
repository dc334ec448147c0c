import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../lib/cli/audit.cli.js';
import type { AuditReport } from '../../lib/cli/audit.report.js';
import { answeredByApp, capture, groupNames } from './audit-io.js';
import {
  startExpressApp,
  startFastifyApp,
  type BareServer,
} from './servers/bare-servers.js';
import {
  pythonMissing,
  startPythonServer,
  type PythonServer,
} from './servers/python-server.js';

// The audit against servers whose error behaviour nobody here wrote: Express 5 and Fastify as they come,
// and Flask and Django from Debian's packages running the seed documents' handlers.

async function audit(
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await runCli(args, { out, err });
  return { code, out: out.text(), err: err.text() };
}

async function report(
  baseUrl: string,
  args: string[] = [],
): Promise<{ code: number; report: AuditReport }> {
  const { code, out } = await audit([baseUrl, ...args, '--json']);
  return { code, report: JSON.parse(out) as AuditReport };
}

const schema = JSON.parse(
  readFileSync(
    new URL('./sarif/sarif-schema-2.1.0.json', import.meta.url),
    'utf8',
  ),
) as object;

// CommonJS packages whose default export ESM sees as the module object.
const require = createRequire(import.meta.url);
const AjvDraft04 =
  require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats =
  require('ajv-formats') as typeof import('ajv-formats').default;

function sarifValidator() {
  // The OASIS schema is draft-04; ajv-formats checks its uri and uri-reference formats.
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('safe-errors-audit on a bare Express 5 app in development mode', () => {
  let app: BareServer;
  beforeAll(async () => {
    // Express's final handler also writes each error to stderr outside production; not this test's.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    app = await startExpressApp();
  });
  afterAll(async () => {
    await app.close();
    vi.restoreAllMocks();
  });

  it('exits 1 with the stack, its debug page, the raw message, paths and the banner, graded', async () => {
    const { code, report: r } = await report(app.baseUrl, ['-p', '/orders/1']);
    expect(code).toBe(1);
    expect(r.framework).toBe('express');
    expect(groupNames(r)).toEqual([
      'high stack-trace body',
      'high debug-page body',
      'medium exception-type body',
      'medium raw-message body',
      'medium file-path body',
      'low version-banner header:x-powered-by',
    ]);
    // X-Powered-By on every answer Express gave is one group, not one finding per probe.
    const banner = r.groups.at(-1)!;
    expect(banner.count).toBe(answeredByApp(r));
    expect(banner.count).toBeGreaterThan(10);
    expect(banner.fix).toMatch(/^app\.disable\('x-powered-by'\)/);
    expect(r.groups[0]!.fix).toMatch(/^Run with NODE_ENV=production/);
    // Evidence reads as the page shows it: no HTML entities or <br> tags.
    for (const g of r.groups)
      for (const e of g.evidence) expect(e).not.toMatch(/&nbsp;|&lt;|<br>/);
  });

  it('prints this grouped table', async () => {
    const { code, out } = await audit([app.baseUrl, '-p', '/orders/1']);
    expect(code).toBe(1);
    const { port } = new URL(app.baseUrl);
    // Excerpts hold the checkout's path and are cut to 120 characters, so their text moves with it:
    // the snapshot keeps their place and number, the tests above check what they say.
    const stable = out
      .replaceAll(port, '<port>')
      .replace(/safe-errors-audit-[0-9a-f]{12}/g, 'safe-errors-audit-<token>')
      .replace(/^ {9}(?!seen in: |fix: |\().*$/gm, '         <excerpt>');
    await expect(stable).toMatchFileSnapshot(
      './__snapshots__/express-dev.table.txt',
    );
  });

  it('--ignore drops a kind, --fail-on sets the bar', async () => {
    const ignored = await report(app.baseUrl, [
      '-p',
      '/orders/1',
      '--ignore',
      'version-banner',
      '--ignore',
      'file-path',
    ]);
    expect(ignored.code).toBe(1);
    expect(groupNames(ignored.report)).not.toContain(
      'low version-banner header:x-powered-by',
    );
    expect(ignored.report.ignored).toEqual(['version-banner', 'file-path']);
    expect(
      ignored.report.probes.flatMap((p) => p.findings.map((f) => f.kind)),
    ).not.toContain('file-path');
    const onlyLow = await report(app.baseUrl, [
      '-p',
      '/orders/1',
      '--ignore',
      'stack-trace',
      '--ignore',
      'debug-page',
      '--ignore',
      'exception-type',
      '--ignore',
      'raw-message',
      '--ignore',
      'file-path',
    ]);
    expect(groupNames(onlyLow.report)).toEqual([
      'low version-banner header:x-powered-by',
    ]);
    // The default bar is medium: a banner alone passes, and fails with --fail-on low.
    expect(onlyLow.code).toBe(0);
    expect(onlyLow.report.verdict.reason).toBe(
      'Only 1 finding group below --fail-on medium.',
    );
    const high = await report(app.baseUrl, [
      '-p',
      '/orders/1',
      '--fail-on',
      'high',
      '--ignore',
      'stack-trace',
      '--ignore',
      'debug-page',
    ]);
    expect(high.code).toBe(0);
    expect(high.report.groups.length).toBeGreaterThan(0);
  });

  it('--sarif prints SARIF 2.1.0 that validates against the OASIS schema', async () => {
    const { code, out } = await audit([
      app.baseUrl,
      '-p',
      '/orders/1',
      '--sarif',
    ]);
    expect(code).toBe(1);
    const sarif = JSON.parse(out) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string } };
          }[];
        }[];
        invocations: { exitCode: number }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.tool.driver.name).toBe('safe-errors-audit');
    expect(run!.results.map((r) => `${r.level} ${r.ruleId}`)).toEqual([
      'error stack-trace',
      'error debug-page',
      'warning exception-type',
      'warning raw-message',
      'warning file-path',
      'note version-banner',
    ]);
    expect(run!.tool.driver.rules.map((r) => r.id)).toEqual(
      run!.results.map((r) => r.ruleId),
    );
    expect(run!.invocations[0]!.exitCode).toBe(1);
    // Each result points at the probed URLs, the truncated-encoding probe's lone % included.
    const uris = run!.results.flatMap((r) =>
      r.locations.map((l) => l.physicalLocation.artifactLocation.uri),
    );
    for (const uri of uris) expect(uri.startsWith(app.baseUrl)).toBe(true);
    const broken = await audit([
      app.baseUrl,
      '--sarif',
      '--max-requests',
      '11',
    ]);
    expect(validate(JSON.parse(broken.out))).toBe(true);
  });
});

describe('safe-errors-audit on bare Fastify', () => {
  let app: BareServer;
  beforeAll(async () => {
    app = await startFastifyApp();
  });
  afterAll(() => app.close());

  it("flags the default handler's raw 500 message and the exception's text, nothing else", async () => {
    const { code, report: r } = await report(app.baseUrl, ['-p', '/orders/1']);
    expect(code).toBe(1);
    expect(r.framework).toBe('fastify');
    expect(groupNames(r)).toEqual([
      'medium exception-type body',
      'medium raw-message body',
    ]);
    const raw = r.groups.find((g) => g.kind === 'raw-message')!;
    expect(raw.evidence).toContain(
      "message: Cannot read properties of undefined (reading 'map')",
    );
    expect(raw.fix).toMatch(/^Use setErrorHandler/);
  });
});

const missing = pythonMissing();

describe.skipIf(missing !== undefined && process.env['CI'] === undefined)(
  'safe-errors-audit on Flask and Django (Debian packages, /usr/bin/python3)',
  () => {
    it('has Flask and Django to run', () => {
      expect(missing).toBeUndefined();
    });

    describe.runIf(missing === undefined)('servers', () => {
      const servers = new Map<string, PythonServer>();
      beforeAll(async () => {
        const started = await Promise.all(
          [
            'flask_vulnerable.py',
            'flask_secure.py',
            'flask_leaky_handler.py',
            'django_debug.py',
          ].map(
            async (script) =>
              [script, await startPythonServer(script)] as const,
          ),
        );
        for (const [script, server] of started) servers.set(script, server);
      }, 60_000);
      afterAll(() => Promise.all([...servers.values()].map((s) => s.stop())));
      const url = (script: string): string => servers.get(script)!.baseUrl;

      it("seed 003's vulnerable handler (str(e), debug=True): the raw message, the debugger, the banner", async () => {
        const { code, report: r } = await report(url('flask_vulnerable.py'), [
          '-p',
          '/user',
        ]);
        expect(code).toBe(1);
        expect(r.framework).toBe('flask');
        expect(groupNames(r)).toEqual([
          // The console page holds the debugger's own SECRET.
          'high secret body',
          'high debug-page body',
          'medium raw-message body',
          'low version-banner header:server',
        ]);
        const raw = r.groups.find((g) => g.kind === 'raw-message')!;
        expect(raw.evidence).toEqual([
          "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
        ]);
        expect(raw.examples[0]).toMatchObject({
          name: 'get',
          path: '/user',
          status: 500,
        });
        const debug = r.groups.find((g) => g.kind === 'debug-page')!;
        expect(debug.examples.map((p) => p.name)).toEqual(['debug-console']);
        expect(debug.fix).toMatch(/^Run with debug=False/);
      });

      it("seed 003's secure handler: no error-path leak; only the development server's banner, low", async () => {
        const server = url('flask_secure.py');
        const { code, report: r } = await report(server, ['-p', '/user']);
        // What is left is Werkzeug's Server header, which the seed's code does not touch.
        expect(groupNames(r)).toEqual(['low version-banner header:server']);
        expect(r.groups[0]!.evidence[0]).toMatch(/^Werkzeug\/[\d.]+ Python\//);
        // Reported, below the default bar: the run passes.
        expect(code).toBe(0);
        expect(r.verdict.reason).toBe(
          'Only 1 finding group below --fail-on medium.',
        );
        const strict = await report(server, [
          '-p',
          '/user',
          '--fail-on',
          'low',
        ]);
        expect(strict.code).toBe(1);
        const { code: clean, out } = await audit([
          server,
          '-p',
          '/user',
          '--ignore',
          'version-banner',
        ]);
        expect(clean).toBe(0);
        expect(out).toContain('No leaks found in 15 responses.');
        // Its generic 500 really was probed.
        expect(r.probes.find((p) => p.name === 'get')!.status).toBe(500);
      });

      it("seed 000's leaky errorhandler: type, message and traceback on every failure", async () => {
        const { code, report: r } = await report(
          url('flask_leaky_handler.py'),
          ['-p', '/orders/1'],
        );
        expect(code).toBe(1);
        expect(groupNames(r)).toEqual([
          'high stack-trace body',
          'medium exception-type body',
          'medium raw-message body',
          'medium file-path body',
          'low version-banner header:server',
        ]);
        // It turns even the unknown route into a 500.
        expect(r.probes[0]).toMatchObject({
          name: 'unknown-route',
          status: 500,
        });
        expect(r.groups[0]!.fix).toMatch(
          /^Register @app\.errorhandler\(Exception\)/,
        );
      });

      it('Django with DEBUG = True: the debug pages, the traceback, the SQL, the versions', async () => {
        const { code, report: r } = await report(url('django_debug.py'), [
          '-p',
          '/orders/1',
        ]);
        expect(code).toBe(1);
        expect(r.framework).toBe('django');
        expect(groupNames(r)).toEqual([
          'high stack-trace body',
          'high sql body',
          'high debug-page body',
          'medium exception-type body',
          'medium raw-message body',
          'medium file-path body',
          'low version-banner header:server',
          'low version-banner body',
        ]);
        const debug = r.groups.find((g) => g.kind === 'debug-page')!;
        // The technical 404 on the unknown route, and the 500 page on the NUL byte.
        expect(debug.examples[0]!.name).toBe('unknown-route');
        expect(debug.fix).toMatch(/^Set DEBUG = False/);
        // The page quotes the request URL; the audit's own host there is not an internal address.
        expect(groupNames(r)).not.toContain('medium internal-address body');
      });
    });
  },
);
