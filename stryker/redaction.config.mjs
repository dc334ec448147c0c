// @ts-check
// Mutation testing of lib/redaction/ alone: npm run mutate:redaction (see ../stryker.config.mjs).
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: [
    'lib/redaction/**/*.ts',
    // Types only, or data: a list of words or token formats, whose every string literal would be a
    // mutant of its own and each of those a rerun of every test.
    '!lib/redaction/**/*.interface.ts',
    '!lib/redaction/**/*.interfaces.ts',
    '!lib/redaction/redact.constants.ts',
    '!lib/redaction/keys/secret-key.vocabulary.ts',
    '!lib/redaction/tokens/token-formats.ts',
  ],
  // Static mutants (module-level regexes and tables) rerun every test and reload the module graph:
  // several hundred of them here, hours on 2 cores. They are reported as ignored.
  ignoreStatic: true,
  // Unit tests only (and the logger's small e2e suite): see that file for why.
  vitest: { configFile: 'stryker/vitest.redaction.config.ts' },
  jsonReporter: { fileName: 'reports/mutation/redaction.json' },
  incrementalFile: 'reports/mutation/redaction.incremental.json',
};
