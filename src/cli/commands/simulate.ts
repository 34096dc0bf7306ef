import type { DealInput } from '../../../machines/deal.machine.ts';
import { diffReplays, withoutEvent, withoutWording } from '../../diff/replay-diff.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { didYouMean } from '../../domain/did-you-mean.ts';
import { InputError } from '../../domain/errors.ts';
import { branchFrom, historyUsed, historyWithout } from '../../history/history.ts';
import { kernelAgiStatus, kernelEngine } from '../../kernel/engine.ts';
import {
  finishFold,
  foldCalendar,
  foldEvent,
  JUDGE_NOTHING,
  type ObservedFinding,
  startFold,
} from '../../kernel/fold.ts';
import type { LoggedEvent } from '../../log/parse.ts';
import type { Engine } from '../../replay/engine.ts';
import { replay } from '../../replay/replay.ts';
import { withStreamedLog } from '../../store/log-file.ts';
import { ASSUME_HELP, ASSUME_OPTION, COMMON_OPTIONS, type Command, JSON_OPTION, stringOption } from '../command.ts';
import {
  AMENDMENTS_HELP,
  AMENDMENTS_OPTION,
  dateOption,
  type Future,
  HISTORY_HELP,
  HISTORY_OPTION,
  historyFrom,
  inFile,
  inputFrom,
  loadFuture,
} from '../future-input.ts';
import { type Style, styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';
import { visibleData } from '../render/terminal-text.ts';
import { holdingMask, observedFinding, SimulationOutput, type SimulationSummary } from '../simulation-output.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';

export const simulate: Command = {
  name: 'simulate',
  summary: 'replay a future: which terms hold, when each ends and why, and the verdicts on conduct',
  help: `Usage: dealsim simulate LOG [--at DATE] [--history H] [--assume KEY=VALUE]... [--json]

Replays the event log LOG (JSON Lines, one dated event per line) after the real history (today's
deal; --history none for the deal as signed) through the statechart and prints which deal it
used, a timeline of what changed, a table of terms (holder, from, until, what ended it, clause),
the AGI state, the verdicts on conduct events with their status and source, and the ledger.

Options:
  --at DATE           the status on DATE, using only events dated up to it
  --without LINE|ID   the same future without one event: a line number of LOG or an
                      amendment ID (also the history's, e.g. 2026-04-27 for S4); also says
                      what differs from the whole log (see "dealsim diff")
${HISTORY_HELP}
${ASSUME_HELP}
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --stream            kept for scripts: on the kernel the log is always read as it replays
  --json              print one JSON object instead of tables
  -h, --help          show this help

Example:
  dealsim simulate simulations/declared-2028-verified-2028.jsonl --at 2029-06-01`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    at: { type: 'string' },
    without: { type: 'string' },
    stream: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'LOG' },
  run(args, io) {
    const file = args.positionals[0] as string;
    const at = stringOption(args, 'at');
    const date = at === undefined ? undefined : dateOption(at, '--at');
    const without = stringOption(args, 'without');
    const engine = engineOption(args);
    const onKernel = engine === kernelEngine;
    if (args.values.stream && without !== undefined) {
      throw new InputError('--stream cannot be combined with --without', { hint: 'drop one of the two options' });
    }
    if (args.values.stream && !onKernel) {
      throw new InputError('--stream runs on the compiled kernel only', { hint: 'drop --engine xstate or --stream' });
    }
    // On the kernel the log is never held: lines are read, validated and replayed one at a time.
    const whole = without !== undefined || !onKernel;
    const future = whole
      ? loadFuture(file, args)
      : { file, events: [], own: [], history: historyFrom(args), input: inputFrom(args) };
    const cut = without === undefined ? undefined : removeEvent(file, future, without);
    const output = new SimulationOutput(args.values.json === true, io.color, file, io.columns);
    try {
      // Reading errors are the file's own (they name it); the replay's are placed in it.
      const summary = whole
        ? inFile(file, () => {
            try {
              return referenceSimulation(engine, cut?.events ?? future.events, future.input, date, output);
            } catch (error) {
              // Removing a line can leave the rest invalid (a ruling without its declaration): say so.
              if (!cut || !(error instanceof InputError)) throw error;
              throw new InputError(`${withoutWording(cut.removed).condition} the future is invalid: ${error.message}`, {
                ...(error.line !== undefined && { line: error.line }),
                ...(error.file !== undefined && { file: error.file }),
                hint: error.hint ?? 'remove another line',
              });
            }
          })
        : withStreamedLog(file, (own) =>
            inFile(file, () => kernelSimulation(branchFrom(future.history, own), future.input, date, output)),
          );
      // Without a history line, the deal is the history less that line: the header says so.
      const used = historyUsed(cut ? historyWithout(future.history, cut.removed) : future.history, date);
      const until = date && { until: date };
      const counterfactual = cut && {
        line: cut.removed.line,
        origin: cut.removed.origin ?? null,
        event: cut.removed.event,
        ...diffReplays(
          {
            replayed: inFile(file, () => replay(future.events, future.input, { engine, ...until })),
            events: future.events,
          },
          { replayed: replay(cut.events, future.input, { engine, ...until }), events: cut.events },
          withoutWording(cut.removed),
        ),
      };
      if (args.values.json) {
        output.print(io, summary, used, date, counterfactual && { without: counterfactual });
      } else {
        output.print(io, summary, used, date);
        // User text (names, notes) is shown with its control characters escaped.
        if (counterfactual) {
          io.out(renderWithout(visibleData(counterfactual.sentences), styleFor(io.color), io.columns));
        }
      }
    } finally {
      output.close();
    }
    return 0;
  },
};

/**
 * The replay on the compiled kernel's lean fold, watched by `output`. With `until`, only events
 * dated up to it count, but the whole log is still checked (invariant 8), and the AGI process
 * and ledger are those of that day, as `replay()` answers.
 */
function kernelSimulation(
  events: Iterable<LoggedEvent>,
  input: DealInput,
  until: IsoDate | undefined,
  output: SimulationOutput,
): SimulationSummary {
  const fold = startFold(input, { observer: output });
  const whole = until === undefined ? undefined : startFold(input, { judge: JUDGE_NOTHING });
  let linesAfter = 0;
  for (const logged of events) {
    if (whole !== undefined) foldEvent(whole, logged);
    if (until === undefined || logged.event.date <= until) foldEvent(fold, logged);
    else linesAfter++;
  }
  if (until === undefined) return finishFold(fold);
  foldCalendar(fold, until);
  const asOf = { agi: kernelAgiStatus(fold.config), context: fold.context };
  return { ...asOf, timelines: finishFold(fold).timelines, linesAfter };
}

/** The replay of `replay()` on `engine` (XState itself with --engine xstate), watched by `output`. */
function referenceSimulation(
  engine: Engine<unknown>,
  events: Iterable<LoggedEvent>,
  input: DealInput,
  until: IsoDate | undefined,
  output: SimulationOutput,
): SimulationSummary {
  let linesAfter = 0;
  if (until !== undefined) for (const { event } of events) if (event.date > until) linesAfter++;
  const replayed = replay(events, input, {
    engine,
    ...(until && { until }),
    onStep: (step) => {
      const marked: ObservedFinding[] = [];
      for (const found of step.findings) {
        const finding = observedFinding(found);
        output.finding(finding);
        if (finding.verdict === 'breach' || finding.verdict === 'undetermined') marked.push(finding);
      }
      output.step(step.cause, holdingMask(step.holding), step.findings.length, marked);
    },
  });
  return until === undefined ? replayed : { ...replayed, linesAfter };
}

/** `--without`: the future minus one line of LOG or one amendment (the history's too), or an error naming what exists. */
function removeEvent(file: string, future: Future, target: string) {
  const cut = withoutEvent(future.events, target);
  if (cut) return cut;
  const amendments = future.events.flatMap(({ event }) =>
    event.type === 'agreement.amended' ? [event.amendment] : [],
  );
  throw new InputError(
    `--without ${target}: the future has no such line or amendment${didYouMean(target, amendments)}`,
    {
      file,
      hint: `give a line number of ${file} from 1 to ${future.own.at(-1)?.line ?? 0}${amendments.length ? ` or one of ${amendments.join(', ')}` : ''}`,
    },
  );
}

function renderWithout(sentences: readonly string[], style: Style, width: number | undefined): string {
  const lines = sentences.length
    ? table(
        null,
        sentences.map((s) => ['-', s]),
        { indent: 2, gap: 1, width },
      )
    : '  nothing: the removed event changes no term, verdict or ledger\n';
  return `\n${style.bold('Compared with the whole log')}\n${lines}`;
}
