/**
 * The suites StrykerJS runs against every mutant (stryker.config.mjs): the clause tests (one
 * describe per clause, example-based, fast), the invalid-log properties, two amendment suites,
 * the explanations, the verdict properties and the mutation killers written for the survivors.
 * A surviving mutant re-runs every covering test, and on 2 shared cores (load 15 while seven
 * engineers test) even the other invariant properties (test/properties, ~20 s a pass) would stretch a run past two hours, so they, the
 * model-based, differential and metamorphic suites and the CLI, store and visual tests are left
 * to `npm test`; docs/mutation.md says what that leaves.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/clauses/**/*.test.ts',
      'test/invalid/**/*.test.ts',
      'test/amendments/s4-history.test.ts',
      'test/amendments/amendment-file.test.ts',
      'test/mutation-killers/**/*.test.ts',
      // The numeric ranges and readings of explanations (src/replay/sensitivity.ts) and the
      // verdicts' missing facts and readings: fast, and the only tests of that logic.
      'test/explain/**/*.test.ts',
      'test/properties/verdicts.test.ts',
    ],
    // Properties in our suites read it to run fewer futures per mutant (test/mutation-killers/budget.ts).
    env: { DEALSIM_MUTATION: '1' },
    // Properties keep their names from run to run, so StrykerJS can find the ones that cover a mutant.
    setupFiles: ['test/mutation-killers/fixed-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
