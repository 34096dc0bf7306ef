/**
 * The suites StrykerJS runs against every mutant of the core (stryker.config.mjs): the clause
 * tests (one describe per clause, example-based, fast), the invalid-log properties, two
 * amendment suites, the explanations, the verdict properties, the rxjs replay and the mutation
 * killers written for the survivors.
 * A surviving mutant re-runs every covering test, and on 2 shared cores (load 15 while seven
 * engineers test) even the other invariant properties (test/properties, ~20 s a pass) would stretch a run past two hours, so they, the
 * model-based, differential and metamorphic suites and the CLI, store and visual tests are left
 * to `npm test`; docs/mutation.md says what that leaves.
 *
 * `test/mutation-killers/chart-loads.test.ts` is left to the statechart's run
 * (vitest.mutation-chart.config.ts): it imports the core inside a test, which made StrykerJS
 * attribute every module-level constant of the core (the catalogues) to that one test and run
 * their mutants against it alone, with the mutant active only in that test's fresh import.
 */
import { configDefaults, defineConfig } from 'vitest/config';

/** The core's suites; the statechart's run adds the chart-loading test. */
export const MUTATION_SUITES = [
  'test/clauses/**/*.test.ts',
  'test/invalid/**/*.test.ts',
  'test/amendments/s4-history.test.ts',
  'test/amendments/amendment-file.test.ts',
  'test/mutation-killers/**/*.test.ts',
  // The numeric ranges and readings of explanations (src/replay/sensitivity.ts) and the
  // verdicts' missing facts and readings: fast, and the only tests of that logic.
  'test/explain/**/*.test.ts',
  'test/properties/verdicts.test.ts',
  // The rxjs adapter (src/replay/streams.ts): its only tests.
  'test/streams/**/*.test.ts',
];

export const CHART_LOADS_TEST = 'test/mutation-killers/chart-loads.test.ts';

export const mutationTestOptions = {
  // Properties in our suites read it to run fewer futures per mutant (test/mutation-killers/budget.ts).
  env: { DEALSIM_MUTATION: '1' },
  // Properties keep their names from run to run, so StrykerJS can find the ones that cover a mutant.
  setupFiles: ['test/mutation-killers/fixed-seed.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    ...mutationTestOptions,
    include: MUTATION_SUITES,
    exclude: [...configDefaults.exclude, CHART_LOADS_TEST],
  },
});
