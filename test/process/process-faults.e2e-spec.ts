import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/fault-app.mjs', import.meta.url),
);
const PLANTED = 'Pl4nted-Fault-Secret-93';
const ID = /^[A-Za-z0-9_-]{8,128}$/;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the fixture app in its own process, as `node dist/main.js` would, and collects what it wrote. */
function runApp(
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, FIXTURE], {
      env: { ...process.env, NODE_OPTIONS: '', PLANTED, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function fatalLines(outcome: Outcome): Record<string, unknown>[] {
  return jsonLines(outcome.stdout).filter((r) => r.level === 'fatal');
}

describe('the last-resort handler, in a process of its own', () => {
  it.each([
    [
      'an unhandled rejection after boot',
      'rejection',
      'Unhandled rejection',
      'unhandledRejection',
    ],
    [
      'an uncaught exception after boot',
      'exception',
      'Uncaught exception',
      'uncaughtException',
    ],
    [
      'a bootstrap() rejected by an onModuleInit that throws',
      'module-init',
      'Unhandled rejection',
      'unhandledRejection',
    ],
  ])(
    'writes %s as one redacted fatal line with a fresh ID, and exits 1 as Node would',
    async (_name, fault, message, origin) => {
      const outcome = await runApp({ FAULT: fault });
      expect(outcome.code).toBe(1);
      const fatal = fatalLines(outcome);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toMatchObject({
        message,
        origin,
        context: 'SafeErrorsModule',
      });
      expect(fatal[0]!.requestId).toMatch(ID);
      const error = fatal[0]!.error as { message: string; stack: string };
      expect(error.message).toBe(
        'db down: postgres://admin:[REDACTED]@db.internal/prod',
      );
      expect(error.stack).toMatch(/fault-app\.mjs:\d+/);
      expect(outcome.stdout + outcome.stderr).not.toContain(PLANTED);
      // Nothing of Node's own report: no raw stack on stderr.
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('writes a provider factory that fails at boot as a redacted line, and the process exits 1', async () => {
    const outcome = await runApp({ FAULT: 'provider-factory' });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout + outcome.stderr).not.toContain(PLANTED);
    const lines = jsonLines(outcome.stdout).filter(
      (r) => r.level === 'error' || r.level === 'fatal',
    );
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(lines)).toContain('[REDACTED]@db.internal');
  });

  it('keeps --unhandled-rejections=warn: the rejection is logged once and the app goes on', async () => {
    const outcome = await runApp({ FAULT: 'rejection', STOP_AFTER_MS: '400' }, [
      '--unhandled-rejections=warn',
    ]);
    expect(outcome.stdout).toContain('STILL SERVING');
    expect(outcome.code).toBe(0);
    expect(fatalLines(outcome)).toHaveLength(1);
    expect(outcome.stdout).not.toContain(PLANTED);
    // A limit, not a wish: in this mode Node prints its own warning, message included, whatever listens.
    expect(outcome.stderr).toContain('UnhandledPromiseRejectionWarning');
  });

  it('with --unhandled-rejections=warn-with-error-code, goes on and exits 1 at the end, as Node would', async () => {
    const outcome = await runApp({ FAULT: 'rejection', STOP_AFTER_MS: '400' }, [
      '--unhandled-rejections=warn-with-error-code',
    ]);
    expect(outcome.stdout).toContain('STILL SERVING');
    expect(outcome.code).toBe(1);
    expect(fatalLines(outcome)).toHaveLength(1);
  });

  it('leaves a process that listens for unhandledRejection itself to its own listener', async () => {
    const outcome = await runApp({
      FAULT: 'rejection',
      OWN_LISTENER: '1',
      STOP_AFTER_MS: '400',
    });
    expect(outcome.stdout).toContain('OWN LISTENER RAN');
    expect(outcome.stdout).toContain('STILL SERVING');
    expect(fatalLines(outcome)).toEqual([]);
  });

  it("routes Nest's own logger: a new Logger() line in a handler is redacted JSON with the request's ID", async () => {
    const outcome = await runApp({ FAULT: 'ping', STOP_AFTER_MS: '1500' });
    const line = jsonLines(outcome.stdout).find(
      (r) => r.context === 'PingController',
    );
    expect(line).toMatchObject({
      level: 'error',
      message: 'ping failed, password=[REDACTED]',
    });
    expect(line!.requestId).toMatch(ID);
    expect(outcome.stdout + outcome.stderr).not.toContain(PLANTED);
    // Nest's boot lines are JSON too: nothing of ConsoleLogger's format is left.
    expect(outcome.stdout).not.toContain('[Nest]');
    expect(
      jsonLines(outcome.stdout).some((r) => r.context === 'NestApplication'),
    ).toBe(true);
  });

  it.each([
    ['without bufferLogs, in the default JSON until the module exists', '', 1],
    ["with bufferLogs: true, all through the module's own options", '1', 0],
  ])(
    "writes Nest's first boot lines %s",
    async (_name, buffer, jsonBootLines) => {
      const outcome = await runApp({
        BUFFER_LOGS: buffer,
        STOP_AFTER_MS: '300',
        OPTIONS: JSON.stringify({ logger: { format: 'pretty' } }),
      });
      expect(outcome.code).toBe(0);
      const boot = outcome.stdout
        .split('\n')
        .filter((l) =>
          /Starting Nest application|successfully started/.test(l),
        );
      expect(boot).toHaveLength(2);
      // The last boot line is always the module's: pretty.
      expect(boot[1]).toMatch(
        /^\S+Z INFO {4}\[NestApplication\] Nest application successfully started$/,
      );
      expect(boot.filter((l) => l.startsWith('{'))).toHaveLength(jsonBootLines);
      if (!jsonBootLines)
        expect(boot[0]).toMatch(
          /^\S+Z INFO {4}\[NestFactory\] Starting Nest application\.\.\.$/,
        );
      expect(outcome.stdout).not.toContain('[Nest]');
    },
  );

  it("leaves Nest's ConsoleLogger with nestLogger: false", async () => {
    const outcome = await runApp({
      FAULT: 'ping',
      STOP_AFTER_MS: '1500',
      OPTIONS: JSON.stringify({ nestLogger: false }),
    });
    expect(outcome.stdout).toContain('[Nest]');
    expect(outcome.stdout + outcome.stderr).toContain(`password=${PLANTED}`);
  });

  it('is off with lastResort: false: Node reports the fault itself', async () => {
    const outcome = await runApp({
      FAULT: 'exception',
      OPTIONS: JSON.stringify({ lastResort: false }),
    });
    expect(outcome.code).toBe(1);
    expect(fatalLines(outcome)).toEqual([]);
    expect(outcome.stderr).toContain(PLANTED);
  });
});
