/**
 * Reading the history a future branches from (`--history builtin|none|FILE`): the real history
 * shipped with dealsim as data beside the code, or a history log of the user's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../domain/errors.ts';
import { BUILTIN_HISTORY_ORIGIN, type History, NO_HISTORY, parseHistory } from '../history/history.ts';
import { readText } from './log-file.ts';

/** The real history of CLAUSES.md, as data versioned with the code. */
export const BUILTIN_HISTORY_FILE = fileURLToPath(new URL('../history/real-history.jsonl', import.meta.url));

let builtin: History | undefined;

/** The built-in real history, read and validated once per process. */
export function builtinHistory(): History {
  builtin ??= parseHistory(readFileSync(BUILTIN_HISTORY_FILE, 'utf8'), 'builtin', BUILTIN_HISTORY_ORIGIN);
  return builtin;
}

/**
 * The history named by `--history`: `builtin` (the default), `none`, or a log file. An invalid
 * history file is an {@link InputError} that names the file and line as the history's.
 */
export function readHistory(choice: string | undefined): History {
  if (choice === undefined || choice === 'builtin') return builtinHistory();
  if (choice === 'none') return NO_HISTORY;
  try {
    return parseHistory(readText(choice), choice, choice);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`in the history given by --history: ${error.message}`, {
      file: error.file ?? choice,
      ...(error.line !== undefined && { line: error.line }),
      hint: `${error.hint ?? 'correct the history file'}; or run with --history builtin (the real history) or --history none`,
    });
  }
}
