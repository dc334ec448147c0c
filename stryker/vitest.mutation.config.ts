import { configDefaults, mergeConfig } from 'vitest/config';
import base from '../vitest.config.ts';

/**
 * The Vitest config of the mutation runs (npm run mutate): the project's own, less the test files
 * whose result does not depend on lib/ source, or that are too slow or too random to run per mutant.
 */
const config = mergeConfig(base, {
  test: {
    exclude: [
      ...configDefaults.exclude,
      // 20,000 requests and GC measurements: about 20 s a run, and timing-sensitive.
      'test/memory.e2e-spec.ts',
      // Random inputs: a mutant killed in one run and not in the next is noise.
      'test/fuzz/**',
      // These test the built package (dist/, npm pack, the compiled CLI), not lib/.
      'test/consumer.e2e-spec.ts',
      'test/audit/audit-cli.e2e-spec.ts',
      'test/api-report.spec.ts',
      'test/package-manifest.spec.ts',
    ],
    // A mutant that leaves a request unanswered hangs its test: fail it soon, not after the project's
    // 30 s (Stryker counts a run past its own limit as a timeout, and restarts the worker).
    testTimeout: 10_000,
    hookTimeout: 20_000,
  },
});
// mergeConfig concatenates arrays: replace the base's reporters (and its JSON file) outright.
config.test.reporters = ['dot'];
delete config.test.outputFile;

export default config;
