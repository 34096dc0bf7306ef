/**
 * The system calls the event store makes, in one replaceable object. Production uses Node's
 * `fs` and `flock(2)` (through fs-ext); the fault-injection tests replace single calls to return
 * short writes or fail with ENOSPC, EIO or EACCES where no small filesystem can be mounted.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

/** `flock(2)` through fs-ext (a native addon, loaded on first use). */
type FlockSync = (fd: number, operation: 'exnb' | 'un') => void;
let flockSync: FlockSync | undefined;
function flock(fd: number, operation: 'exnb' | 'un'): void {
  flockSync ??= (createRequire(import.meta.url)('fs-ext') as { flockSync: FlockSync }).flockSync;
  flockSync(fd, operation);
}

export interface FileSystem {
  readonly openSync: (path: string, flags: number, mode?: number) => number;
  readonly closeSync: (fd: number) => void;
  readonly fstatSync: (fd: number) => fs.Stats;
  readonly readSync: (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;
  readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  readonly fsyncSync: (fd: number) => void;
  readonly ftruncateSync: (fd: number, length: number) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly unlinkSync: (path: string) => void;
  /** An exclusive `flock(2)` without waiting: throws EAGAIN/EWOULDBLOCK when another holds it. */
  readonly lockExclusive: (fd: number) => void;
}

const real: FileSystem = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  closeSync: (fd) => fs.closeSync(fd),
  fstatSync: (fd) => fs.fstatSync(fd),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
  lockExclusive: (fd) => flock(fd, 'exnb'),
};

let current: FileSystem = real;

/** The file system the store uses now. */
export function fileSystem(): FileSystem {
  return current;
}

/** Runs `work` with some calls replaced (tests inject faults this way), then restores the real ones. */
export async function withFileSystem<T>(overrides: Partial<FileSystem>, work: () => Promise<T> | T): Promise<T> {
  const saved = current;
  current = { ...saved, ...overrides };
  try {
    return await work();
  } finally {
    current = saved;
  }
}

/** fsync of a folder, so that an entry created or renamed in it survives a power loss. */
export function syncFolder(folder: string): void {
  const fsys = current;
  const fd = fsys.openSync(folder, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  try {
    fsys.fsyncSync(fd);
  } finally {
    fsys.closeSync(fd);
  }
}
