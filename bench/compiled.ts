/**
 * The code the benchmark times, compiled as users run it. TypeScript run through tsx is not
 * that code: tsx keeps function names by wrapping every nested function in a helper call, which
 * cost the hand-written reducer (its helpers are closures made on every call) over a quarter of
 * its time and so made the kernel look nearer to it than it is. The product's modules are
 * therefore imported from dist/src (the compiled library, what `import 'dealsim'` runs), and
 * the benchmark's own reducer is bundled by esbuild with the settings of the command line's bundle.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

/** Builds dist/ when a source is newer than the last build, so every figure times the code in the tree. */
export function buildIfStale(): void {
  // The build's own output (tsc's errors) goes to stderr: stdout carries `--json`.
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    // The build has said what failed (above); the benchmark cannot time code that does not compile.
    process.stderr.write(
      'dealsim bench: the build failed, so there is no compiled code to time. Fix the build, then run the benchmark again.\n',
    );
    process.exit(2);
  }
}

/**
 * The compiled module of `source` (a path under src/, e.g. `kernel/fold.ts`), typed as the
 * source: `await compiledModule<typeof import('../src/kernel/fold.ts')>('kernel/fold.ts')`.
 */
export async function compiledModule<T>(source: string): Promise<T> {
  return (await import(pathToFileURL(resolve('dist/src', source.replace(/\.ts$/, '.js'))).href)) as T;
}

/** `bench/<file>` bundled on its own by esbuild (no name-keeping wrappers) and imported. */
export async function bundledBenchModule<T>(file: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'dealsim-bench-bundle-'));
  try {
    const outfile = join(dir, 'module.mjs');
    buildSync({
      entryPoints: [resolve('bench', file)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
