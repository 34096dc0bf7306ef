// @ts-check
/**
 * Mutation testing of the input edges measured apart from the core (stryker.config.mjs leaves
 * them out): the bounded reader of user-written JSON (`src/domain/json-input.ts`: `--amendments`
 * files and Monte Carlo specs) and the amendment-file validator (`src/domain/amendment-file.ts`).
 * Their tests are the unit suites of those files and the amendment suites (vitest.mutation-inputs.config.ts); the CLI’s
 * hostile-input tests also cover them end to end in `npm test`.
 * `npx stryker run stryker.inputs.config.mjs`; reports in reports/mutation/inputs.*.
 */
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/domain/json-input.ts', 'src/domain/amendment-file.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.mutation-inputs.config.ts' },
  jsonReporter: { fileName: 'reports/mutation/inputs.json' },
  htmlReporter: { fileName: 'reports/mutation/inputs.html' },
  incrementalFile: 'reports/mutation/inputs-incremental.json',
  tempDirName: '.stryker-tmp-inputs',
};
