/**
 * Fast starts (issue 12): a command's module, and the heavy dependencies it needs (Graphviz's
 * WASM, fast-check, worker threads), are imported only when that command runs. Checked on the
 * real compiled command by listing every module a process resolves, not by timing it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const register = join(scratch, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
);

/** Every module `dealsim ARGS` resolves. */
function loaded(...args: string[]): string[] {
  const result = spawnSync(process.execPath, ['--import', register, 'bin/dealsim.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('RESOLVED '))
    .map((line) => line.slice('RESOLVED '.length));
}

const HEAVY = [/@viz-js/, /fast-check/, /node:worker_threads/, /\/commands\/(?!index\.js)/];

describe('fast starts: commands and heavy dependencies load when needed', () => {
  it('dealsim --version loads no command and no heavy dependency', () => {
    const modules = loaded('--version');
    expect(modules.some((url) => url.endsWith('/dist/src/cli/main.js'))).toBe(true);
    for (const heavy of HEAVY) expect(modules.filter((url) => heavy.test(url))).toEqual([]);
  });

  it('dealsim simulate loads its own command and none of the heavy dependencies', () => {
    const modules = loaded('simulate', 'simulations/declared-2028-verified-2028.jsonl');
    expect(modules.some((url) => url.endsWith('/dist/src/cli/commands/simulate.js'))).toBe(true);
    for (const heavy of [/@viz-js/, /fast-check/, /node:worker_threads/]) {
      expect(modules.filter((url) => heavy.test(url))).toEqual([]);
    }
  });

  it('dealsim chart --format svg does load Graphviz (so the checks above can fail)', () => {
    const modules = loaded('chart', '--format', 'svg');
    expect(modules.some((url) => url.includes('@viz-js'))).toBe(true);
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
