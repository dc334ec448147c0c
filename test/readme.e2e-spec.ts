import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './utils/free-port.js';

/**
 * The README cannot drift from the API: every TypeScript block in it is a file (its first line names it),
 * compiled together against the built package as a user's project would be, and the quick start is run
 * and called over HTTP, on both adapters, its answer and its log line compared with what the README shows.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
// Inside the package, so `nestjs-safe-errors` resolves to the build through the package's own exports.
const WORK = join(ROOT, '.readme-check');

interface Block {
  lang: string;
  text: string;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence))
    found.push({ lang: m[1]!, text: m[2]! });
  return found;
}

const ALL = blocks(README);
const TS = ALL.filter((b) => b.lang === 'ts');
const fileName = (block: Block) =>
  /^\/\/ ([\w.-]+\.ts)\n/.exec(block.text)?.[1];

function onlyBlock(lang: string, startsWith: string): string {
  const found = ALL.filter(
    (b) => b.lang === lang && b.text.startsWith(startsWith),
  );
  expect(found).toHaveLength(1);
  return found[0]!.text;
}

let compiled: { status: number | null; output: string };

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'src'), { recursive: true });
  for (const block of TS) {
    const name = fileName(block);
    if (name) writeFileSync(join(WORK, 'src', name), block.text);
  }
  writeFileSync(
    join(WORK, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'ES2023',
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        skipLibCheck: true,
        types: ['node'],
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', WORK],
    { encoding: 'utf8' },
  );
  compiled = { status: tsc.status, output: tsc.stdout + tsc.stderr };
}, 120_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe("the README's code", () => {
  it('names a file on the first line of every TypeScript block, each name once', () => {
    expect(TS.length).toBeGreaterThanOrEqual(10);
    const names = TS.map(fileName);
    expect(names.filter((n) => n === undefined)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('compiles, every block together, against the built package', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  describe.each([
    ['main.js', 'express'],
    ['main-fastify.js', 'fastify'],
  ])('the quick start, run as %s (%s)', (main) => {
    let child: ChildProcess;
    let stdout = '';
    let base = '';

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [join(WORK, 'dist', main)], {
        env: { ...process.env, PORT: String(port), NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (stdout += String(chunk)));
      const exited = new Promise<never>((_, reject) =>
        child.on('close', () => reject(new Error(`exited early: ${stdout}`))),
      );
      exited.catch(() => undefined);
      // Ready when it answers: Fastify logs that it started a moment before its socket listens.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const up = await Promise.race([
          fetch(`${base}/orders/0`).then(
            () => true,
            () => false,
          ),
          exited,
        ]);
        if (up) break;
        if (Date.now() > deadline) throw new Error(`never answered: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 30_000);

    afterAll(() => {
      child?.kill('SIGKILL');
    });

    it('answers what "What the client sees" shows, and logs the line it shows', async () => {
      const res = await fetch(`${base}/orders/42`);
      const requestId = res.headers.get('x-request-id')!;
      const body = await res.text();
      const shown = onlyBlock('http', 'HTTP/1.1 500');
      const shownId = /x-request-id: (\S+)/.exec(shown)![1]!;
      expect(res.status).toBe(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(body).toBe(
        shown.trim().split('\n').at(-1)!.replaceAll(shownId, requestId),
      );

      await expect.poll(() => stdout).toContain(`"requestId":"${requestId}"`);
      const line = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((r) => r.requestId === requestId)!;
      const readme = JSON.parse(
        onlyBlock('json', '{\n  "level": "error"'),
      ) as Record<string, unknown>;
      // Same fields in the same order; the same values but for the time, the ID and the stack's frames.
      expect(Object.keys(line)).toEqual(Object.keys(readme));
      const variable = new Set(['timestamp', 'requestId', 'error']);
      for (const key of Object.keys(readme))
        if (!variable.has(key))
          expect([key, line[key]]).toEqual([key, readme[key]]);
      const error = line.error as { stack: string };
      const shownError = readme.error as { stack: string };
      expect(Object.keys(error)).toEqual(Object.keys(shownError));
      expect(error.stack.split('\n')[0]).toBe(shownError.stack.split('\n')[0]);
      expect(stdout).not.toContain('s3cret-pw');
    });

    it('answers an HttpException as Nest does, with the ID', async () => {
      const res = await fetch(`${base}/orders/0`);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
      expect(await res.json()).toEqual({
        statusCode: 404,
        message: 'Order 0 not found',
        error: 'Not Found',
      });
    });
  });
});
