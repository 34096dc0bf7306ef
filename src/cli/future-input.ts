/** Reading what most commands take: a log file, `--assume` pairs and dates given as options. */
import type { DealInput } from '../../machines/deal.machine.ts';
import { parseAssumptions } from '../domain/assumptions.ts';
import { type IsoDate, parseIsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { readLog } from '../store/log-file.ts';
import { listOption, type ParsedArgs } from './command.ts';

export interface Future {
  readonly file: string;
  readonly events: LoggedEvent[];
  readonly input: DealInput;
}

/** The input a replay needs from `--assume` options. */
export function inputFrom(args: ParsedArgs): DealInput {
  return { assumptions: parseAssumptions(listOption(args, 'assume')) };
}

export function loadFuture(file: string, args: ParsedArgs): Future {
  const input = inputFrom(args);
  return { file, events: readLog(file), input };
}

/** A date given on the command line, e.g. `--at 2029-06-01`. */
export function dateOption(text: string, option: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) {
    throw new InputError(`${option} ${text} is not a calendar date`, {
      hint: `write it as YYYY-MM-DD, e.g. ${option} 2029-06-01`,
    });
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
