/**
 * The event store's file edge: reading a log, appending to it under a lock with an expected
 * version, and repairing a torn last line. Writes go to a temporary file that is renamed over
 * the log, so a refused or interrupted append leaves the log byte-for-byte as it was.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { DealInput } from '../../machines/deal.machine.ts';
import { ConflictError, InputError } from '../domain/errors.ts';
import { branchFrom, type History, NO_HISTORY } from '../history/history.ts';
import { type LoggedEvent, parseEventLine, parseLog, splitLines } from '../log/parse.ts';
import { replay } from '../replay/replay.ts';

/** Reads and validates a log's lines (schema and date order; the AGI process is the replay's). */
export function readLog(file: string): LoggedEvent[] {
  return parseLog(readText(file), file);
}

export function readText(file: string, missingIsEmpty = false): string {
  try {
    if (missingIsEmpty && !existsSync(file)) return '';
    if (statSync(file).isDirectory()) {
      throw new InputError(`${file} is a directory, not an event log`, { hint: 'name a .jsonl file' });
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? String(error)})`,
      {
        hint:
          code === 'ENOENT'
            ? 'check the path; the futures shipped with dealsim are in simulations/'
            : 'check the file’s permissions',
      },
    );
  }
}

/**
 * Replays the whole log after `history` so that an invalid future is refused here, with the
 * file (or the history) named. Returns the file's own events.
 */
export function validateLog(file: string, input: DealInput, history: History = NO_HISTORY): LoggedEvent[] {
  const events = readLog(file);
  try {
    replay(branchFrom(history, events), input);
  } catch (error) {
    throw error instanceof InputError ? error.at({ file }) : error;
  }
  return events;
}

export interface AppendOptions {
  readonly input: DealInput;
  /** The history the log's future branches from; the new event is validated after it too. */
  readonly history?: History;
  /** The number of events the caller believes the log holds; a mismatch is refused. */
  readonly expectVersion?: number;
  /** How long to wait for another writer's lock, in milliseconds. */
  readonly lockTimeoutMs?: number;
}

export interface AppendResult {
  /** The number of events in the log after the append. */
  readonly version: number;
  readonly line: number;
}

/**
 * Appends one event after validating it against the whole log (schema, date order, AGI
 * process). Holds an exclusive lock file for the read-validate-write, so concurrent appends
 * serialise instead of interleaving or losing events.
 */
export function appendEvent(file: string, eventJson: string, options: AppendOptions): AppendResult {
  return withLock(file, options.lockTimeoutMs ?? 10_000, () => {
    const text = readText(file, true);
    const events = parseLog(text, file);
    if (options.expectVersion !== undefined && options.expectVersion !== events.length) {
      throw new ConflictError(
        `expected version ${options.expectVersion}, but ${file} holds ${events.length} events: it changed since you read it`,
        { hint: `re-read the log, decide again, and append with --expect-version ${events.length}` },
      );
    }
    const line = [...splitLines(text)].length + 1;
    const event = parseEventLine(eventJson.trim(), line, file);
    const appended: LoggedEvent = { line, event };
    const last = events.at(-1);
    if (last && event.date < last.event.date) {
      throw new InputError(
        `the new event is dated ${event.date}, before the log's last event (${last.event.date}, line ${last.line})`,
        {
          file,
          line,
          hint: `an append continues the future: date it ${last.event.date} or later`,
        },
      );
    }
    try {
      replay(branchFrom(options.history ?? NO_HISTORY, [...events, appended]), options.input);
    } catch (error) {
      throw error instanceof InputError ? error.at({ file }) : error;
    }
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    writeAtomically(file, `${text}${separator}${JSON.stringify(JSON.parse(eventJson))}\n`);
    return { version: events.length + 1, line };
  });
}

/** Moves a torn last line (one cut off without a newline that is not valid JSON) aside. */
export function repairLog(file: string): { readonly removed: string | null; readonly savedTo: string | null } {
  return withLock(file, 10_000, () => {
    const text = readText(file);
    const lines = [...splitLines(text)];
    const last = lines.at(-1);
    if (!last || last.terminated || isJson(last.text)) return { removed: null, savedTo: null };
    const savedTo = `${file}.torn`;
    writeFileSync(savedTo, last.text);
    writeAtomically(file, text.slice(0, text.length - last.text.length));
    return { removed: last.text, savedTo };
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs `work` holding `FILE.lock`; a lock left by a dead process is taken over. */
function withLock<T>(file: string, timeoutMs: number, work: () => T): T {
  const lock = `${file}.lock`;
  const waited = { ms: 0 };
  for (;;) {
    try {
      const fd = openLock(lock, file);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone(lock)) {
        rmQuietly(lock);
        continue;
      }
      if (waited.ms >= timeoutMs) {
        throw new ConflictError(`${file} is locked by another writer (${lock})`, {
          hint: `wait and retry; if no dealsim process is running, delete ${lock}`,
        });
      }
      Atomics.wait(sleeper, 0, 0, 10); // a synchronous CLI: block briefly instead of spinning
      waited.ms += 10;
    }
  }
  try {
    return work();
  } finally {
    rmQuietly(lock);
  }
}

function openLock(lock: string, file: string): number {
  try {
    return openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(`cannot write ${file}: its folder does not exist`, {
        hint: 'create the folder first, or check the path',
      });
    }
    throw error;
  }
}

function holderIsGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function rmQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
