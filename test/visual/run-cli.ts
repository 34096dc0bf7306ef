/** Runs `dealsim` in-process for the visual tests, capturing both streams; and the shipped futures. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export async function dealsim(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    stdoutIsTty: false,
    stderrIsTty: false,
    color: false,
    cwd: process.cwd(),
    interrupted: () => false,
  };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

export interface Future {
  readonly path: string;
  readonly assume: readonly string[];
}

/**
 * Every log under simulations/ (with the assumptions the manifest names for it, none for logs it
 * does not list, such as the real history) and the visual fixtures.
 */
export function allFutures(): Future[] {
  const manifest = JSON.parse(readFileSync('simulations/futures.json', 'utf8')) as {
    futures: { file: string; assume: string[] }[];
  };
  const assumed = new Map(manifest.futures.map((future) => [join('simulations', future.file), future.assume]));
  const logs = readdirSync('simulations', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => join('simulations', file))
    .sort();
  return [
    ...logs.map((path) => ({ path, assume: assumed.get(path) ?? [] })),
    { path: 'test/visual/fixtures/escaped-note.jsonl', assume: [] },
    { path: 'test/visual/fixtures/amended-breaches.jsonl', assume: [] },
  ];
}

export const assumeArgs = (future: Future): string[] => future.assume.flatMap((pair) => ['--assume', pair]);
