/**
 * Reading what most commands take: a log file and the history it branches from (`--history`),
 * `--assume` pairs, hypothetical amendments (`--amendments FILE`) and dates given as options.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { parseAmendmentFile } from '../domain/amendment-file.ts';
import { parseAssumptions } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE, type IsoDate, parseIsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import { MAX_JSON_INPUT_CHARS } from '../domain/json-input.ts';
import { branchFrom, type History } from '../history/history.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { readHistory } from '../store/history-file.ts';
import { readInputFile, readLog } from '../store/log-file.ts';
import { listOption, type ParsedArgs, stringOption } from './command.ts';

export interface Future {
  readonly file: string;
  /** What is replayed: the history's lines and the file's, merged by date. */
  readonly events: LoggedEvent[];
  /** The file's own lines. */
  readonly own: LoggedEvent[];
  readonly history: History;
  readonly input: DealInput;
}

/** The option every command that reads a future takes: the history it branches from. */
export const HISTORY_OPTION = { history: { type: 'string' } } as const;

export const HISTORY_HELP = `  --history H         what the future branches from: builtin (the real history, the
                      default: today's deal), none (the deal as signed on 2025-10-28), or
                      a history log FILE; see "dealsim history"`;

/** The history named by `--history` (the built-in real history by default). */
export function historyFrom(args: ParsedArgs): History {
  return readHistory(stringOption(args, 'history'));
}

/** The option every command that reads a LOG takes besides `--assume`: hypothetical amendments. */
export const AMENDMENTS_OPTION = { amendments: { type: 'string' } } as const;

export const AMENDMENTS_HELP =
  '  --amendments FILE   hypothetical amendments (JSON) that agreement.amended events may name';

/** The input a replay needs from `--assume` and `--amendments` options. */
export function inputFrom(args: ParsedArgs): DealInput {
  const assumptions = parseAssumptions(listOption(args, 'assume'));
  const file = stringOption(args, 'amendments');
  return file === undefined ? { assumptions } : { assumptions, amendments: readAmendments(file) };
}

/** Reads and validates an amendment file; errors name the file and line. */
export function readAmendments(file: string): NonNullable<DealInput['amendments']> {
  const text = inFile(file, () => readInputFile(file, MAX_JSON_INPUT_CHARS, 'the amendment file'));
  return parseAmendmentFile(text, file);
}

/** Reads LOG and the history it branches from; the events to replay are both, merged by date. */
export function loadFuture(file: string, args: ParsedArgs, history: History = historyFrom(args)): Future {
  const input = inputFrom(args);
  const own = readLog(file);
  return { file, events: [...branchFrom(history, own)], own, history, input };
}

/** A date given on the command line, e.g. `--at 2029-06-01`: a calendar day, on or after the effective date. */
export function dateOption(text: string, option: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) {
    throw new InputError(`${option} ${text} is not a calendar date`, {
      hint: `write it as YYYY-MM-DD, e.g. ${option} 2029-06-01`,
    });
  }
  if (date < EFFECTIVE_DATE) {
    throw new InputError(
      `${option} ${date} is before the agreement's effective date ${EFFECTIVE_DATE}: none of its terms existed then`,
      {
        hint: `give a date on or after ${EFFECTIVE_DATE}`,
      },
    );
  }
  return date;
}

/** Runs `work`, placing any input error it throws in `file`. */
export function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError && error.file === undefined) throw error.at({ file });
    throw error;
  }
}
