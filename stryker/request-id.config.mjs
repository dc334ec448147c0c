// @ts-check
// Mutation testing of lib/request-id/ alone: npm run mutate:request-id (see ../stryker.config.mjs).
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['lib/request-id/**/*.ts'],
  jsonReporter: { fileName: 'reports/mutation/request-id.json' },
  incrementalFile: 'reports/mutation/request-id.incremental.json',
};
