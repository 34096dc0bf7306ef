// A Monte Carlo worker thread's entry. Compiled (dist/, where `npm run build` copies this file),
// workers.js sits beside it. From the sources, worker threads do not inherit the tsx loader on
// Node 20: register it, then load the TypeScript.
import { existsSync } from 'node:fs';

const compiled = new URL('./workers.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./workers.ts');
}
