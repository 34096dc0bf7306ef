import { resolve } from 'node:path';
import { instance } from '@viz-js/viz';
import { InputError } from '../../domain/errors.ts';
import { writeOutputFile } from '../../store/output-file.ts';
import { toDot } from '../../visual/dot.ts';
import { toMermaid } from '../../visual/mermaid.ts';
import { dealChart } from '../../visual/statechart.ts';
import { toStatelyJson } from '../../visual/stately.ts';
import { COMMON_OPTIONS, type Command, stringOption } from '../command.ts';
import type { Io } from '../io.ts';

const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Writes `text` to `file` (relative to the working directory) through the store's safe output writer. */
export function writeOutput(io: Io, file: string, text: string): void {
  writeOutputFile(resolve(io.cwd, file), text, file);
}

/** The `-o FILE` a command needs; a report or timeline belongs in a file, not on a terminal. */
export function requiredOutput(args: Parameters<Command['run']>[0], command: string, example: string): string {
  const output = stringOption(args, 'output');
  if (output === undefined) {
    throw new InputError(`dealsim ${command} needs -o FILE`, { hint: `name the file to write, e.g. -o ${example}` });
  }
  return output;
}

/** Graphviz (WASM) renders DOT to SVG without a browser. */
export async function renderSvg(dot: string): Promise<string> {
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg' });
}

async function chartText(format: Format): Promise<string> {
  const chart = dealChart();
  switch (format) {
    case 'mermaid':
      return toMermaid(chart);
    case 'dot':
      return toDot(chart);
    case 'svg':
      return renderSvg(toDot(chart));
    case 'json':
      return `${JSON.stringify(toStatelyJson(chart), null, 2)}\n`;
    default: {
      const unhandled: never = format;
      throw new TypeError(`unknown format ${unhandled}`);
    }
  }
}

export const chart: Command = {
  name: 'chart',
  summary: 'draw the statechart, derived from the machine: Mermaid, DOT, SVG or Stately JSON',
  help: `Usage: dealsim chart [--format mermaid|dot|svg|json] [-o FILE]

Draws the partnership statechart from the machine definition itself: every parallel region
(the AGI process of C2, the agreement's amendments, one region per term) as a concurrent
region, every state labelled with its clause ID, every transition with its event, guard
(with its params) and actions.

Formats:
  mermaid   stateDiagram-v2 text, which GitHub renders in Markdown (the default)
  dot       Graphviz DOT
  svg       SVG rendered by Graphviz compiled to WebAssembly (no browser needed)
  json      the machine config that Stately's editor imports

Options:
  --format FORMAT     one of ${FORMATS.join(', ')} (default mermaid)
  -o, --output FILE   write to FILE instead of standard output
  -h, --help          show this help

Example:
  dealsim chart --format svg -o chart.svg`,
  options: { ...COMMON_OPTIONS, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  positionals: { min: 0, max: 0, names: 'none' },
  async run(args, io) {
    const format = stringOption(args, 'format') ?? 'mermaid';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new InputError(`unknown chart format "${format}"`, { hint: `use --format ${FORMATS.join(' | ')}` });
    }
    const text = await chartText(format as Format);
    const output = stringOption(args, 'output');
    if (output === undefined) io.out(text);
    else {
      writeOutput(io, output, text);
      if (io.stderrIsTty) io.err(`wrote ${output} (${format})\n`);
    }
    return 0;
  },
};
