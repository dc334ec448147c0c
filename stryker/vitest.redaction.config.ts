import { mergeConfig } from 'vitest/config';
import mutation from './vitest.mutation.config.ts';

/**
 * The Vitest config of `npm run mutate:redaction`: the unit tests of redaction and of the logger
 * that uses it, the precision corpus and the properties. The HTTP e2e suites, which boot Nest apps per
 * file, are left out: over a thousand mutants, several hundred of them static (regexes, the key
 * vocabulary) and so run against every test, would take hours on 2 cores with them.
 */
const config = mergeConfig(mutation, {});
config.test.include = [
  'test/unit/redact*.spec.ts',
  'test/unit/*detector*.spec.ts',
  'test/unit/*logger*.spec.ts',
  'test/unit/mutants.redaction.spec.ts',
  'test/redaction/**/*.spec.ts',
  // Real framework output that must come back unchanged (one Nest app, booted once).
  'test/redaction/precision.e2e-spec.ts',
  'test/logger.e2e-spec.ts',
];
// The properties (fast-check) run from a fixed seed here, so their verdict on a mutant is repeatable.
config.test.setupFiles = ['stryker/fast-check-seed.ts'];
config.test.exclude = [
  ...config.test.exclude,
  // Cuts thousands of long strings: near 10 s a run once instrumented, and it covers nearly every
  // mutant of the walk and the scanner.
  'test/unit/redact.bounds.spec.ts',
];
// No sockets here, so nothing hangs; instrumented scans of long text are slow.
config.test.testTimeout = 30_000;

export default config;
