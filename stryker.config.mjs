// @ts-check
/**
 * Mutation testing (StrykerJS), a dev script and no part of `npm test`:
 *   npm run mutate              lib/filter, lib/request-id and lib/redaction in one run
 *   npm run mutate:request-id   one folder (also mutate:filter, mutate:redaction)
 * Reports go to reports/mutation/. StrykerJS 10 needs Node.js >= 22, so the scripts run it on a
 * Node 22 from the npm registry (npx node@22); the tests themselves run on that Node too.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: {
    // The project's Vitest config less the tests of the built package and the slow or random ones.
    configFile: 'stryker/vitest.mutation.config.ts',
  },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: [
    'lib/filter/**/*.ts',
    'lib/request-id/**/*.ts',
    'lib/redaction/**/*.ts',
  ],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Reruns test only the mutants whose code or covering tests changed; add -- --force for a full run.
  incremental: true,
  incrementalFile: 'reports/mutation/mutation.incremental.json',
  clearTextReporter: { allowColor: false, reportTests: false, logTests: false },
  // The sandbox needs the sources and tests, not the builds.
  ignorePatterns: [
    'dist',
    'dist-*',
    'coverage',
    'bench/results*',
    '.vitest-report.json',
  ],
  // e2e tests boot Nest apps, and a static mutant reruns every test: on a loaded 2-core machine a
  // tighter limit reports slow runs as timeouts.
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 15,
  tempDirName: '.stryker-tmp',
};

export default config;
