import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Processes the tests spawn run dist/: rebuild it first when the sources are newer.
    globalSetup: ['test/support/compiled-dist.ts'],
    // Property tests replay thousands of futures; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
