// @ts-check
/**
 * Mutation testing of the statechart itself (issue 10): `machines/deal.machine.ts` is built when
 * its module loads, so StrykerJS sees most of its mutants (targets, guards' attachments, tags,
 * the regions' shapes) as "static": no test covers them, only the import does. The main run
 * (stryker.config.mjs) ignores static mutants; this one scores them. Each static mutant reloads
 * the test environment and runs the whole mutation suite (vitest.mutation-chart.config.ts), about
 * 15 s, so the chart alone costs 15 to 30 minutes on two cores. String literals are mutated
 * here too: in the chart they are targets, tags, clauses and state meanings, not messages.
 * `npm run mutation:chart`; reports in reports/mutation/chart.*, summary in docs/mutation.md.
 */
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['machines/deal.machine.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.mutation-chart.config.ts' },
  mutator: { excludedMutations: [] },
  ignoreStatic: false,
  // Every mutant runs every test. Most are static and would anyway; for the guards, filtering the
  // covering tests by name missed failing tests in a first run (a cap guard "survived" that the
  // suite kills), so this run does not filter.
  coverageAnalysis: 'all',
  // A static mutant reloads the whole test environment first: on a loaded machine 15 s of slack
  // turned slow runs into timeouts.
  timeoutMS: 45_000,
  jsonReporter: { fileName: 'reports/mutation/chart.json' },
  htmlReporter: { fileName: 'reports/mutation/chart.html' },
  incrementalFile: 'reports/mutation/chart-incremental.json',
  tempDirName: '.stryker-tmp-chart',
};
