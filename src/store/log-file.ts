/**
 * The event store's file edge: reading a log, appending to it, and repairing a torn last line.
 *
 * An append happens in place, in the log file itself, under `flock(2)` on that file: the lock is
 * the kernel's and dies with its process, so no lock file is ever left behind and no interleaving
 * of two writers can break it. The log keeps its identity (a symbolic link is written through to
 * its target; mode, owner and hard links stay as they were) because it is never replaced. The new
 * line is written with O_APPEND, checked byte for byte, and flushed with fsync before the append
 * is acknowledged; any short or failed write is cut back with ftruncate, so a refused append
 * leaves the log byte-for-byte as it was.
 */
import { constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DealInput } from '../../machines/deal.machine.ts';
import { ConflictError, InputError } from '../domain/errors.ts';
import { countOf } from '../domain/numbers.ts';
import { branchFrom, type History, NO_HISTORY } from '../history/history.ts';
import { kernelEngine } from '../kernel/engine.ts';
import { foldEvents, JUDGE_NOTHING } from '../kernel/fold.ts';
import { decodeLog, firstBadByte } from '../log/encoding.ts';
import { type LoggedEvent, parseEventLine, parseLog, splitLines } from '../log/parse.ts';
import { isTornJsonObject } from '../log/torn-line.ts';
import type { Engine } from '../replay/engine.ts';
import { replay } from '../replay/replay.ts';
import { describeErrno, errnoOf } from './errno.ts';
import { type FileSystem, fileSystem, syncFolder } from './file-system.ts';
import { streamLog } from './log-stream.ts';
import { noteRead } from './read-notices.ts';

/** Reads and validates a log's lines (schema and date order; the AGI process is the replay's). */
export function readLog(file: string): LoggedEvent[] {
  return parseLog(readText(file), file);
}

/** A log's text, decoded as UTF-8 (see {@link decodeLog}); `missingIsEmpty` reads a missing file as empty. */
export function readText(file: string, missingIsEmpty = false): string {
  const fsys = fileSystem();
  let fd: number;
  try {
    fd = fsys.openSync(file, constants.O_RDONLY);
  } catch (error) {
    if (missingIsEmpty && errnoOf(error) === 'ENOENT') return '';
    throw cannotRead(file, error);
  }
  try {
    return decodeText(readAll(fsys, fd, file), file);
  } finally {
    fsys.closeSync(fd);
  }
}

/** Reads a JSON input file (a spec, amendments) of at most `maxBytes`, refusing a larger one before reading it. */
export function readInputFile(file: string, maxBytes: number, what: string): string {
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      throw new InputError(`${what} is a folder, not a file`, { file, hint: 'name the JSON file' });
    const size = stat.size;
    if (size > maxBytes) {
      throw new InputError(
        `${what} is ${size.toLocaleString('en-US')} bytes, more than the ${(maxBytes / 1024).toLocaleString('en-US')} KiB dealsim reads`,
        { file, hint: 'keep the file to what it needs' },
      );
    }
    return readText(file);
  } catch (error) {
    if (error instanceof InputError && error.file !== undefined) throw error;
    const code =
      errnoOf(error) ?? (error instanceof InputError && /^no such file/.test(error.message) ? 'ENOENT' : undefined);
    throw new InputError(`cannot read ${what} (${code ?? 'error'}: ${describeErrno(code)})`, {
      file,
      hint: 'check the path and the file’s permissions',
    });
  }
}

function cannotRead(file: string, error: unknown): InputError {
  const code = errnoOf(error);
  if (code === 'ENOENT') {
    return new InputError(`no such file: ${file}`, {
      hint: 'check the path; the futures shipped with dealsim are in its simulations/ folder (node_modules/dealsim/dist/simulations/ once installed)',
    });
  }
  return new InputError(`cannot read ${file} (${code ?? 'error'}: ${describeErrno(code)})`, {
    hint: 'check the file’s permissions',
  });
}

function decodeText(bytes: Buffer, file: string): string {
  const { text, bom } = decodeLog(bytes, file);
  if (bom) noteRead(bomNotice(file));
  return text;
}

function bomNotice(file: string): string {
  return `${file}: starts with a UTF-8 byte-order mark; read as UTF-8 without it`;
}

/** Every byte of the open file `fd`, from the start. */
/**
 * The most bytes a log is read whole: past it, its text would come near the longest string
 * JavaScript holds (2^29 characters), which ends in an internal error instead of an answer.
 */
const MAX_WHOLE_BYTES = 256 * 1024 * 1024;

function readAll(fsys: FileSystem, fd: number, file: string): Buffer {
  try {
    const stat = fsys.fstatSync(fd);
    if (stat.isDirectory()) {
      throw new InputError(`${file} is a directory, not an event log`, { hint: 'name a .jsonl file' });
    }
    if (stat.size > MAX_WHOLE_BYTES) {
      throw new InputError(
        `${file} is ${stat.size.toLocaleString('en-US')} bytes, more than the ${MAX_WHOLE_BYTES / 1024 / 1024} MiB this command reads whole`,
        {
          hint: 'dealsim simulate and validate read a log of any size as they go (on the default engine); split the log for the other commands',
        },
      );
    }
    const chunks: Buffer[] = [];
    let position = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const read = fsys.readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      position += read;
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(file, error);
  }
}

/**
 * Replays the whole log after `history` so that an invalid future is refused here, with the
 * file (or the history) named. Returns the file's own events.
 */
export function validateLog(
  file: string,
  input: DealInput,
  history: History = NO_HISTORY,
  engine?: Engine<unknown>,
): LoggedEvent[] {
  const events = readLog(file);
  try {
    replay(branchFrom(history, events), input, engine && { engine });
  } catch (error) {
    throw error instanceof InputError ? error.at({ file }) : error;
  }
  return events;
}

/**
 * Runs `work` on the events of `file` as they are read ({@link streamLog}), never holding the
 * log, with the errors and notices of {@link readLog}: when `work` throws an input error, the
 * file is read whole, so that a line anywhere in it that is not UTF-8 or not an event is
 * reported before a refusal of an earlier line, as when a log is read before it is replayed.
 */
export function withStreamedLog<T>(file: string, work: (events: Iterable<LoggedEvent>) => T): T {
  let bom = false;
  try {
    const result = work(
      streamLog(file, () => {
        bom = true;
      }),
    );
    if (bom) noteRead(bomNotice(file));
    return result;
  } catch (error) {
    // Reading it whole throws the error a whole read gives, if there is one; else the replay's stands.
    if (error instanceof InputError && (statSync(file, { throwIfNoEntry: false })?.size ?? 0) <= MAX_WHOLE_BYTES)
      readLog(file);
    throw error;
  }
}

/**
 * {@link validateLog} for `dealsim validate`: returns the number of the log's own events. On the
 * compiled kernel (the default) the log is streamed, after its history, through the lean fold
 * without judging conduct, so memory stays flat however long it is; another `engine` (XState
 * with `--engine xstate`) replays it in memory. Same errors either way.
 */
export function checkLog(
  file: string,
  input: DealInput,
  history: History = NO_HISTORY,
  engine: Engine<unknown> = kernelEngine,
): number {
  if (engine !== kernelEngine) return validateLog(file, input, history, engine).length;
  // Reading errors name the file themselves; the replay's are placed in it, as validateLog places them.
  return withStreamedLog(file, (events) => {
    try {
      // The fold takes every history line, so the rest are the log's own.
      return foldEvents(branchFrom(history, events), input, { judge: JUDGE_NOTHING }).events - history.events.length;
    } catch (error) {
      throw error instanceof InputError ? error.at({ file }) : error;
    }
  });
}

export interface AppendOptions {
  readonly input: DealInput;
  /** The history the log's future branches from; the new event is validated after it too. */
  readonly history?: History;
  /** The engine that replays the log with the new event (XState's pure transition unless given). */
  readonly engine?: Engine<unknown>;
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
 * The one form of an event argument that is both validated and written: surrounding white space
 * (a byte-order mark and no-break spaces included) removed, then the JSON re-serialised on one
 * line. Throws the parser's {@link InputError} for anything that is not one valid event.
 */
export function canonicalEventLine(eventJson: string, line: number, file: string): string {
  const trimmed = eventJson.trim();
  parseEventLine(trimmed, line, file);
  const written = JSON.stringify(JSON.parse(trimmed));
  parseEventLine(written, line, file); // what is written is what was validated
  return written;
}

/**
 * Appends one event after validating it against the whole log (schema, date order, AGI
 * process), under an exclusive `flock` on the log, so concurrent appends serialise. Returns only
 * once the line is on disk (fsync); throws {@link InputError} (exit 2) for an invalid event, an
 * unreadable or unwritable log and a failed write, {@link ConflictError} (exit 3) for a version
 * mismatch or a lock not released in time. On every throw the log is as it was.
 */
export function appendEvent(file: string, eventJson: string, options: AppendOptions): AppendResult {
  const fsys = fileSystem();
  let fd: number;
  let created = false;
  try {
    fd = fsys.openSync(file, constants.O_RDWR | constants.O_APPEND);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw cannotWrite(file, error);
    // A missing log: validate against the empty log before creating anything, so a refused
    // append creates no file. Another writer may create it meanwhile; the check is redone under the lock.
    checkAppend(file, '', eventJson, options);
    try {
      fd = fsys.openSync(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o666);
      created = true;
    } catch (openError) {
      throw cannotWrite(file, openError);
    }
  }
  try {
    refuseReadOnly(fsys, fd, file);
    lock(fsys, fd, file, options.lockTimeoutMs ?? 10_000);
    const bytes = readAll(fsys, fd, file);
    const { written, result } = checkAppend(file, decodeText(bytes, file), eventJson, options);
    writeAll(fsys, fd, file, bytes.length, Buffer.from(written, 'utf8'));
    if (created) syncFolder(dirname(file));
    return result;
  } finally {
    fsys.closeSync(fd); // also releases the flock
  }
}

/** Validates the append of `eventJson` to the log `text`; returns the bytes to write and the result. */
function checkAppend(
  file: string,
  text: string,
  eventJson: string,
  options: AppendOptions,
): { written: string; result: AppendResult } {
  const events = parseLog(text, file);
  if (options.expectVersion !== undefined && options.expectVersion !== events.length) {
    throw new ConflictError(
      `expected version ${options.expectVersion}, but ${file} holds ${countOf(events.length, 'event')}: it changed since you read it`,
      { hint: `re-read the log, decide again, and append with --expect-version ${events.length}` },
    );
  }
  let lines = 0;
  let terminated = true;
  for (const entry of splitLines(text)) {
    lines = entry.line;
    terminated = entry.terminated;
  }
  const line = lines + 1;
  const canonical = canonicalEventLine(eventJson, line, file);
  const event = parseEventLine(canonical, line, file);
  const last = events.at(-1);
  if (last && event.date < last.event.date) {
    throw new InputError(
      `the new event is dated ${event.date}, before the log's last event (${last.event.date}, line ${last.line})`,
      { file, line, hint: `an append continues the future: date it ${last.event.date} or later` },
    );
  }
  try {
    replay(
      branchFrom(options.history ?? NO_HISTORY, [...events, { line, event }]),
      options.input,
      options.engine && { engine: options.engine },
    );
  } catch (error) {
    throw error instanceof InputError ? error.at({ file }) : error;
  }
  return { written: `${terminated ? '' : '\n'}${canonical}\n`, result: { version: events.length + 1, line } };
}

/**
 * Writes `data` at the end of the log (O_APPEND), checks that every byte arrived, and flushes
 * it; on any failure cuts the log back to `size` bytes and throws an {@link InputError}.
 */
function writeAll(fsys: FileSystem, fd: number, file: string, size: number, data: Buffer): void {
  try {
    let done = 0;
    while (done < data.length) {
      const wrote = fsys.writeSync(fd, data, done, data.length - done);
      if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      done += wrote;
    }
    fsys.fsyncSync(fd);
    const after = fsys.fstatSync(fd).size;
    if (after !== size + data.length) {
      throw Object.assign(new Error('size after write'), { code: after < size + data.length ? 'EIO' : 'ECHANGED' });
    }
  } catch (error) {
    let restored = true;
    try {
      fsys.ftruncateSync(fd, size);
    } catch {
      restored = false;
    }
    try {
      fsys.fsyncSync(fd); // best effort: the cut is what every reader sees from now on either way
    } catch {
      // the device is failing; the error below says what happened
    }
    const code = errnoOf(error);
    const reason = code === 'ECHANGED' ? 'the log grew under the lock' : describeErrno(code);
    throw new InputError(
      `cannot append to ${file} (${code ?? 'error'}: ${reason}); ${restored ? 'the log is unchanged' : 'the log may end with a partial line'}`,
      {
        hint: restored
          ? 'free some space or fix the device, then append again'
          : `free some space, run "dealsim repair ${file}", then append again`,
      },
    );
  }
}

/** Refuses a log nobody may write (no write bit in its mode), even for root, who could. */
function refuseReadOnly(fsys: FileSystem, fd: number, file: string): void {
  const stats = fsys.fstatSync(fd);
  if (!stats.isFile()) {
    throw new InputError(`${file} is not a regular file`, { hint: 'name a .jsonl file' });
  }
  if ((stats.mode & 0o222) === 0) {
    throw new InputError(`${file} is read-only (mode ${(stats.mode & 0o777).toString(8)})`, {
      hint: `if the log should change, make it writable first (chmod u+w ${file})`,
    });
  }
}

function cannotWrite(file: string, error: unknown): InputError {
  if (error instanceof InputError || error instanceof ConflictError) throw error;
  const code = errnoOf(error);
  if (code === 'ENOENT') {
    return new InputError(`cannot write ${file}: its folder does not exist`, {
      hint: 'create the folder first, or check the path',
    });
  }
  return new InputError(`cannot write ${file} (${code ?? 'error'}: ${describeErrno(code)})`, {
    hint: 'check the file’s and its folder’s permissions, and that the filesystem is writable',
  });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Takes an exclusive flock on `fd`, waiting at most `timeoutMs`; a dead holder's lock is gone with it. */
function lock(fsys: FileSystem, fd: number, file: string, timeoutMs: number): void {
  for (let waited = 0; ; waited += 10) {
    try {
      fsys.lockExclusive(fd);
      return;
    } catch (error) {
      const code = errnoOf(error);
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw cannotWrite(file, error);
      if (waited >= timeoutMs) {
        throw new ConflictError(`${file} is being written by another process`, {
          hint: 'wait for the other append to finish, then retry',
        });
      }
      Atomics.wait(sleeper, 0, 0, 10); // a synchronous CLI: block briefly instead of spinning
    }
  }
}

export interface RepairResult {
  /** The torn text moved aside, or null when the last line was whole. */
  readonly removed: string | null;
  readonly savedTo: string | null;
}

/**
 * Moves a torn last line aside: one that an interrupted write cut off (no line end, and the
 * start of a JSON object that is not complete), after a log that is otherwise valid. The torn
 * bytes go to a new `LOG.torn` (`LOG.torn.1`, … when that exists: an earlier one is never
 * overwritten), and the log is cut in place. A log with any other problem is reported, not cut.
 */
export function repairLog(file: string): RepairResult {
  const fsys = fileSystem();
  let fd: number;
  try {
    fd = fsys.openSync(file, constants.O_RDWR);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw cannotRead(file, error);
    if (errnoOf(error) === 'EISDIR') {
      throw new InputError(`${file} is a directory, not an event log`, { hint: 'name the .jsonl file to repair' });
    }
    throw cannotWrite(file, error);
  }
  try {
    refuseReadOnly(fsys, fd, file);
    lock(fsys, fd, file, 10_000);
    const bytes = readAll(fsys, fd, file);
    const cut = tornTail(bytes, file);
    if (cut === null) return { removed: null, savedTo: null };
    const torn = bytes.subarray(cut);
    const savedTo = saveTorn(fsys, file, torn);
    try {
      fsys.ftruncateSync(fd, cut);
      fsys.fsyncSync(fd);
    } catch (error) {
      throw new InputError(`cannot cut the torn line from ${file} (${describeErrno(errnoOf(error))})`, {
        hint: `the torn line is saved in ${savedTo}; free some space and run repair again`,
      });
    }
    return { removed: torn.toString('utf8'), savedTo };
  } finally {
    fsys.closeSync(fd);
  }
}

/** Where the torn last line starts, or null when the last line is whole; throws when the log is broken otherwise. */
function tornTail(bytes: Buffer, file: string): number | null {
  let start = bytes.length;
  while (start > 0 && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) start--;
  const head = bytes.subarray(0, start);
  const tail = bytes.subarray(start);
  parseLog(decodeText(head, file), file); // everything before the last line must be a valid log
  if (tail.length === 0) return null;
  const { at, truncated } = firstBadByte(tail);
  if (at < tail.length && !truncated) throw decodeLogError(bytes, file);
  const text = tail.subarray(0, at).toString('utf8');
  if (text.trim() === '') return null;
  if (at === tail.length && isWhole(text)) {
    parseEventLine(text, lineCount(head) + 1, file); // whole JSON that is not an event is reported
    return null;
  }
  if (!isTornJsonObject(text)) {
    throw new InputError('the last line is not an event, and not one cut off by an interrupted write', {
      file,
      line: lineCount(head) + 1,
      hint: 'repair only moves a line torn by a crash; correct or remove this line by hand',
    });
  }
  return start;
}

function decodeLogError(bytes: Buffer, file: string): InputError {
  try {
    decodeLog(bytes, file);
  } catch (error) {
    if (error instanceof InputError) return error;
  }
  return new InputError('the log is not valid UTF-8', { file, hint: 'save the log as UTF-8' });
}

function isWhole(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function lineCount(head: Buffer): number {
  let lines = 0;
  for (const _ of splitLines(head.toString('utf8'))) lines++;
  return lines;
}

/** Writes the torn bytes to the first free `LOG.torn`, `LOG.torn.1`, …, created exclusively (never through a link). */
function saveTorn(fsys: FileSystem, file: string, torn: Uint8Array): string {
  for (let n = 0; n < 1000; n++) {
    const name = n === 0 ? `${file}.torn` : `${file}.torn.${n}`;
    let fd: number;
    try {
      fd = fsys.openSync(name, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') continue;
      throw cannotWrite(name, error);
    }
    try {
      let done = 0;
      while (done < torn.length) {
        const wrote = fsys.writeSync(fd, torn, done, torn.length - done);
        if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        done += wrote;
      }
      fsys.fsyncSync(fd);
    } catch (error) {
      fsys.closeSync(fd);
      try {
        fsys.unlinkSync(name);
      } catch {
        // already gone
      }
      throw new InputError(
        `cannot save the torn line to ${name} (${describeErrno(errnoOf(error))}); the log is unchanged`,
        {
          hint: 'free some space, then run repair again',
        },
      );
    }
    fsys.closeSync(fd);
    syncFolder(dirname(name));
    return name;
  }
  throw new InputError(`${file} has 1000 .torn files already`, {
    hint: 'look at them and delete those you do not need',
  });
}
