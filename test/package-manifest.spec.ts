import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  type: string;
  main: string;
  types: string;
  typesVersions: unknown;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  files: string[];
  engines: { node: string };
};

function libFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? libFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('package manifest', () => {
  it('every package lib/ imports is a declared dependency or peer', () => {
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    const used = new Set<string>();
    for (const file of libFiles(join(root, 'lib'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /(?:from\s+|import\s*\(\s*|\)\(\s*)'([^'.][^']*)'/g,
      )) {
        const specifier = match[1]!;
        if (specifier.startsWith('node:') || builtinModules.includes(specifier))
          continue;
        used.add(packageName(specifier));
      }
    }
    expect(used.size).toBeGreaterThan(2);
    for (const name of used)
      expect(declared, `${name} is imported by lib/`).toContain(name);
  });

  it('is a dual package: each entry has an ESM and a CommonJS build, each with its own types', () => {
    expect(pkg.type).toBe('module');
    for (const [subpath, dir] of [
      ['.', ''],
      ['./testing', 'testing/'],
    ] as const) {
      expect(pkg.exports[subpath]).toEqual({
        import: {
          types: `./dist/esm/${dir}index.d.ts`,
          default: `./dist/esm/${dir}index.js`,
        },
        require: {
          types: `./dist/cjs/${dir}index.d.ts`,
          default: `./dist/cjs/${dir}index.js`,
        },
      });
    }
    expect(pkg.exports['./package.json']).toBe('./package.json');
    // TypeScript's node10 resolution (`module: commonjs`) ignores exports: main, types and typesVersions.
    expect(pkg.main).toBe('./dist/cjs/index.js');
    expect(pkg.types).toBe('./dist/cjs/index.d.ts');
    expect(pkg.typesVersions).toEqual({
      '*': { testing: ['./dist/cjs/testing/index.d.ts'] },
    });
    expect(pkg.bin['safe-errors-audit']).toBe(
      './dist/esm/cli/safe-errors-audit.js',
    );
    expect(
      readFileSync(join(root, 'lib/cli/safe-errors-audit.ts'), 'utf8'),
    ).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('leaves the built bin executable: it runs as a command of its own, as npx runs it', () => {
    const bin = join(root, pkg.bin['safe-errors-audit']!);
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    const run = spawnSync(bin, ['--help'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      },
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/safe-errors-audit/);
  });

  it('states the Node versions the matrix tests: 20.19+, 22.12+ and 24', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || ^24.0.0');
  });

  it('declares Nest 11 and 12 and their companions as peers, OpenTelemetry as an optional one', () => {
    for (const name of [
      '@nestjs/common',
      '@nestjs/core',
      '@nestjs/platform-fastify',
    ])
      expect(pkg.peerDependencies?.[name]).toBe('^11.0.0 || ^12.0.0');
    expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(
      expect.arrayContaining([
        '@nestjs/common',
        '@nestjs/core',
        'reflect-metadata',
        'rxjs',
      ]),
    );
    expect(pkg.peerDependenciesMeta?.['@opentelemetry/api']?.optional).toBe(
      true,
    );
  });

  it("the Nest 11 matrix cell's manifest is this one with only the Nest dev dependencies on 11 (GraphQL on 13)", () => {
    const read = (path: string) =>
      JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<
        string,
        unknown
      > & { devDependencies: Record<string, string> };
    const own = read('package.json');
    const nest11 = read('test/matrix/nest11/package.json');
    const { devDependencies: ownDev, ...ownRest } = own;
    const { devDependencies: nest11Dev, ...nest11Rest } = nest11;
    expect(nest11Rest).toEqual(ownRest);
    expect(Object.keys(nest11Dev)).toEqual(Object.keys(ownDev));
    for (const [name, range] of Object.entries(nest11Dev)) {
      if (!name.startsWith('@nestjs/')) expect(range).toBe(ownDev[name]);
      else if (/^@nestjs\/(graphql|apollo|mercurius)$/.test(name))
        expect(range).toMatch(/^\^13\./);
      else expect(range).toMatch(/^\^11\./);
    }
  });

  it('declares the GraphQL drivers as optional peers: SafeGraphQL loads none of them', () => {
    for (const name of [
      '@nestjs/graphql',
      '@nestjs/apollo',
      '@nestjs/mercurius',
    ]) {
      expect(pkg.peerDependencies?.[name]).toBe('^13.0.0 || ^14.0.0');
      expect(pkg.peerDependenciesMeta?.[name]?.optional).toBe(true);
    }
  });
});
