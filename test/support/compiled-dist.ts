/**
 * Global setup: the tests that spawn `node bin/dealsim.js` (a real process, a real stderr) run
 * the compiled code in dist/, so it must be the code under test. Rebuilds dist/ when a source
 * or data file is newer than the last build (`npm run build -- --if-stale`); a no-op otherwise.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const build = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [build, '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error('dist/ could not be rebuilt (tsc output above); fix it, then run the tests again');
}
