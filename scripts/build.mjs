#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install` and `npm pack`, through `prepare`): compiles the
 * TypeScript of src/, machines/ and simulations/run-all.ts to dist/ with tsc (tsconfig.build.json,
 * incremental), then copies beside the compiled modules every data file they read at run time
 * (the real history, futures, amendment and Monte Carlo spec files, the worker entry), so that
 * every `new URL('…', import.meta.url)` finds the same file from dist/ as from the sources.
 * Compiled files whose source is gone are removed, so a tarball never ships a stale module.
 *
 * `--if-stale` builds only when a source or data file is newer than the last build (the test
 * suite's global setup uses it, so the processes it spawns run the code under test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Written last: its time is the time of the last complete build. */
const STAMP = join(DIST, '.built');
/** What tsc compiles (tsconfig.build.json's include) and where run-time data lives. */
const SOURCES = ['src', 'machines', 'simulations'];
/** Read at run time, so copied into dist/ beside the modules that read them. */
const DATA = /\.(jsonl|json|mjs)$/;
/** Compiled, or not shipped: example scripts that run from the sources. */
const NOT_DATA = new Set(['simulations/library-api.ts']);
/** Written by the build itself (no source beside it): the report's statechart pictures, rendered ahead. */
const REPORT_CHARTS = join(DIST, 'src/cli/render/report-charts.json');

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function sourceFiles() {
  return SOURCES.flatMap((dir) => [...walk(join(ROOT, dir))]).filter((file) => !NOT_DATA.has(relative(ROOT, file)));
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const inputs = [...sourceFiles(), join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')];
  return inputs.some((file) => statSync(file).mtimeMs > built);
}

function compile() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(
      'dealsim build: tsc failed (above). Fix: correct the type errors, then run "npm run build".\n',
    );
    process.exit(result.status ?? 1);
  }
}

/**
 * Copies the data files, each only when it changed and through a rename, so a dealsim process
 * reading dist/ meanwhile (the tests run some while `npm pack` rebuilds) never sees half a file.
 */
function copyData() {
  for (const file of sourceFiles()) {
    if (!DATA.test(file)) continue;
    const target = join(DIST, relative(ROOT, file));
    const content = readFileSync(file);
    if (existsSync(target) && readFileSync(target).equals(content)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, content);
    renameSync(`${target}.tmp`, target);
  }
}

/** Removes dist/ files whose source (a .ts or a data file) no longer exists. */
function pruneOrphans() {
  for (const file of walk(DIST)) {
    const rel = relative(DIST, file);
    if (rel.startsWith('.') || file === REPORT_CHARTS) continue;
    const source = join(ROOT, rel.replace(/\.d\.ts$|\.js$/, '.ts'));
    if (!existsSync(source)) rmSync(file);
  }
}

/**
 * Renders the report's statechart pictures with the compiled code (src/cli/render/report-charts.ts),
 * so that a report loads no Graphviz; written through a rename, like the data files.
 */
async function renderReportCharts() {
  const { renderReportCharts: render } = await import(
    pathToFileURL(join(DIST, 'src/cli/render/report-charts.js')).href
  );
  writeFileSync(`${REPORT_CHARTS}.tmp`, `${JSON.stringify(await render())}\n`);
  renameSync(`${REPORT_CHARTS}.tmp`, REPORT_CHARTS);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  compile();
  copyData();
  pruneOrphans();
  await renderReportCharts();
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
