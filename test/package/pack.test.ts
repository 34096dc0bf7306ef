/**
 * dealsim ships as a package: `npm pack` gives a tarball that installs into an empty folder with
 * nothing else (offline: its dependencies come from the npm cache, pinned by this repository's
 * lock file) and works there: `npx dealsim …` runs the compiled code with the data files it
 * reads, and a TypeScript script that imports 'dealsim' type-checks against the shipped .d.ts
 * files (lib check on) and runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  engines: Record<string, string>;
};

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
}

function run(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

/**
 * A consumer whose lock file pins the tarball and the runtime dependencies exactly as this
 * repository's lock does, so `npm ci --offline` needs no registry (the cache has every tarball).
 */
function writeConsumer(dir: string, tarball: string, integrity: string): void {
  const spec = `file:../${tarball}`;
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const runtime = Object.entries(repoLock.packages).filter(([path, entry]) => path && !entry.dev && !entry.devOptional);
  const packages = {
    '': { name: 'consumer', dependencies: { dealsim: spec } },
    'node_modules/dealsim': {
      version: pkg.version,
      resolved: spec,
      integrity,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
    ...Object.fromEntries(runtime),
  };
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: { dealsim: spec } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

const TYPED_SCRIPT = `import { branchFrom, builtinHistory, holdingOn, parseIsoDate, parseLog, replay, type Replayed, type TermId } from 'dealsim';

const own = parseLog('{"type":"agi.declared","date":"2028-03-01"}\\n{"type":"panel.verified","date":"2028-09-01"}\\n', 'mine.jsonl');
const replayed: Replayed = replay([...branchFrom(builtinHistory(), own)]);
const date = parseIsoDate('2029-01-01');
if (date === undefined) throw new Error('not a date');
const holding: TermId[] = holdingOn(replayed, date);
// @ts-expect-error an unknown term is a type error, so the types are the package's own and not any
const unknown: TermId = 'no-such-term';
console.log(JSON.stringify({ agi: replayed.agi, holding, unknown }));
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    types: [],
    outDir: 'out',
  },
  files: ['check.ts'],
};

describe('the npm package: installs from its tarball alone and works there', () => {
  let dir = '';
  let consumer = '';
  let files: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dealsim-pack-'));
    consumer = join(dir, 'consumer');
    mkdirSync(consumer);
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT)) as {
      filename: string;
      integrity: string;
      files: { path: string }[];
    }[];
    if (!packed) throw new Error('npm pack reported no tarball');
    files = packed.files.map((file) => file.path);
    writeConsumer(consumer, packed.filename, packed.integrity);
    run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], consumer);
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the compiled code, its types and the data it reads, and no build state', () => {
    expect(files).toContain('bin/dealsim.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/src/cli/render/report-charts.json');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/history/real-history.jsonl');
    expect(files).toContain('dist/src/montecarlo/worker-entry.mjs');
    expect(files).toContain('dist/simulations/futures.json');
    // The README and `dealsim events` point editors at node_modules/dealsim/schema/events.schema.json.
    expect(files).toContain('schema/events.schema.json');
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((file) => /tsbuildinfo|\.built$|bundle-meta/.test(file))).toBe(false);
  });

  it('npx dealsim --version and simulate run from the installed package', () => {
    expect(run('npx', ['--no-install', 'dealsim', '--version'], consumer)).toBe(`dealsim ${pkg.version}\n`);
    const future = 'node_modules/dealsim/dist/simulations/declared-2028-verified-2028.jsonl';
    const out = run('npx', ['--no-install', 'dealsim', 'simulate', future], consumer);
    expect(out).toContain('real history'); // the built-in history, read from dist/
    expect(out).toMatch(/panel\.verified → ends research-ip/);
  });

  it('Monte Carlo runs on worker threads from the installed package (the worker entry is found)', () => {
    const spec = 'node_modules/dealsim/dist/simulations/montecarlo/uniform-2027-2035.json';
    const json = run(
      'npx',
      ['--no-install', 'dealsim', 'montecarlo', spec, '--futures', '2000', '--workers', '2', '--json'],
      consumer,
    );
    expect((JSON.parse(json) as { futures: number }).futures).toBe(2000);
  });

  it('the studio bundles from the installed package (its compiled modules, not the TypeScript)', () => {
    run('npx', ['--no-install', 'dealsim', 'studio', '-o', 'studio.html'], consumer);
    expect(readFileSync(join(consumer, 'studio.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it("a TypeScript script importing 'dealsim' type-checks against the shipped types and runs", () => {
    writeFileSync(join(consumer, 'check.ts'), TYPED_SCRIPT);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    run(process.execPath, [tsc, '-p', '.'], consumer);
    const answer = JSON.parse(run(process.execPath, ['out/check.js'], consumer)) as {
      agi: string;
      holding: string[];
    };
    expect(answer.agi).toBe('verified');
    expect(answer.holding).toContain('model-product-ip');
    expect(answer.holding).not.toContain('research-ip');
  });
});

describe('every data file a module reads beside itself is there in dist/ too', () => {
  it('each new URL(…, import.meta.url) under src/ resolves in dist/ as in the sources', () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    const sources = walk(join(ROOT, 'src')).filter((file) => /\.(ts|mjs)$/.test(file));
    const read: string[] = [];
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new URL\('(\.[^']+)', import\.meta\.url\)/g)) {
        const target = match[1] as string;
        if (target.endsWith('/') || /\.(ts|js)$/.test(target)) continue;
        const compiled = join(ROOT, 'dist', relative(ROOT, file));
        read.push(relative(ROOT, fileURLToPath(new URL(target, `file://${compiled}`))));
      }
    }
    expect(read).toContain('dist/src/history/real-history.jsonl');
    expect(read).toContain('dist/src/montecarlo/worker-entry.mjs');
    const missing = read.filter((path) => {
      try {
        readFileSync(join(ROOT, path));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
