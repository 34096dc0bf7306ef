/**
 * How many runs a property gets. Under `npm run mutation` (vitest.mutation.config.ts sets
 * DEALSIM_MUTATION) every surviving mutant re-runs the whole suite, so properties run a fifth
 * as many futures there; the boundary-seeking arbitraries still reach the sunsets quickly.
 */
export function runs(full: number): number {
  return process.env.DEALSIM_MUTATION ? Math.max(20, Math.ceil(full / 5)) : full;
}
