import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

// A user's app: plain JavaScript, decorators applied by hand, the library installed from its tarball.
const MAIN = `
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SafeErrorsModule, getRequestId } from 'nestjs-safe-errors';

class BoomController {
  boom() { throw new Error('db down: postgres://app:consumer-secret@db/x'); }
  id() { return { requestId: getRequestId() }; }
}
for (const [name, path] of [['boom', 'boom'], ['id', 'id']]) {
  Get(path)(BoomController.prototype, name, Object.getOwnPropertyDescriptor(BoomController.prototype, name));
}
Controller()(BoomController);
class AppModule {}
Module({ imports: [SafeErrorsModule.forRoot()], controllers: [BoomController] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(0, '127.0.0.1');
process.stdout.write('PORT=' + app.getHttpServer().address().port + '\\n');
`;

describe('consumer: the packed tarball in a throwaway app outside the repo', () => {
  let dir: string;
  let tarball: string;
  let child: ChildProcess | undefined;
  let packedFiles: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'safe-errors-consumer-'));
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--pack-destination', dir],
      { cwd: root },
    );
    const packed = JSON.parse(stdout) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(dir, packed[0]!.filename);
    packedFiles = packed[0]!.files.map((f) => f.path);

    const lock = JSON.parse(
      await readFile(join(root, 'package-lock.json'), 'utf8'),
    ) as {
      packages: Record<string, { version: string }>;
    };
    const version = (name: string) =>
      lock.packages[`node_modules/${name}`]!.version;
    const deps = [
      '@nestjs/common',
      '@nestjs/core',
      '@nestjs/platform-express',
      'reflect-metadata',
      'rxjs',
    ];
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(deps.map((d) => [d, version(d)])),
      }),
    );
    await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        tarball,
      ],
      {
        cwd: dir,
      },
    );
    await writeFile(join(dir, 'main.js'), MAIN);
  }, 240_000);

  afterAll(async () => {
    child?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds only the build, README, LICENSE and package.json', () => {
    const files = packedFiles;
    for (const build of ['esm', 'cjs']) {
      expect(files).toContain(`dist/${build}/index.js`);
      expect(files).toContain(`dist/${build}/index.d.ts`);
      expect(files).toContain(`dist/${build}/testing/index.js`);
    }
    expect(files).toContain('dist/cjs/package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    for (const file of files) {
      expect(file).toMatch(/^(dist\/.+|README\.md|LICENSE|package\.json)$/);
    }
    expect(
      files.some((f) => f.endsWith('.spec.js') || f.startsWith('dist/test/')),
    ).toBe(false);
  });

  it('boots, answers an opaque 500 and logs the ID with the stack', async () => {
    const proc = spawn(process.execPath, ['main.js'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no port; output: ${out}`)),
        20_000,
      );
      proc.stdout!.on('data', () => {
        const m = /PORT=(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/boom`);
    const requestId = res.headers.get('x-request-id');
    expect(res.status).toBe(500);
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);
    expect(await res.text()).toBe(
      JSON.stringify({
        statusCode: 500,
        message: 'Internal server error',
        requestId,
      }),
    );
    const ok = await fetch(`http://127.0.0.1:${port}/id`);
    expect(await ok.json()).toEqual({
      requestId: ok.headers.get('x-request-id'),
    });

    await expect
      .poll(() => out, { timeout: 5_000 })
      .toContain(`"requestId":"${requestId}"`);
    const line = out
      .split('\n')
      .find((l) => l.includes(`"requestId":"${requestId}"`))!;
    const record = JSON.parse(line) as {
      error: { stack: string; message: string };
    };
    expect(record.error.stack).toMatch(/\n\s+at /);
    expect(record.error.message).toBe(
      'db down: postgres://app:[REDACTED]@db/x',
    );
    expect(line).not.toContain('consumer-secret');
  });
});
