#!/usr/bin/env node
// The `dealsim` command: runs the compiled code in dist/, which `npm install` builds (`npm run build`).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write(
    'dealsim: the compiled code (dist/) is missing. Fix: run "npm run build" in the dealsim folder.\n',
  );
  process.exit(70);
}
process.exitCode = await main(process.argv.slice(2));
