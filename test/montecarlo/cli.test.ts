/** `dealsim montecarlo` end to end through main(): the --json shape, -o files, errors and Ctrl-C. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-mc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(options: { interruptAfter?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let polls = 0;
  const bytes = new TextDecoder();
  const io: Io = {
    out: (text) => out.push(text),
    outBytes: (piece) => out.push(bytes.decode(piece, { stream: true })),
    err: (text) => err.push(text),
    stdoutIsTty: false,
    stderrIsTty: false,
    color: false,
    cwd: process.cwd(),
    interrupted: () => options.interruptAfter !== undefined && polls++ > options.interruptAfter,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const SPEC = 'simulations/montecarlo/uniform-2027-2035.json';

describe('C2 dealsim montecarlo', () => {
  it('prints the --json shape of the issue and writes results.json, results.csv and SVG charts with -o', async () => {
    const run = fakeIo();
    const code = await main(
      ['montecarlo', SPEC, '--futures', '3000', '--seed', '5', '--workers', '1', '--json', '-o', dir],
      run.io,
    );
    expect(code).toBe(0);
    expect(run.err()).toBe(''); // no progress bar when stderr is not a terminal
    const json = JSON.parse(run.out());
    expect(json.futures).toBe(3000);
    expect(json.seed).toBe(5);
    expect(json.terms.map((t: { id: string }) => t.id)).toContain('research-ip');
    for (const term of json.terms) {
      expect(Object.keys(term)).toEqual([
        'id',
        'endedByEventFraction',
        'endedByCalendarFraction',
        'neverEndsFraction',
        'endedByEventType',
        'until',
      ]);
      expect(Object.keys(term.until)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
      expect(term.endedByEventFraction + term.endedByCalendarFraction + term.neverEndsFraction).toBeCloseTo(1, 5);
    }
    expect(Object.keys(json.breaches)).toEqual(['C6', 'C8', 'C12', 'S4']);
    // Sampled launches do not say whether they shipped first on Azure: after S4 they are undetermined, never breaches.
    expect(Object.keys(json.undetermined)).toEqual(['C6', 'C8', 'C12', 'S4']);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toEqual(json);
    const csv = readFileSync(join(dir, 'results.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      '# Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied; futures sampled from 2026-06-02 to 2045-01-01; 3000 futures, seed 5',
    );
    expect(csv[1]).toBe(
      'term,endedByEventFraction,endedByCalendarFraction,neverEndsFraction,until_p5,until_p25,until_p50,until_p75,until_p95',
    );
    const svgs = readdirSync(dir).filter((name) => name.endsWith('.svg'));
    expect(svgs).toContain('research-ip-end-dates.svg');
    expect(svgs).toContain('cdf-revenue-share.svg');
    expect(readFileSync(join(dir, 'research-ip-end-dates.svg'), 'utf8')).toMatch(
      /^<svg[\s\S]*ended by verification[\s\S]*<\/svg>\n$/,
    );
  });

  it('says, for people, that breaches and undetermined verdicts count the sampled events only', async () => {
    const run = fakeIo();
    expect(await main(['montecarlo', SPEC, '--futures', '200', '--workers', '1'], run.io)).toBe(0);
    expect(run.out()).toMatch(
      /^Breaches .* of futures, by their sampled events \(the history's own verdicts are not counted\)$/m,
    );
    expect(run.out()).toMatch(/^Undetermined .*S4 \d+\.\d% of futures, by their sampled events \(/m);
  });

  it('stops cleanly on Ctrl-C and reports the futures done so far', async () => {
    const run = fakeIo({ interruptAfter: 2 });
    const code = await main(['montecarlo', SPEC, '--futures', '50000', '--workers', '1', '--json'], run.io);
    expect(code).toBe(130);
    const json = JSON.parse(run.out());
    expect(json.futures).toBeGreaterThan(0);
    expect(json.futures).toBeLessThan(50000);
    expect(json.requested).toBe(50000);
    expect(run.err()).toContain('interrupted');
  });

  it('refuses a spec with a mistake, naming the file and the JSON path (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bad,
      JSON.stringify({ declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-01-01', never: 2 }, panel: {} }),
    );
    const run = fakeIo();
    expect(await main(['montecarlo', bad], run.io)).toBe(2);
    expect(run.err()).toContain(`${bad}: declaration.never: must be a probability from 0 to 1`);
    const usage = fakeIo();
    expect(await main(['montecarlo', SPEC, '--workers', 'two'], usage.io)).toBe(2);
    expect(usage.err()).toContain('--workers two is not a whole number');
  });
});
