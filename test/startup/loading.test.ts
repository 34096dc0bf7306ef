/**
 * Fast starts (issue 12): a command's module, and the heavy dependencies it needs (Graphviz's
 * WASM, fast-check, worker threads), are imported only when that command runs; `--version`,
 * `--help` and the dispatch load none of the log's reader, its schemas (zod), XState or the
 * machine. Checked on the real command (bin/dealsim.js running the bundle in dist/cli/) by
 * listing every file the process resolves and, through esbuild's account of the bundle
 * (dist/.bundle-meta.json), every source module and package file those files hold; not by timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dealsim-loading-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A module hook that prints every URL the process resolves, one per line on stderr. */
const hook = join(scratch, 'hook.mjs');
writeFileSync(
  hook,
  `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write('RESOLVED ' + resolved.url + '\\n');
  return resolved;
}
`,
);
/** Registers the hook, and at exit prints every file loaded through `require` (ES modules too, on Node ≥ 20.19). */
const register = join(scratch, 'register.mjs');
writeFileSync(
  register,
  `import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(pathToFileURL(hook).href)});
const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  for (const file of Object.keys(cache)) process.stderr.write('RESOLVED ' + pathToFileURL(file).href + '\\n');
});
`,
);

/** esbuild's account of the bundle: each output file (from the repository root) and the inputs it holds. */
const meta = JSON.parse(readFileSync(join(ROOT, 'dist/.bundle-meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};

/**
 * Every module `dealsim ARGS` loads, as paths from the repository root (`src/cli/main.ts`,
 * `node_modules/zod/v3/types.js`, `node:worker_threads`): a bundle file stands for the sources
 * and package files it holds.
 */
function loaded(...args: string[]): string[] {
  const result = spawnSync(process.execPath, ['--import', register, 'bin/dealsim.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('RESOLVED '))
    .map((line) => line.slice('RESOLVED '.length))
    .flatMap((url) => {
      if (!url.startsWith('file:')) return [url];
      const path = relative(ROOT, fileURLToPath(url)).split('\\').join('/');
      const output = meta.outputs[path];
      return output ? [path, ...Object.keys(output.inputs)] : [path];
    });
}

const matching = (modules: readonly string[], pattern: RegExp) => modules.filter((module) => pattern.test(module));

/** What only a command's run needs: the log's reader and schemas, the statechart and its engines, the replay. */
const COMMAND_WORK = [
  /^node_modules\/zod\//,
  /^node_modules\/xstate\//,
  /^node_modules\/immer\//,
  /^machines\//,
  /^src\/(kernel|log|replay|history)\//,
  // errno.ts is words for failed writes, which even --version's output may meet.
  /^src\/store\/(?!read-notices\.ts$|errno\.ts$)/,
];
const HEAVY = [/@viz-js/, /fast-check/, /^node:worker_threads$/, /^src\/cli\/commands\/(?!index\.ts$)/];

describe('fast starts: commands and heavy dependencies load when needed', () => {
  it('dealsim runs the bundle, whose inputs the loading checks read', () => {
    const modules = loaded('--version');
    expect(modules).toContain('dist/cli/main.js');
    expect(modules).toContain('src/cli/main.ts');
  });

  it.each([['--version'], ['--help']])(
    'dealsim %s loads no command, no heavy dependency, no schema, no XState and no machine',
    (flag) => {
      const modules = loaded(flag);
      for (const pattern of [...HEAVY, ...COMMAND_WORK]) expect(matching(modules, pattern)).toEqual([]);
    },
  );

  it('dealsim simulate loads its own command and none of the heavy dependencies', () => {
    const modules = loaded('simulate', 'simulations/declared-2028-verified-2028.jsonl');
    expect(modules).toContain('src/cli/commands/simulate.ts');
    for (const heavy of [/@viz-js/, /fast-check/, /^node:worker_threads$/]) {
      expect(matching(modules, heavy)).toEqual([]);
    }
  });

  it('dealsim simulate of a shipped future loads no string-width: its tables hold dealsim’s own narrow text', () => {
    const modules = loaded('simulate', 'simulations/declared-2028-verified-2028.jsonl');
    expect(matching(modules, /string-width|wrap-ansi/)).toEqual([]);
  });

  it('dealsim simulate of a log naming a product in wide characters loads string-width to measure it', () => {
    const log = join(scratch, 'wide.jsonl');
    writeFileSync(log, '{"type":"product.launched","date":"2027-01-01","name":"界界 👍","api":true,"cloud":"aws"}\n');
    const modules = loaded('simulate', log, '--history', 'none');
    expect(matching(modules, /node_modules\/string-width\//)).not.toEqual([]);
  });

  it('dealsim simulate does load zod, XState and the machine (so the checks of --version can fail)', () => {
    const modules = loaded('simulate', 'simulations/declared-2028-verified-2028.jsonl');
    for (const pattern of COMMAND_WORK.slice(0, 4)) expect(matching(modules, pattern)).not.toEqual([]);
  });

  it('dealsim report draws its statechart from the build, without Graphviz', () => {
    const output = join(scratch, 'report.html');
    const modules = loaded('report', 'simulations/declared-2028-verified-2028.jsonl', '-o', output);
    expect(modules).toContain('src/cli/commands/report.ts');
    expect(matching(modules, /@viz-js/)).toEqual([]);
  });

  it('dealsim chart --format svg does load Graphviz (so the checks above can fail)', () => {
    const modules = loaded('chart', '--format', 'svg');
    expect(matching(modules, /@viz-js/)).not.toEqual([]);
  });

  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    'dealsim --help lists %s with its own module’s name and summary',
    async (_name, entry) => {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    },
  );
});
