import { buildStudio } from '../../studio/build.ts';
import { COMMON_OPTIONS, type Command, stringOption } from '../command.ts';
import { writeOutput } from './chart.ts';

export const studio: Command = {
  name: 'studio',
  summary: 'write the studio: one HTML file to edit a future and watch the rights move, offline in a browser',
  help: `Usage: dealsim studio [-o FILE]

Writes the studio, one self-contained HTML page (default studio.html) that runs dealsim in a
browser, offline from file://, with no install: it starts on today's deal (the real history,
with each event's status and source), lets you add, edit and delete events through forms
generated from the event schema, switch every assumption and the history, explain any term on
any date, move a date cursor through the timeline and the statechart, compare two futures or
two readings side by side, run Monte Carlo in a background worker, import and export .jsonl
futures that "dealsim simulate" reads, and share the whole view as a link (#future=…&assume=…).
It is built from the same sources as this command: the statechart, replay, schemas and
renderers. A strict Content-Security-Policy keeps it from making any request.

Options:
  -o, --output FILE   the HTML file to write (default studio.html)
  -h, --help          show this help

Example:
  dealsim studio -o studio.html && xdg-open studio.html`,
  options: { ...COMMON_OPTIONS, output: { type: 'string', short: 'o' } },
  positionals: { min: 0, max: 0, names: 'none' },
  async run(args, io) {
    const output = stringOption(args, 'output') ?? 'studio.html';
    const { html } = await buildStudio();
    writeOutput(io, output, html);
    if (io.stderrIsTty) io.err(`wrote ${output}: open it in a browser\n`);
    return 0;
  },
};
