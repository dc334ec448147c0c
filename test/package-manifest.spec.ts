import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  type: string;
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

  it('is an ESM package whose exports give types and a default for the entry', () => {
    expect(pkg.type).toBe('module');
    const entry = pkg.exports['.'] as Record<string, string>;
    expect(entry.types).toBe('./dist/index.d.ts');
    expect(entry.default).toBe('./dist/index.js');
    expect(pkg.exports['./package.json']).toBe('./package.json');
    const testing = pkg.exports['./testing'] as Record<string, string>;
    expect(testing.types).toBe('./dist/testing/index.d.ts');
    expect(testing.default).toBe('./dist/testing/index.js');
    expect(pkg.bin['safe-errors-audit']).toBe(
      './dist/cli/safe-errors-audit.js',
    );
    expect(
      readFileSync(join(root, 'lib/cli/safe-errors-audit.ts'), 'utf8'),
    ).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.engines.node).toBe('>=20');
  });

  it('declares Nest and its companions as peers, OpenTelemetry as an optional one', () => {
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

  it('declares the GraphQL drivers as optional peers: SafeGraphQL loads none of them', () => {
    for (const name of [
      '@nestjs/graphql',
      '@nestjs/apollo',
      '@nestjs/mercurius',
    ]) {
      expect(pkg.peerDependencies?.[name]).toBe('^14.0.0');
      expect(pkg.peerDependenciesMeta?.[name]?.optional).toBe(true);
    }
  });
});
