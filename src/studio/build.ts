/**
 * Builds the studio: bundles the page script and the Monte Carlo worker from the project's own
 * sources with esbuild (the same statechart, kernel, replay, schemas and renderers the CLI
 * runs), renders the statechart once with Graphviz, and writes one self-contained HTML page.
 * An edge: it reads the sources and the shipped examples from the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { renderSvg } from '../cli/commands/chart.ts';
import { toDot } from '../visual/dot.ts';
import { dealChart } from '../visual/statechart.ts';
import { studioHtml } from './html.ts';
import { STUDIO_CSS } from './style.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A source to bundle, by its path from the sources: the TypeScript itself, or when dealsim runs
 * compiled (ROOT is then dist/, where the build puts the data files beside the modules) the
 * JavaScript tsc wrote for it.
 */
function entryPoint(path: string): string {
  return existsSync(`${ROOT}${path}`) ? path : path.replace(/\.ts$/, '.js');
}

/** What the bundle must never contain: ways to run a string as code, which the CSP forbids. */
const EVAL = /\bnew Function\s*\(|[^.\w]eval\s*\(/;

function read(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

/** The shipped futures (simulations/futures.json) and Monte Carlo specs, as a module. */
function examplesModule(): string {
  const catalogue = JSON.parse(read('simulations/futures.json')) as {
    futures: { file: string; title: string; story: string; assume: string[] }[];
  };
  const futures = catalogue.futures.map((future) => ({ ...future, text: read(`simulations/${future.file}`) }));
  const specs = readdirSync(`${ROOT}simulations/montecarlo`)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: read(`simulations/montecarlo/${file}`) }));
  return `export const FUTURES = ${JSON.stringify(futures)};\nexport const SPECS = ${JSON.stringify(specs)};\n`;
}

function virtualModules(modules: Readonly<Record<string, () => string>>): Plugin {
  return {
    name: 'studio-modules',
    setup(builder) {
      builder.onResolve({ filter: /^studio:/ }, (args) => ({ path: args.path, namespace: 'studio' }));
      builder.onLoad({ filter: /.*/, namespace: 'studio' }, (args) => {
        const make = modules[args.path];
        if (!make) return { errors: [{ text: `no studio module ${args.path}` }] };
        return { contents: make(), loader: 'js' };
      });
    },
  };
}

async function bundle(entry: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}${entryPoint(entry)}`],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    loader: { '.jsonl': 'text' },
    plugins,
    logLevel: 'silent',
  });
  const text = (result.outputFiles[0] as { text: string }).text;
  if (EVAL.test(text)) throw new Error(`${entry} bundles code that evaluates strings; the studio's CSP forbids it`);
  // Inside an inline <script>, "</script" would end the element: escape it (only strings hold it).
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

export interface StudioBuild {
  readonly html: string;
  /** Bytes of each part, for the size budget. */
  readonly sizes: { readonly script: number; readonly worker: number; readonly chart: number; readonly total: number };
}

/** Bundles and assembles the studio page. */
export async function buildStudio(): Promise<StudioBuild> {
  const worker = await bundle('src/studio/browser/montecarlo-worker.ts');
  const script = await bundle('src/studio/browser/page.ts', [
    virtualModules({
      'studio:examples': examplesModule,
      'studio:worker': () => `export default ${JSON.stringify(worker)};`,
    }),
  ]);
  const chartSvg = await renderSvg(toDot(dealChart(), { direction: 'TB', edgeLabels: false }));
  const html = studioHtml({ script, css: STUDIO_CSS, chartSvg });
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  return {
    html,
    sizes: { script: bytes(script), worker: bytes(worker), chart: bytes(chartSvg), total: bytes(html) },
  };
}
