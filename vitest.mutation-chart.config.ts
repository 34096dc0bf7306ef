/**
 * The suites StrykerJS runs against every mutant of the statechart (stryker.chart.config.mjs):
 * the core's (vitest.mutation.config.ts) plus `chart-loads.test.ts`, which imports the chart
 * inside a test so that a chart that cannot be built fails a test rather than only the imports
 * (a runner counts the tests that still ran as passing).
 */
import { defineConfig } from 'vitest/config';
import { MUTATION_SUITES, mutationTestOptions } from './vitest.mutation.config.ts';

export default defineConfig({
  test: { ...mutationTestOptions, include: MUTATION_SUITES },
});
