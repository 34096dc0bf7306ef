/**
 * How every command writes an output file (`report -o`, `timeline -o`, `chart -o`,
 * `montecarlo -o`): the text goes to a temporary file created exclusively (O_EXCL, O_NOFOLLOW)
 * under an unpredictable name in the target's own folder, is flushed, and is renamed over the
 * target, and the folder is flushed. A symbolic link planted at the target is replaced, never
 * written through; a planted link at the temporary name cannot exist (the name is random and
 * O_EXCL refuses any existing entry); a failed write leaves the target as it was and no
 * temporary file behind. A target that is a device, a pipe or a socket (`/dev/null`), or one of
 * the command's own input files, is refused: renaming over it would destroy it.
 */
import { randomBytes } from 'node:crypto';
import { constants, fchmodSync, lstatSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../domain/errors.ts';
import { describeErrno, errnoOf } from './errno.ts';
import { fileSystem, syncFolder } from './file-system.ts';

const NAME_A_FILE = 'name the file to write, e.g. -o report.html, -o timeline.svg or -o chart.svg';

/**
 * Writes `text` to `path` atomically. `shown` is the name to use in errors (as the user typed it);
 * `inputs` are the files the command read, which the output may not replace (compared as files,
 * whatever their spelling or links). Throws an {@link InputError} (exit 2) saying why the file
 * could not be written.
 */
export function writeOutputFile(
  path: string,
  text: string | Uint8Array,
  shown = path,
  inputs: readonly string[] = [],
): void {
  const fsys = fileSystem();
  const folder = dirname(path);
  // What the user typed, before a resolve() took its last "/" away: "out/" is a folder, even one not made yet.
  if (shown === '') throw new InputError('no file name to write to', { hint: NAME_A_FILE });
  // "-" is standard output by convention, which a file written by rename cannot be.
  if (shown === '-') {
    throw new InputError('"-" names no file here: this output is written to a file', {
      hint: `${NAME_A_FILE}; dealsim chart without -o prints to standard output`,
    });
  }
  if (/[\\/]$/.test(shown)) {
    throw new InputError(`cannot write ${shown}: it names a folder (it ends with "/")`, { hint: NAME_A_FILE });
  }
  let keepMode: number | undefined;
  try {
    const existing = lstatSync(path);
    if (existing.isDirectory()) {
      throw new InputError(`cannot write ${shown}: it is a folder`, { hint: NAME_A_FILE });
    }
    if (!existing.isFile() && !existing.isSymbolicLink()) {
      throw new InputError(`cannot write ${shown}: it is a device, pipe or socket, not a file`, { hint: NAME_A_FILE });
    }
    if (existing.isFile()) keepMode = existing.mode & 0o7777;
    const target = statSync(path);
    for (const input of inputs) {
      const read = statSync(input, { throwIfNoEntry: false });
      if (read?.dev === target.dev && read.ino === target.ino) {
        throw new InputError(`cannot write ${shown}: it is ${input}, which this command reads`, { hint: NAME_A_FILE });
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (errnoOf(error) !== 'ENOENT') throw cannotWrite(shown, error);
  }
  const temporary = join(folder, `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fsys.openSync(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o666,
    );
  } catch (error) {
    throw cannotWrite(shown, error);
  }
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  try {
    try {
      if (keepMode !== undefined) fchmodSync(fd, keepMode);
      let done = 0;
      while (done < data.length) {
        const wrote = fsys.writeSync(fd, data, done, data.length - done);
        if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        done += wrote;
      }
      fsys.fsyncSync(fd);
    } finally {
      fsys.closeSync(fd);
    }
    fsys.renameSync(temporary, path);
  } catch (error) {
    try {
      fsys.unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw cannotWrite(shown, error);
  }
  try {
    syncFolder(folder);
  } catch {
    // The file is written; a folder that cannot be opened for fsync (some network filesystems) is not an error.
  }
}

function cannotWrite(shown: string, error: unknown): InputError {
  const code = errnoOf(error);
  return new InputError(`cannot write ${shown} (${code ?? 'error'}: ${describeErrno(code)})`, {
    hint:
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'free some space, then run the command again'
        : 'check that the folder exists and is writable',
  });
}
