import { resolve } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { writeOutputFile } from '../../store/output-file.ts';
import { toDot } from '../../visual/dot.ts';
import { toMarkdown, toMermaid } from '../../visual/mermaid.ts';
import { dealChart, type PictureOptions, picturedChart } from '../../visual/statechart.ts';
import { toStatelyJson, toStatelyModule } from '../../visual/stately.ts';
import { COMMON_OPTIONS, type Command, stringOption } from '../command.ts';
import { AMENDMENTS_HELP, AMENDMENTS_OPTION, readAmendments } from '../future-input.ts';
import type { Io } from '../io.ts';

const FORMATS = ['mermaid', 'markdown', 'dot', 'svg', 'json', 'stately'] as const;
type Format = (typeof FORMATS)[number];

/**
 * Writes `text` to `file` (relative to the working directory) through the store's safe output
 * writer, which refuses to replace any of `inputs`, the files the command read.
 */
export function writeOutput(io: Io, file: string, text: string, inputs: readonly string[] = []): void {
  writeOutputFile(
    resolve(io.cwd, file),
    text,
    file,
    inputs.map((input) => resolve(io.cwd, input)),
  );
}

/** The files a command that reads a future reads: LOG, and the history and amendment files it names. */
export function inputFiles(args: Parameters<Command['run']>[0], ...logs: (string | undefined)[]): string[] {
  const named = [
    ...logs,
    stringOption(args, 'history'),
    stringOption(args, 'vs-history'),
    stringOption(args, 'amendments'),
  ];
  return named.filter((file): file is string => file !== undefined);
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
  // Imported here: only the commands that draw an SVG load Graphviz and its WASM.
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg' });
}

/** The pictures draw what the rules can fire (`options`); the code formats keep the whole machine. */
async function chartText(format: Format, options: PictureOptions): Promise<string> {
  switch (format) {
    case 'mermaid':
      return toMermaid(picturedChart(dealChart(), options));
    case 'markdown':
      return toMarkdown(picturedChart(dealChart(), options));
    case 'dot':
      return toDot(picturedChart(dealChart(), options));
    case 'svg':
      return renderSvg(toDot(picturedChart(dealChart(), options)));
    case 'json':
      return `${JSON.stringify(toStatelyJson(dealChart()), null, 2)}\n`;
    case 'stately':
      return toStatelyModule(dealChart());
    default: {
      const unhandled: never = format;
      throw new TypeError(`unknown format ${unhandled}`);
    }
  }
}

export const chart: Command = {
  name: 'chart',
  summary: 'draw the statechart, derived from the machine: Mermaid, Markdown, DOT, SVG or for Stately',
  help: `Usage: dealsim chart [--format FORMAT] [--all] [--amendments FILE] [-o FILE]

Draws the partnership statechart from the machine definition itself: every parallel region
(the AGI process of C2, the agreement's amendments, one region per term), every state labelled
with its clause ID, every transition with its event and its guard in words ("if the rule ends
it on verification"); transitions between the same two states share one arrow.

The pictures draw only the transitions the built-in rules and amendments can fire, as the
chart's own guards say (the set "dealsim coverage" counts against). The chart has more
branches, which only a hypothetical amendment of yours could take: --all draws them too,
dashed and labelled "only under a user amendment"; --amendments FILE counts the amendments of
FILE among the rules.

Formats:
  mermaid   one stateDiagram-v2, the regions as concurrent regions (the default)
  markdown  each region as a small Mermaid diagram, AGI process first: the README's chart,
            legible at 880 px
  dot       Graphviz DOT
  svg       SVG rendered by Graphviz compiled to WebAssembly (no browser needed)
  json      the whole machine config as JSON, guards and actions by their code names
  stately   the same config as a createMachine({...}) module, which Stately's editor imports

Options:
  --format FORMAT     one of ${FORMATS.join(', ')} (default mermaid)
  --all               also draw, dashed, the transitions only a user's amendment can fire
${AMENDMENTS_HELP}
  -o, --output FILE   write to FILE instead of standard output
  -h, --help          show this help

Examples:
  dealsim chart --format svg -o chart.svg
  dealsim chart --format svg --all -o every-branch.svg
  dealsim chart --format stately -o deal.machine.js`,
  options: {
    ...COMMON_OPTIONS,
    ...AMENDMENTS_OPTION,
    format: { type: 'string' },
    all: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  },
  positionals: { min: 0, max: 0, names: 'none' },
  async run(args, io) {
    const format = stringOption(args, 'format') ?? 'mermaid';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new InputError(`unknown chart format "${format}"`, { hint: `use --format ${FORMATS.join(' | ')}` });
    }
    const amendments = stringOption(args, 'amendments');
    const text = await chartText(format as Format, {
      all: args.values.all === true,
      ...(amendments !== undefined && { amendments: readAmendments(amendments) }),
    });
    const output = stringOption(args, 'output');
    if (output === undefined) io.out(text);
    else {
      writeOutput(io, output, text, inputFiles(args));
      if (io.stderrIsTty) io.err(`wrote ${output} (${format})\n`);
    }
    return 0;
  },
};
