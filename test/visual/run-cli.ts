/** Runs `dealsim` in-process for the visual tests, capturing both streams; and the shipped futures. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInMemory } from '../../src/cli/main.ts';

export const dealsim = (...argv: string[]) => runInMemory(argv);

export interface Future {
  readonly path: string;
  /** `builtin` (today's deal) or `none` (as signed), as the manifest says; fixtures run as signed. */
  readonly history: 'builtin' | 'none';
  readonly assume: readonly string[];
}

/**
 * Every log under simulations/ (with the assumptions the manifest names for it, none for logs it
 * does not list, such as the real history) and the visual fixtures.
 */
export function allFutures(): Future[] {
  const manifest = JSON.parse(readFileSync('simulations/futures.json', 'utf8')) as {
    futures: { file: string; history: 'builtin' | 'none'; assume: string[] }[];
  };
  const listed = new Map(manifest.futures.map((future) => [join('simulations', future.file), future]));
  const logs = readdirSync('simulations', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => join('simulations', file))
    .sort();
  return [
    ...logs.map((path) => ({
      path,
      history: listed.get(path)?.history ?? 'none',
      assume: listed.get(path)?.assume ?? [],
    })),
    { path: 'test/visual/fixtures/escaped-note.jsonl', history: 'none' as const, assume: [] },
    { path: 'test/visual/fixtures/amended-breaches.jsonl', history: 'none' as const, assume: [] },
  ];
}

export const assumeArgs = (future: Future): string[] => [
  '--history',
  future.history,
  ...future.assume.flatMap((pair) => ['--assume', pair]),
];
