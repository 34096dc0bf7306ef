/**
 * The whole test suite with clause coverage recorded (test/coverage/record-steps.ts): which
 * states, transitions and clauses C1–C12 the tests exercise. `npm run coverage:tests`, then
 * `dealsim coverage` reports it next to the shipped simulations.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

const folder = 'reports/clause-coverage/tests';
process.env.DEALSIM_CLAUSE_COVERAGE = folder;

export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ['test/coverage/clear-recordings.ts'],
      setupFiles: ['test/coverage/record-steps.ts'],
      env: { DEALSIM_CLAUSE_COVERAGE: folder },
    },
  }),
);
