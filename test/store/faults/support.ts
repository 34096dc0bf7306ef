/**
 * Shared by the store's fault-injection tests: fresh folders, the CLI in-process and as a real
 * process, and a small tmpfs the test mounts itself when it runs as root (as CI does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInMemory } from '../../../src/cli/main.ts';

export const BIN = resolve(import.meta.dirname, '../../../bin/dealsim.js');

export const ev = (event: Record<string, unknown>) => JSON.stringify(event);
/** A valid log of `count` events (conduct that needs no AGI state), one per line. */
export function logOf(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `${ev({ type: 'compute.contracted', date: '2027-01-01', provider: `provider ${i}` })}\n`;
  }
  return text;
}
export const NEXT = ev({ type: 'compute.contracted', date: '2027-06-01', provider: 'next' });

/** A fresh folder under the system's temporary folder, removed by `cleanUp`. */
export function freshFolder(prefix = 'dealsim-faults-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function cleanUp(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** A log file with `text` in a fresh folder. */
export function freshLog(text: string | null, folder = freshFolder()): { folder: string; file: string } {
  const file = join(folder, 'log.jsonl');
  if (text !== null) writeFileSync(file, text);
  return { folder, file };
}

export const dealsim = (...argv: string[]) => runInMemory(argv);

/** `dealsim ARGV` as a real process. */
export function dealsimProcess(argv: readonly string[], options: { cwd?: string } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', cwd: options.cwd, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The entries of `folder` other than `keep`: temporary or lock files an append must not leave. */
export function leftovers(folder: string, keep: readonly string[]): string[] {
  return readdirSync(folder).filter((name) => !keep.includes(name));
}

export const isRoot = process.getuid?.() === 0;

/** Mounts a tmpfs of `kib` KiB at a fresh folder (root only); returns the folder and how to unmount it. */
export function mountTmpfs(kib: number): { folder: string; unmount: () => void } | null {
  if (!isRoot) return null;
  const folder = freshFolder('dealsim-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', folder]);
  } catch {
    cleanUp(folder);
    return null;
  }
  return {
    folder,
    unmount: () => {
      execFileSync('umount', [folder]);
      cleanUp(folder);
    },
  };
}

/** Fills the filesystem of `folder` until no byte more fits, leaving `spare` bytes free at most. */
export function fillUp(folder: string, spare = 0): void {
  const filler = join(folder, 'filler');
  mkdirSync(join(folder, '.fill'), { recursive: true });
  let size = 1 << 16;
  let n = 0;
  while (size >= 1) {
    try {
      writeFileSync(join(folder, '.fill', `f${n++}`), Buffer.alloc(size));
    } catch {
      size = Math.floor(size / 2);
    }
    if (size <= spare) break;
  }
  void filler;
}
