/**
 * The file edge of Monte Carlo: reads a spec file and the history it names (`history`: a path is
 * taken relative to the spec's own directory, so a spec and its history travel together), and
 * joins them into the {@link RunSpec} the sampler takes. Errors name the spec file.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { InputError } from '../domain/errors.ts';
import { MAX_JSON_INPUT_CHARS, parseJsonInput } from '../domain/json-input.ts';
import { readHistory } from '../store/history-file.ts';
import { readInputFile } from '../store/log-file.ts';
import { type MonteCarloSpec, parseSpec } from './spec.ts';
import { type RunSpec, startFrom } from './start.ts';

/** Reads and validates `file`; throws an {@link InputError} naming it (or its history file). */
export function readSpecFile(file: string): RunSpec {
  const text = readInputFile(file, MAX_JSON_INPUT_CHARS, 'the spec');
  const json = parseJsonInput(text, {
    file,
    what: 'the spec',
    hint: 'a spec is one JSON object; see simulations/montecarlo/ for examples',
  });
  return runSpecOf(json, dirname(file), file);
}

/** A spec given as parsed JSON, its relative history path taken from `baseDir`. */
export function runSpecOf(json: unknown, baseDir = '.', file?: string): RunSpec {
  let spec: MonteCarloSpec;
  try {
    spec = parseSpec(json);
  } catch (error) {
    throw error instanceof InputError && file !== undefined ? error.at({ file }) : error;
  }
  const history = historyOf(spec.history, baseDir, file);
  try {
    return startFrom(spec, history);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // A history line the replay refused is the history's; a spec mismatch is the spec's.
    if (error.line !== undefined) throw error.at({ file: historyPlace(spec.history, baseDir) });
    throw file !== undefined ? error.at({ file }) : error;
  }
}

function historyPlace(choice: string, baseDir: string): string {
  if (choice === 'builtin') return 'history';
  return isAbsolute(choice) ? choice : resolve(baseDir, choice);
}

function historyOf(choice: string, baseDir: string, file?: string) {
  if (choice === 'builtin' || choice === 'none') return readHistory(choice);
  try {
    return readHistory(historyPlace(choice, baseDir));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const where = file === undefined ? '' : ` (named by "history" in ${file})`;
    throw new InputError(`${error.message.replace('given by --history', 'of the spec')}${where}`, {
      ...(error.file !== undefined && { file: error.file }),
      ...(error.line !== undefined && { line: error.line }),
      hint: `${error.hint?.replace(/; or run with --history.*$/, '') ?? 'correct the history file'}; or set "history" to "builtin" (the real history) or "none"`,
    });
  }
}
