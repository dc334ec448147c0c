import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/both-builds-app.mjs', import.meta.url),
);
const PLANTED = 'B0th-Builds-Secret-51';

/** Boots the fixture in its own process, calls GET /id once, stops it, and returns the answer and the log. */
async function callOnce(moduleFrom: 'esm' | 'cjs') {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PLANTED,
      MODULE_FROM: moduleFrom,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.on('close', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += String(chunk);
        const found = /PORT=(\d+)/.exec(stdout);
        if (found) resolve(found[1]!);
      });
      child.on('close', () =>
        reject(new Error(`the app exited early: ${stderr}`)),
      );
    });
    const response = await fetch(`http://127.0.0.1:${port}/id`);
    const body = (await response.json()) as { fromOtherBuild: unknown };
    child.kill('SIGTERM');
    await exited;
    return { response, body, stdout, stderr };
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

describe('an app that loads both builds (ESM imported, CommonJS required by a dependency)', () => {
  it.each(['esm', 'cjs'] as const)(
    'with SafeErrorsModule from the %s build, the other build sees the same request ID and logs with it, redacted',
    async (moduleFrom) => {
      const { response, body, stdout, stderr } = await callOnce(moduleFrom);
      const id = response.headers.get('x-request-id');
      expect(response.status).toBe(200);
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      expect(body).toEqual({ fromOtherBuild: id });
      const line = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((r) => r.context === 'Billing');
      expect(line).toMatchObject({
        level: 'info',
        message: 'charging card, password=[REDACTED]',
        requestId: id,
      });
      expect(stdout + stderr).not.toContain(PLANTED);
    },
  );
});
