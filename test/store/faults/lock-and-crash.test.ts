/**
 * Guarantee: mutual exclusion that no interleaving breaks, a lock that dies with its process,
 * and nothing acknowledged lost when a writer is killed at any point (issue 11, items 2 and 7).
 * Real processes: a holder that takes the log's flock and is killed -9 while writers wait on it,
 * and appenders killed -9 at random moments.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../../src/domain/assumptions.ts';
import { appendEvent } from '../../../src/store/log-file.ts';
import { BIN, cleanUp, dealsim, ev, freshLog, leftovers, logOf, NEXT } from './support.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) cleanUp(folder);
});

const HOLDER = resolve(import.meta.dirname, 'hold-lock.mjs');

/** Starts a process that holds the log's flock; resolves once it holds it. */
function holdLock(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOLDER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.stdout?.once('data', () => done(child));
    child.once('exit', (code) => fail(new Error(`the lock holder exited ${code}`)));
  });
}

/** Runs `dealsim append` as a process; resolves with its exit code and output. */
function appendProcess(
  file: string,
  event: string,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, [BIN, 'append', file, event], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  const done = new Promise<{ code: number | null; out: string }>((settle) => {
    child.once('exit', (code) => settle({ code, out }));
  });
  return { child, done };
}

const provider = (name: string) => ev({ type: 'compute.contracted', date: '2027-06-01', provider: name });

describe('the log lock (flock on the log itself)', () => {
  it('while another process holds it, an append waits, then gives up with exit 3 and changes nothing', async () => {
    const { folder, file } = freshLog(logOf(2));
    folders.push(folder);
    const holder = await holdLock(file);
    try {
      expect(() =>
        appendEvent(file, NEXT, { input: { assumptions: DEFAULT_ASSUMPTIONS }, lockTimeoutMs: 200 }),
      ).toThrow(/being written by another process/);
      expect(readFileSync(file, 'utf8')).toBe(logOf(2));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a holder killed -9 while five writers wait on it: each writer gets the lock in turn, every event once', async () => {
    const { folder, file } = freshLog(logOf(1));
    folders.push(folder);
    const holder = await holdLock(file);
    const writers = [1, 2, 3, 4, 5].map((n) => appendProcess(file, provider(`writer ${n}`)));
    // Let every writer reach the lock and wait on it, then kill the holder mid-"append".
    await new Promise((settle) => setTimeout(settle, 2500));
    holder.kill('SIGKILL');
    const results = await Promise.all(writers.map((writer) => writer.done));
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0, 0]);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (let n = 1; n <= 5; n++) expect(lines.filter((line) => line === provider(`writer ${n}`))).toHaveLength(1);
    // The versions the writers acknowledged are 2..6, each once: no two wrote on the same version.
    const versions = results.map((result) => Number(/holds (\d+) events/.exec(result.out)?.[1])).sort();
    expect(versions).toEqual([2, 3, 4, 5, 6]);
    expect(leftovers(folder, ['log.jsonl'])).toEqual([]);
  }, 60_000);

  it('a leftover LOG.lock file from an older dealsim (empty, or naming a live process) blocks nothing', async () => {
    const { folder, file } = freshLog(logOf(1));
    folders.push(folder);
    for (const content of ['', '1', String(process.pid)]) {
      writeFileSync(`${file}.lock`, content);
      expect((await dealsim('append', file, provider(`after lock "${content}"`))).code).toBe(0);
    }
  });
});

describe('kill -9 at random points of an append', () => {
  it('every acknowledged event is in the log afterwards, once; the log is valid (after repair at most)', async () => {
    const { folder, file } = freshLog(logOf(1));
    folders.push(folder);
    const acknowledged: string[] = [];
    // How long a whole append takes here, unkilled; the kills land at fractions of it, so they fall
    // before, during and after the read-validate-write whatever the machine's speed.
    const started = performance.now();
    const baseline = appendProcess(file, provider('baseline'));
    expect((await baseline.done).code).toBe(0);
    acknowledged.push('baseline');
    const took = performance.now() - started;
    const delays = [0.1, 0.5, 0.7, 0.8, 0.9, 1.0, 1.2, 3].map((f) => f * took);
    for (const [i, delay] of delays.entries()) {
      const name = `run ${i}`;
      const run = appendProcess(file, provider(name));
      const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
      const { code } = await run.done;
      clearTimeout(timer);
      if (code === 0) acknowledged.push(name);
      if (code !== 0 && code !== null) {
        // A refusal is only allowed for a log left torn by the previous kill: repair it and go on.
        expect((await dealsim('repair', file)).code).toBe(0);
      }
    }
    await dealsim('repair', file);
    const check = await dealsim('validate', file);
    expect(check.code, check.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const name of acknowledged) expect(text.split(provider(name)).length - 1, name).toBe(1);
    expect(acknowledged.length).toBeGreaterThan(1);
    expect(leftovers(folder, ['log.jsonl', 'log.jsonl.torn', 'log.jsonl.torn.1'])).toEqual([]);
  }, 120_000);
});
