#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install` and `npm pack`, through `prepare`): compiles the
 * TypeScript of src/, machines/ and simulations/run-all.ts to dist/ with tsc (tsconfig.build.json,
 * incremental), then copies beside the compiled modules every data file they read at run time
 * (the real history, futures, amendment and Monte Carlo spec files, the worker entry), so that
 * every `new URL('…', import.meta.url)` finds the same file from dist/ as from the sources.
 * Compiled files whose source is gone are removed, so a tarball never ships a stale module.
 * Then it renders the report's statechart pictures ahead, and bundles the command line with
 * esbuild into dist/cli/ (what `bin/dealsim.js` runs): one module per command and a few shared
 * chunks instead of some sixty modules and packages to resolve, read and compile at every start.
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
/** The bundled command line, and esbuild's account of which modules went into which of its files. */
const BUNDLE = join(DIST, 'cli');
const BUNDLE_META = join(DIST, '.bundle-meta.json');
/**
 * Left out of the bundle: esbuild itself (the studio runs it), a native addon, and Graphviz,
 * which only the commands that draw an SVG import.
 */
const NOT_BUNDLED = ['esbuild', 'fs-ext', '@viz-js/viz'];

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
    writeIfChanged(join(DIST, relative(ROOT, file)), readFileSync(file));
  }
}

/** Writes `content` to `target` through a rename, only when it differs from what is there. */
function writeIfChanged(target, content) {
  const bytes = Buffer.from(content);
  if (existsSync(target) && readFileSync(target).equals(bytes)) return;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, bytes);
  renameSync(`${target}.tmp`, target);
}

/** Removes dist/ files whose source (a .ts or a data file) no longer exists. */
function pruneOrphans() {
  for (const file of walk(DIST)) {
    const rel = relative(DIST, file);
    if (rel.startsWith('.') || file === REPORT_CHARTS || !relative(BUNDLE, file).startsWith('..')) continue;
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
  writeIfChanged(REPORT_CHARTS, `${JSON.stringify(await render())}\n`);
}

/**
 * A bundled module's `import.meta.url` is its bundle file's; every source that reads a file beside
 * itself (`new URL('…', import.meta.url)`) gets instead the URL of its compiled module in dist/,
 * where the data files are, so it finds the same files bundled as compiled.
 */
const importMetaUrlOfCompiledModule = {
  name: 'import-meta-url-of-compiled-module',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const compiled = relative(BUNDLE, join(DIST, relative(ROOT, args.path))).replace(/\.ts$/, '.js');
      const url = `new URL(${JSON.stringify(compiled.split('\\').join('/'))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * Bundles src/cli/main.ts into dist/cli/: each command stays a module of its own, imported when
 * it runs, with shared code in chunks. Files are written through renames, only when changed,
 * and files of an earlier bundle are removed once the new one is in place.
 */
async function bundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(ROOT, 'src/cli/main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: BUNDLE,
    external: NOT_BUNDLED,
    // jsonc-parser's `main` is a UMD build whose require() calls a bundle cannot follow; its ESM build is the same code.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [importMetaUrlOfCompiledModule],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const written = new Set();
  for (const file of result.outputFiles) {
    writeIfChanged(file.path, file.contents);
    written.add(file.path);
  }
  for (const file of walk(BUNDLE)) if (!written.has(file)) rmSync(file);
  writeIfChanged(BUNDLE_META, `${JSON.stringify(result.metafile)}\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  compile();
  copyData();
  pruneOrphans();
  await renderReportCharts();
  await bundle();
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
