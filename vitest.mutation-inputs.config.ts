/**
 * The suites StrykerJS runs against the input edges (stryker.inputs.config.mjs): the unit tests of
 * the bounded JSON reader, and the amendment suites, which read amendment files as users write them.
 */
import { defineConfig } from 'vitest/config';
import { mutationTestOptions } from './vitest.mutation.config.ts';

export default defineConfig({
  test: {
    ...mutationTestOptions,
    include: ['test/input/json-input.test.ts', 'test/amendments/**/*.test.ts'],
  },
});
