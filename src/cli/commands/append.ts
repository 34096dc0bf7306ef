import { InputError } from '../../domain/errors.ts';
import { countOf } from '../../domain/numbers.ts';
import { appendEvent, repairLog } from '../../store/log-file.ts';
import {
  ASSUME_HELP,
  ASSUME_OPTION,
  COMMON_OPTIONS,
  type Command,
  JSON_OPTION,
  printJson,
  stringOption,
} from '../command.ts';
import {
  AMENDMENTS_HELP,
  AMENDMENTS_OPTION,
  HISTORY_HELP,
  HISTORY_OPTION,
  historyFrom,
  inputFrom,
} from '../future-input.ts';
import { visibleText } from '../render/terminal-text.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';

export const append: Command = {
  name: 'append',
  summary: 'append one event to a log, validated against the whole log, atomically and under a lock',
  help: `Usage: dealsim append LOG EVENT_JSON [--expect-version N] [--assume KEY=VALUE]... [--json]

The write side of the event store. Validates EVENT_JSON against the whole log after its
history (schema, date order, AGI process) and appends it as the last line of LOG; the history
is never written. --expect-version counts LOG's own events. The log is locked while this happens, so
concurrent appends never interleave or lose an event; a refused append leaves the file
byte-for-byte unchanged. A missing LOG is created.

Options:
  --expect-version N  refuse (exit 3) unless the log holds exactly N events
${ASSUME_HELP}
${HISTORY_HELP}
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --json              print {"version": N, "line": L}
  -h, --help          show this help

Exit codes: 0 appended, 2 invalid event or log, 3 the log changed (version) or stayed locked.

Example:
  dealsim append my-future.jsonl '{"type":"agi.declared","date":"2028-03-01"}' --expect-version 0`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    'expect-version': { type: 'string' },
  },
  positionals: { min: 2, max: 2, names: 'LOG EVENT_JSON' },
  run(args, io) {
    const [file, eventJson] = args.positionals as [string, string];
    const expected = stringOption(args, 'expect-version');
    // A version past 2^53 would be read as another number, and compared as that one.
    if (expected !== undefined && !(/^\d+$/.test(expected) && Number.isSafeInteger(Number(expected)))) {
      throw new InputError(`--expect-version ${expected} is not a whole number up to ${Number.MAX_SAFE_INTEGER}`, {
        hint: 'give the number of events the log holds, e.g. --expect-version 3',
      });
    }
    const result = appendEvent(file, eventJson, {
      input: inputFrom(args),
      history: historyFrom(args),
      engine: engineOption(args),
      ...(expected !== undefined && { expectVersion: Number(expected) }),
    });
    if (args.values.json) printJson(io, result);
    else
      io.out(
        `${visibleText(file)}: appended line ${result.line}; the log now holds ${countOf(result.version, 'event')}\n`,
      );
    return 0;
  },
};

export const repair: Command = {
  name: 'repair',
  summary: 'move a torn last line (cut off by a crash mid-write) aside into LOG.torn',
  help: `Usage: dealsim repair LOG

A log whose last line was cut off by an interrupted write is refused by every command. This
moves that line into LOG.torn and leaves the rest of the log as it was. It does nothing to a
log whose last line is whole.`,
  options: { ...COMMON_OPTIONS },
  positionals: { min: 1, max: 1, names: 'LOG' },
  run(args, io) {
    const file = args.positionals[0] as string;
    const { removed, savedTo } = repairLog(file);
    io.out(
      removed === null
        ? `${file}: the last line is whole; nothing to repair\n`
        : `${file}: moved the torn last line to ${savedTo}\n`,
    );
    return 0;
  },
};
