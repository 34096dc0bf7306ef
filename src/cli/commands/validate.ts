import { countOf } from '../../domain/numbers.ts';
import { historyUsed } from '../../history/history.ts';
import { checkLog } from '../../store/log-file.ts';
import { ASSUME_HELP, ASSUME_OPTION, COMMON_OPTIONS, type Command, JSON_OPTION, printJson } from '../command.ts';
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

export const validate: Command = {
  name: 'validate',
  summary: 'check a log (schema, date order, AGI process) without printing results',
  help: `Usage: dealsim validate LOG [--assume KEY=VALUE]... [--json]

Checks every line of LOG, replayed after its history: JSON, event types and fields, dates (ISO, real, not before
2025-10-28, in order) and the AGI process of C2. Prints nothing but a one-line OK; exits 0 when
the log is valid and 2 with the file, line and a fix when it is not.

Options:
${ASSUME_HELP}
${HISTORY_HELP}
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --json              print {"valid": true, "events": N, "history": {...}}
  -h, --help          show this help`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
  },
  positionals: { min: 1, max: 1, names: 'LOG' },
  run(args, io) {
    const file = args.positionals[0] as string;
    const history = historyFrom(args);
    const events = checkLog(file, inputFrom(args), history, engineOption(args));
    const used = historyUsed(history);
    if (args.values.json) printJson(io, { valid: true, events, history: used });
    else {
      const deal =
        used.totalEvents === 0
          ? 'on the deal as signed (--history none)'
          : `after the ${used.label} (${countOf(used.totalEvents, 'event')} to ${used.lastDate})`;
      io.out(`${visibleText(file)}: valid, ${countOf(events, 'event')} ${deal}\n`);
    }
    return 0;
  },
};
