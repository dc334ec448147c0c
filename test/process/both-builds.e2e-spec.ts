import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startChildApp } from '../utils/child-app.js';

const FIXTURE = fileURLToPath(
  new URL('./fixtures/both-builds-app.mjs', import.meta.url),
);
const PLANTED = 'B0th-Builds-Secret-51';

/** Boots the fixture in its own process, calls GET /id once, stops it, and returns the answer and the log. */
async function callOnce(moduleFrom: 'esm' | 'cjs') {
  const app = await startChildApp(FIXTURE, {
    PLANTED,
    MODULE_FROM: moduleFrom,
  });
  let response: Response;
  let body: { fromOtherBuild: unknown };
  try {
    response = await fetch(`http://127.0.0.1:${app.port}/id`);
    body = (await response.json()) as { fromOtherBuild: unknown };
  } finally {
    await app.stop();
  }
  return { response, body, stdout: app.stdout(), stderr: app.stderr() };
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
