/** Vitest global setup for `npm run coverage:tests`: start from an empty recording folder. */
import { rmSync } from 'node:fs';

export function setup(): void {
  const folder = process.env.DEALSIM_CLAUSE_COVERAGE;
  if (folder) rmSync(folder, { recursive: true, force: true });
}
