/**
 * Setup of the mutation suite (vitest.mutation.config.ts): one fast-check seed for every run.
 * StrykerJS runs a mutant's covering tests by their names, and a property written with
 * `test.prop` is named with its seed ("… (with seed=…)"): with a new seed each run, no property
 * would ever match its name from the first run, and the mutants only properties kill would be
 * reported alive. A fixed seed also makes every mutant meet the same futures.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20251028 });
