/**
 * Checking (issue 4): how long `dealsim check --depth 8` and `dealsim fuzz --runs 10000` take,
 * run in-process through the CLI, on the compiled kernel (the default) and, for check, on
 * XState's own `transition` as well. Measured, never asserted; the counts come from the runs.
 */
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import type { BenchSection } from '../section.ts';

interface Ran {
  readonly ms: number;
  readonly code: number;
  readonly json: Record<string, unknown>;
}

async function run(argv: readonly string[]): Promise<Ran> {
  const io = memoryIo();
  const start = performance.now();
  const code = await main([...argv, '--json'], io);
  return { ms: performance.now() - start, code, json: JSON.parse(io.stdout()) as Record<string, unknown> };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function measure(): Promise<BenchSection> {
  const check = await run(['check', '--depth', '8']);
  const checkXstate = await run(['check', '--depth', '8', '--engine', 'xstate']);
  const fuzz = await run(['fuzz', '--runs', '10000', '--seed', '1']);
  const verdict = (ran: Ran) => (ran.code === 0 ? 'all 8 invariants hold' : `FAILED (exit ${ran.code})`);
  const coverage = check.json.coverage as {
    states: { visited: number; total: number };
    transitions: { fired: number; total: number };
  };
  return {
    name: 'checking (dealsim check, dealsim fuzz)',
    metrics: {
      checkDepth8Ms: Math.round(check.ms),
      checkDepth8XstateMs: Math.round(checkXstate.ms),
      checkFutures: check.json.futures as number,
      checkStates: check.json.states as number,
      fuzz10000Ms: Math.round(fuzz.ms),
      fuzzRuns: fuzz.json.runs as number,
    },
    lines: [
      `check --depth 8 (kernel, 32 assumption combinations): ${seconds(check.ms)}, ${(check.json.futures as number).toLocaleString('en-US')} futures, ${check.json.states} abstract states; ${verdict(check)}`,
      `  coverage: chart states ${coverage.states.visited}/${coverage.states.total}, transitions ${coverage.transitions.fired}/${coverage.transitions.total}`,
      `check --depth 8 --engine xstate: ${seconds(checkXstate.ms)} (${(checkXstate.ms / check.ms).toFixed(1)}× the kernel); ${verdict(checkXstate)}`,
      `fuzz --runs 10000 --seed 1 (kernel, random assumptions): ${seconds(fuzz.ms)}, ${(fuzz.ms / 10000).toFixed(2)} ms per future; ${verdict(fuzz)}`,
    ],
  };
}
