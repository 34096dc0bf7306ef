/**
 * `npm run bench`: runs every section in bench/sections/ in this one process, so each ratio
 * compares numbers measured in the same run, and prints a report, or with `-- --json` one object
 * merging every section's metrics. The CLI section (child processes, bench/sections/cli.ts)
 * comes first, then the in-process figures. `-- --only=NAME` runs one section, `-- --runs=N`
 * sets the CLI section's runs per command.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { buildIfStale } from './compiled.ts';
import type { BenchSection, Measure } from './section.ts';

const json = process.argv.includes('--json');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const dir = new URL('./sections/', import.meta.url);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only === undefined || name === `${only}.ts`)
  // The CLI as users run it first; the in-process figures after it.
  .sort((a, b) => Number(b === 'cli.ts') - Number(a === 'cli.ts') || a.localeCompare(b));
// Every section times the compiled code (bin runs dist/cli, the in-process figures dist/src).
buildIfStale();
const sections: BenchSection[] = [];
for (const name of files) {
  const { measure } = (await import(new URL(name, dir).href)) as { measure: Measure };
  if (!json) process.stderr.write(`measuring ${name}…\n`);
  sections.push(await measure());
}
const metrics = Object.assign({}, ...sections.map((section) => section.metrics));
if (json) process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`);
else {
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  const out = [`dealsim bench: ${availableParallelism()} CPUs, load average ${load} (numbers move with the load)`];
  for (const section of sections) out.push('', section.name, ...section.lines.map((line) => `  ${line}`));
  process.stdout.write(`${out.join('\n')}\n`);
}
