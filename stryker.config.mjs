// @ts-check
/**
 * Mutation testing of the clause logic (issue 4): StrykerJS mutates the pure core that decides
 * what holds when — src/domain/, src/replay/ and the log parser (the statechart has its own
 * run, stryker.chart.config.mjs) —
 * and runs the fast unit and property suites against each mutant. The CLI, the store and the
 * fuzz/check drivers are edges, not clause logic, and are not mutated. `npm run mutation`;
 * the JSON and HTML reports land in reports/mutation/ (git-ignored), the summary in
 * docs/mutation.md.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {
    // Only the fast suites: see vitest.mutation.config.ts for which and why.
    configFile: 'vitest.mutation.config.ts',
    // Every test imports the core through the replay, so "related files" would pick all of them anyway.
    related: false,
  },
  // Not copied into the sandbox: scratch files come and go while others work, and reports are outputs.
  ignorePatterns: ['scratch', 'reports', 'out', '**/*.lock', '**/*.tmp', '**/*.torn'],
  mutate: [
    // The statechart is scored by stryker.chart.config.mjs, with its static mutants in.
    'src/domain/**/*.ts',
    'src/replay/**/*.ts',
    'src/log/parse.ts',
    // Not clause logic: wording and plumbing for people, checked by the CLI tests.
    '!src/replay/explain.ts',
    '!src/domain/did-you-mean.ts',
    '!src/domain/errors.ts',
    '!src/domain/money.ts',
    '!src/domain/clauses.ts',
    // Validation of user-written files (--amendments FILE, Monte Carlo specs): input edges like
    // the CLI's option parsing, tested by test/input and test/amendments outside this suite; the
    // overlays they produce are mutated in amendments.ts. Measured apart (stryker.inputs.config.mjs).
    '!src/domain/amendment-file.ts',
    '!src/domain/json-input.ts',
  ],
  mutator: {
    // Strings here are messages, hints and finding reasons: what the clause logic decides is
    // carried by comparisons, conditions and values, which every other mutator still flips
    // (an \`event.type === 'x'\` test is mutated to true and false). Text is checked by the CLI tests.
    excludedMutations: ['StringLiteral'],
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the catalogues) have no per-test coverage, so
  // each would run every test: too slow on 2 shared cores. docs/mutation.md counts them apart.
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops forever (the calendar's for(;;)) should cost seconds, not minutes, but a
  // busy shared machine must not turn slow runs into false timeouts.
  timeoutMS: 15_000,
  timeoutFactor: 1.5,
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 90, break: null },
  // Re-runs test only what changed since the last run: the killers written for survivors re-test those.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
