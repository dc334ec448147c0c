// Boots a built consumer app on a given Node binary and adapter and checks it over a real socket, as a
// user's first smoke test would: the opaque 500, Nest's own 404, and a redacted service log line.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { deepStrictEqual, strictEqual, ok } from 'node:assert/strict';

const BOOT_TIMEOUT_MS = 30_000;

function boot(dir, node, adapter) {
  const child = spawn(node, ['dist/src/main.js'], {
    cwd: dir,
    env: { ...process.env, ADAPTER: adapter, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no PORT line in ${BOOT_TIMEOUT_MS} ms: ${stderr}`)), BOOT_TIMEOUT_MS);
    let pending = '';
    child.stdout.on('data', (d) => {
      pending += d;
      const parts = pending.split('\n');
      pending = parts.pop();
      for (const line of parts) {
        lines.push(line);
        const m = /^PORT=(\d+)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before listening: ${stderr}`));
    });
  });
  return { child, lines, port };
}

async function get(port, path) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

// The log is written asynchronously: wait briefly for a line that satisfies the predicate.
async function logLine(lines, predicate) {
  for (let i = 0; i < 50; i++) {
    const line = lines.find(predicate);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

/** Runs every check; resolves to [{ name, error? }], one entry per check. */
export async function checkApp({ dir, node, adapter, label }) {
  const results = [];
  const app = boot(dir, node, adapter);
  const check = async (name, fn) => {
    try {
      await fn();
      results.push({ name: `${label}: ${name}` });
    } catch (error) {
      results.push({ name: `${label}: ${name}`, error: String(error?.message ?? error) });
    }
  };
  let port;
  try {
    port = await app.port;
  } catch (error) {
    app.child.kill();
    return [{ name: `${label}: boots and listens`, error: String(error.message) }];
  }
  await check('boots and listens', () => ok(port > 0));
  let boom;
  await check('a thrown Error is exactly the opaque 500, its ID in body and header', async () => {
    boom = await get(port, '/boom');
    strictEqual(boom.status, 500);
    const id = boom.headers.get('x-request-id');
    ok(id && id.length >= 8, `x-request-id: ${id}`);
    strictEqual(boom.text, `{"statusCode":500,"message":"Internal server error","requestId":"${id}"}`);
  });
  await check('the audit from nestjs-safe-errors/testing finds nothing in the 500', async () => {
    const { leakKinds } = await import(pathToFileURL(join(dir, 'dist/src/leak-audit.js')).href);
    deepStrictEqual(leakKinds({ status: boom.status, headers: boom.headers, body: boom.text }), []);
  });
  await check('the 500 is logged inside with its ID and the message, the password censored', async () => {
    const id = boom.headers.get('x-request-id');
    const line = await logLine(app.lines, (l) => l.includes(id) && l.includes('db down'));
    ok(line, `no log line with ${id}: ${app.lines.join('\n')}`);
    ok(!line.includes('consumer-secret'), line);
  });
  await check("an unknown route gets Nest's own 404", async () => {
    const res = await get(port, '/nope');
    strictEqual(res.status, 404);
    deepStrictEqual(JSON.parse(res.text), {
      message: 'Cannot GET /nope',
      error: 'Not Found',
      statusCode: 404,
    });
  });
  await check("a service's RedactingLogger line shows [REDACTED] where the password was", async () => {
    const res = await get(port, '/login');
    strictEqual(res.status, 200);
    const line = await logLine(app.lines, (l) => l.includes('login attempt'));
    ok(line, `no login line: ${app.lines.join('\n')}`);
    ok(line.includes('[REDACTED]') && line.includes('alice'), line);
    ok(!line.includes('consumer-hunter2'), line);
  });
  app.child.kill();
  return results;
}
