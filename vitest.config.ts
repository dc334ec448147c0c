import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  resolve: {
    // The sample app and the tests import the library by its package name, as a
    // user would; in the test run that name points at the source.
    alias: [
      {
        find: /^nestjs-safe-errors\/testing$/,
        replacement: fileURLToPath(new URL('./lib/testing/index.ts', import.meta.url)),
      },
      {
        find: /^nestjs-safe-errors$/,
        replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    globals: true,
    root: './',
    include: ['test/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    // The consumer apps' own Jest tests run inside their apps, in the matrix.
    exclude: ['**/node_modules/**', 'test/matrix/consumers/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
