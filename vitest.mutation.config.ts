/**
 * The suites StrykerJS runs against every mutant (stryker.config.mjs): the fast unit, clause and
 * property tests that pin the clause logic. Left out: the CLI and store end-to-end tests and the
 * model-based suite, which spend their time in files and subprocesses and add little on top.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/clauses/**/*.test.ts',
      'test/properties/**/*.test.ts',
      'test/invariants/**/*.test.ts',
      'test/amendments/**/*.test.ts',
      'test/differential/**/*.test.ts',
      'test/metamorphic/**/*.test.ts',
      'test/invalid/**/*.test.ts',
      'test/mutation-killers/**/*.test.ts',
    ],
    // Properties in our suites read it to run fewer futures per mutant (test/mutation-killers/budget.ts).
    env: { DEALSIM_MUTATION: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
