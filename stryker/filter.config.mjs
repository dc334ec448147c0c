// @ts-check
// Mutation testing of lib/filter/ alone: npm run mutate:filter (see ../stryker.config.mjs).
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['lib/filter/**/*.ts'],
  jsonReporter: { fileName: 'reports/mutation/filter.json' },
  incrementalFile: 'reports/mutation/filter.incremental.json',
};
