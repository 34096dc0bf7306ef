/**
 * Scale-out (issue 12): shards of one seeded run merge into the bytes of a single run, because
 * every aggregate is an exact count that adds up over disjoint futures. Bad shard specs and
 * shards that are not exactly 1…N of one run are exit 2 with a fix, and nothing is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { fromDayNumber } from '../../src/domain/dates.ts';
import { aggregate } from '../../src/montecarlo/aggregate.ts';
import { allocateOutcomes, simulateRange } from '../../src/montecarlo/outcomes.ts';
import { samplerFor } from '../../src/montecarlo/sample.ts';
import { parseShard, shardSlice } from '../../src/montecarlo/shard.ts';
import { readSpecFile } from '../../src/montecarlo/spec-file.ts';
import { emptyTally, mergeTally, tallyFromJson, tallyOutcomes, tallyToJson } from '../../src/montecarlo/tally.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = 'simulations/montecarlo/uniform-2027-2035.json';
const RUN = ['--futures', '4001', '--seed', '7', '--workers', '1'];

const dealsim = (...argv: string[]) => runInMemory(argv);

describe('issue 12 Monte Carlo shards', () => {
  it('4 shards merged give results.json, results.csv and the charts of one run, byte for byte', async () => {
    const single = join(dir, 'single');
    const one = await dealsim('montecarlo', SPEC, ...RUN, '--json', '-o', single);
    expect(one.code).toBe(0);
    // Two shards share a directory (GNU parallel style), two have their own (one per pod).
    const shared = join(dir, 'shards');
    for (const [k, out] of [
      [1, shared],
      [2, join(dir, 'pod-2')],
      [3, shared],
      [4, join(dir, 'pod-4')],
    ] as const) {
      const shard = await dealsim('montecarlo', SPEC, ...RUN, '--shard', `${k}/4`, '-o', out);
      expect(shard.code, shard.err).toBe(0);
      expect(shard.out).toContain(`Shard ${k}/4`);
    }
    expect(readdirSync(shared).sort()).toEqual(['shard-1-of-4.json', 'shard-3-of-4.json']);
    const merged = join(dir, 'merged');
    const joined = await dealsim(
      'montecarlo',
      'merge',
      join(dir, 'pod-4'),
      shared,
      join(dir, 'pod-2'),
      '--json',
      '-o',
      merged,
    );
    expect(joined.code, joined.err).toBe(0);
    expect(joined.out).toBe(one.out);
    const files = readdirSync(single).sort();
    expect(files).toContain('results.json');
    expect(files).toContain('results.csv');
    expect(readdirSync(merged).sort()).toEqual(files);
    for (const name of files)
      expect(readFileSync(join(merged, name), 'utf8'), name).toBe(readFileSync(join(single, name), 'utf8'));
    expect(JSON.parse(one.out).futures).toBe(4001);
  });

  test.prop([fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 })], {
    numRuns: 25,
  })('tallies of any split of the futures add up to the tally of all of them', (seed, cuts) => {
    const sampler = samplerFor(readSpecFile(SPEC));
    const futures = 300;
    const whole = allocateOutcomes(futures);
    simulateRange(sampler, seed, 0, whole);
    const bounds = [0, ...cuts.sort((a, b) => a - b), futures];
    const merged = emptyTally();
    for (let i = 1; i < bounds.length; i++) {
      const part = allocateOutcomes((bounds[i] as number) - (bounds[i - 1] as number));
      simulateRange(sampler, seed, bounds[i - 1] as number, part);
      // Through the shard file's JSON and back, as a merge reads it.
      mergeTally(merged, tallyFromJson(JSON.parse(JSON.stringify(tallyToJson(tallyOutcomes(emptyTally(), part))))));
    }
    const { history, sampleFromDay } = sampler.spec.start;
    const sampleFrom = fromDayNumber(sampleFromDay);
    const run = { seed, specSha256: 'x', horizon: sampler.spec.horizon, history, sampleFrom, requested: futures };
    expect(JSON.stringify(aggregate(merged, run))).toBe(
      JSON.stringify(aggregate(tallyOutcomes(emptyTally(), whole), run)),
    );
  });

  it('refuses a shard whose counts do not add up to its futures (a damaged or edited file), naming what', () => {
    const part = allocateOutcomes(200);
    simulateRange(samplerFor(readSpecFile(SPEC)), 3, 0, part);
    const json = () => JSON.parse(JSON.stringify(tallyToJson(tallyOutcomes(emptyTally(), part))));
    expect(tallyFromJson(json()).futures).toBe(200);
    const damaged: [string, (tally: Record<string, any>) => void][] = [
      ['the ends of research-ip add up to 201', (t) => t.terms['research-ip'].never++],
      ['the AGI states add up to 1199', (t) => (t.agi.none += 999)],
      ['C8 is breached in 201 futures, more than the 200', (t) => (t.breaches.C8 = 201)],
      ['the revenue share’s amounts add up to 199', (t) => t.revenueShareUsd[0][1]--],
      [
        'the event types that ended ip-exclusivity',
        (t) => (t.terms['ip-exclusivity'].byEventType['panel.verified'] = 7),
      ],
    ];
    for (const [message, damage] of damaged) {
      const tally = json();
      damage(tally);
      expect(() => tallyFromJson(tally), message).toThrow(message);
    }
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 64 })])(
    'the slices of N shards are disjoint, contiguous and cover every future',
    (futures, of) => {
      let next = 0;
      for (let index = 1; index <= of; index++) {
        const slice = shardSlice({ index, of }, futures);
        expect(slice.first).toBe(next);
        next = slice.first + slice.count;
      }
      expect(next).toBe(futures);
    },
  );

  it.each([
    ['0/4', 'K must be from 1 to 4'],
    ['5/4', 'K must be from 1 to 4'],
    ['2of4', 'not of the form K/N'],
    ['1/0', 'N must be 1 or more'],
    ['-1/4', 'not of the form K/N'],
  ])('refuses --shard %s (exit 2, with a fix)', async (text, message) => {
    expect(() => parseShard(text)).toThrow(message);
    const out = join(dir, `bad-${text.replace('/', '-')}`);
    const run = await dealsim('montecarlo', SPEC, ...RUN, `--shard=${text}`, '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain('Fix: write it as K/N');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --shard without -o', async () => {
    const run = await dealsim('montecarlo', SPEC, ...RUN, '--shard', '1/2');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--shard 1/2 needs -o DIR');
  });

  describe('merge refuses shards that are not exactly 1…N of one run', () => {
    const shardOf = async (name: string, k: number, n: number, ...extra: string[]) => {
      const out = join(dir, 'mismatch', name);
      const run = await dealsim(
        'montecarlo',
        SPEC,
        '--futures',
        '600',
        '--workers',
        '1',
        '--shard',
        `${k}/${n}`,
        '-o',
        out,
        ...extra,
      );
      expect(run.code, run.err).toBe(0);
      return out;
    };

    it.each([
      ['seed', ['--seed', '2']],
      ['futures', ['--futures', '601']],
    ])('a shard with another %s', async (what, extra) => {
      const a = await shardOf(`${what}-a`, 1, 2);
      const b = await shardOf(`${what}-b`, 2, 2, ...extra);
      const out = join(dir, `${what}-merged`);
      const run = await dealsim('montecarlo', 'merge', a, b, '-o', out);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`belongs to another run than ${join(a, 'shard-1-of-2.json')}: ${what}`);
      expect(run.err).toContain('Fix: merge only shards of one run');
      expect(existsSync(out)).toBe(false);
    });

    it('a shard of another spec', async () => {
      const a = await shardOf('spec-a', 1, 2);
      const specFile = join(dir, 'other-spec.json');
      const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
      writeFileSync(specFile, JSON.stringify({ ...spec, horizon: '2044-01-01' }));
      const b = join(dir, 'mismatch', 'spec-b');
      expect(
        (await dealsim('montecarlo', specFile, '--futures', '600', '--workers', '1', '--shard', '2/2', '-o', b)).code,
      ).toBe(0);
      const run = await dealsim('montecarlo', 'merge', a, b);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(
        /belongs to another run than .*: spec [0-9a-f]{12}… here, [0-9a-f]{12}… there; horizon 2044-01-01 here, 2045-01-01 there\. Fix/,
      );
    });

    it('a missing shard, a shard given twice, a different N', async () => {
      const one = await shardOf('n3-1', 1, 3);
      const three = await shardOf('n3-3', 3, 3);
      const missing = await dealsim('montecarlo', 'merge', one, three);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('shard 2/3 missing: the merge needs all 3');
      expect(missing.err).toContain('Fix: run --shard 2/3');
      const again = join(dir, 'mismatch', 'n3-1-again');
      mkdirSync(again, { recursive: true });
      writeFileSync(join(again, 'shard-1-of-3.json'), readFileSync(join(one, 'shard-1-of-3.json')));
      const twice = await dealsim('montecarlo', 'merge', one, again, three);
      expect(twice.code).toBe(2);
      expect(twice.err).toContain('shard 1/3 is given twice');
      const other = await shardOf('n2-2', 2, 2);
      const split = await dealsim('montecarlo', 'merge', one, other);
      expect(split.code).toBe(2);
      expect(split.err).toMatch(/another run|does not split the run in 3/);
    });

    it('no shards, a damaged shard file, options that belong to the shards', async () => {
      const empty = join(dir, 'mismatch', 'empty');
      mkdirSync(empty, { recursive: true });
      const none = await dealsim('montecarlo', 'merge', empty);
      expect(none.code).toBe(2);
      expect(none.err).toContain('holds no shard-K-of-N.json');
      const damaged = join(dir, 'mismatch', 'damaged');
      mkdirSync(damaged, { recursive: true });
      writeFileSync(join(damaged, 'shard-1-of-1.json'), '{"dealsimMonteCarloShard": 1, "shard": {"index": 1, "of": 1}');
      const broken = await dealsim('montecarlo', 'merge', damaged);
      expect(broken.code).toBe(2);
      expect(broken.err).toContain('shard-1-of-1.json: not valid JSON');
      const seeded = await dealsim('montecarlo', 'merge', empty, '--seed', '3');
      expect(seeded.code).toBe(2);
      expect(seeded.err).toContain('merge takes no --seed');
    });
  });
});
