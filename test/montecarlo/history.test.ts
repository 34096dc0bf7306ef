/**
 * Monte Carlo on today's deal (issue 9, item 2): a spec's futures start from its `history` (the
 * real history by default), sampled events fall after the history's last date unless the spec
 * says otherwise, and the output names the history. Every future starts from one snapshot of the
 * replayed history; a differential test checks that equals replaying history + future whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { toDayNumber } from '../../src/domain/dates.ts';
import { LOG_EVENT_TYPES } from '../../src/domain/events.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { branchFrom } from '../../src/history/history.ts';
import { foldEvents } from '../../src/kernel/fold.ts';
import { allocateOutcomes, CAUSE, NEVER, simulateRange } from '../../src/montecarlo/outcomes.ts';
import { sampleFuture, samplerFor } from '../../src/montecarlo/sample.ts';
import { runSpecOf } from '../../src/montecarlo/spec-file.ts';
import { builtinHistory } from '../../src/store/history-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-mc-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (name: string) => JSON.parse(readFileSync(join('simulations/montecarlo', name), 'utf8'));
const AGI_TYPES = ['agi.declared', 'panel.verified', 'panel.rejected'];

async function json(file: string, ...extra: string[]) {
  const run = await runInMemory(['montecarlo', file, '--futures', '3000', '--workers', '1', '--json', ...extra]);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out);
}

describe("issue 9 Monte Carlo on today's deal", () => {
  it('a spec without "history" runs on the real history: the revenue share never ends by an AGI event (S4)', async () => {
    expect(spec('uniform-2027-2035.json').history).toBeUndefined();
    const result = await json('simulations/montecarlo/uniform-2027-2035.json');
    expect(result.history).toMatchObject({
      id: 'builtin',
      label: 'real history',
      lastDate: '2026-06-01',
      amendments: ['S3', 'S4'],
    });
    expect(result.sampleFrom).toBe('2026-06-02');
    const share = result.terms.find((t: { id: string }) => t.id === 'revenue-share');
    for (const type of AGI_TYPES) expect(share.endedByEventType[type]).toBeUndefined();
    // Through 2030 under the cap: it has ended by 2031-01-01 in every future, by the calendar or the cap.
    expect(share.neverEndsFraction).toBe(0);
    expect(share.until.p95 <= '2031-01-01').toBe(true);
    // The exclusivities ended with S4, before any sampled event.
    for (const id of ['ip-exclusivity', 'azure-api-exclusivity']) {
      const term = result.terms.find((t: { id: string }) => t.id === id);
      expect(term.until).toEqual({
        p5: '2026-04-27',
        p25: '2026-04-27',
        p50: '2026-04-27',
        p75: '2026-04-27',
        p95: '2026-04-27',
      });
      expect(term.endedByEventType).toEqual({ 'agreement.amended': 1 });
    }
  });

  it('counts only what the sampled events bring: the history ends on an undetermined launch (S4), counted in no future', async () => {
    // lognormal-from-2026.json samples no conduct, so every verdict a future could count is the history's.
    const result = await json('simulations/montecarlo/lognormal-from-2026.json');
    expect(result.undetermined).toEqual({ C6: 0, C8: 0, C12: 0, S4: 0 });
    expect(result.breaches).toEqual({ C6: 0, C8: 0, C12: 0, S4: 0 });
  });

  it('with "history": "none" the same spec runs on the deal as signed, where verification ends the revenue share', async () => {
    const file = join(dir, 'as-signed.json');
    writeFileSync(file, JSON.stringify({ ...spec('uniform-2027-2035.json'), history: 'none' }));
    const result = await json(file);
    expect(result.history).toMatchObject({ id: 'none', lastDate: null, events: 0 });
    expect(result.sampleFrom).toBe('2025-10-28');
    const share = result.terms.find((t: { id: string }) => t.id === 'revenue-share');
    expect(share.endedByEventType['panel.verified']).toBeGreaterThan(0.5);
  });

  it("names the history in the people's summary, the CSV comment and every chart's title", async () => {
    const out = join(dir, 'named');
    const run = await runInMemory([
      'montecarlo',
      'simulations/montecarlo/piecewise-forecast.json',
      '--futures',
      '500',
      '--workers',
      '1',
      '-o',
      out,
    ]);
    expect(run.code, run.err).toBe(0);
    expect(run.out.split('\n')[0]).toBe('Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied');
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toMatch(/^# Deal as of 2026-06-01: real history, 9 events/);
    for (const term of TERM_IDS) {
      expect(readFileSync(join(out, `cdf-${term}.svg`), 'utf8')).toMatch(
        /<title>[^<]*real history to 2026-06-01; sampled from 2026-06-02/,
      );
    }
  });

  it("draws every sampled event after the history's last date, conditioning declarations that would fall before it", () => {
    // Declarations uniform over 2026–2027, conduct from the start: the history's past (to
    // 2026-06-01) is redrawn, so declarations are uniform over 2026-06-02 … 2027-12-31.
    const sampler = samplerFor(
      runSpecOf({
        ...spec('panel-deadline-rejections.json'),
        declaration: { kind: 'uniform', from: '2026-01-01', to: '2027-12-31' },
        revenue: { firstYearUsd: 1e9 },
      }),
    );
    const futures = 2000;
    let in2026 = 0;
    for (let i = 0; i < futures; i++) {
      const events = sampleFuture(sampler, 1, i).events;
      for (const event of events) expect(event.date > '2026-06-01', event.date).toBe(true);
      const declared = events.find((event) => event.type === 'agi.declared');
      if (declared && declared.date < '2027-01-01') in2026++;
    }
    const p =
      (toDayNumber('2027-01-01' as never) - toDayNumber('2026-06-02' as never)) /
      (toDayNumber('2028-01-01' as never) - toDayNumber('2026-06-02' as never));
    expect(Math.abs(in2026 / futures - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / futures));
  });

  it('"sampleFrom" earlier than the history\'s end merges sampled events into the history by date', async () => {
    const file = join(dir, 'from-2026.json');
    writeFileSync(
      file,
      JSON.stringify({ ...spec('panel-deadline-rejections.json'), sampleFrom: '2026-01-01', horizon: '2032-01-01' }),
    );
    const result = await json(file);
    expect(result.sampleFrom).toBe('2026-01-01');
  });

  it('every future started from the history snapshot equals replaying the history and the future whole', () => {
    const cases = [
      runSpecOf(spec('uniform-2027-2035.json')),
      runSpecOf(spec('amended-with-revenue.json')),
      runSpecOf({ ...spec('panel-deadline-rejections.json'), sampleFrom: '2026-01-01' }), // the merged path
    ];
    const T = TERM_IDS.length;
    for (const runSpec of cases) {
      const sampler = samplerFor(runSpec);
      const futures = 400;
      const out = allocateOutcomes(futures);
      simulateRange(sampler, 4, 0, out);
      for (let k = 0; k < futures; k++) {
        const future = sampleFuture(sampler, 4, k);
        const own = future.events.map((event, i) => ({ line: i + 1, event }));
        const whole = foldEvents(branchFrom(builtinHistory(), own), { assumptions: future.assumptions });
        TERM_IDS.forEach((term, t) => {
          const last = whole.timelines[term].at(-1);
          const slot = k * T + t;
          if (last === undefined || last.until === null) {
            expect(out.endDay[slot]).toBe(NEVER);
            return;
          }
          expect(out.endDay[slot], `${term} in future ${k}`).toBe(toDayNumber(last.until));
          const cause = last.endedBy?.line === null ? CAUSE.calendar : CAUSE.event;
          expect(out.cause[slot]).toBe(cause);
          if (cause === CAUSE.event)
            expect(LOG_EVENT_TYPES[(out.endedBy[slot] as number) - 1]).toBe(last.endedBy?.event);
        });
        expect(out.revenueShareUsd[k]).toBe(whole.context.ledger.revenueShareAccruedUsd);
      }
    }
  });

  describe('refuses a spec that does not fit its history (exit 2, with a fix)', () => {
    const refuse = async (name: string, body: unknown, message: string | RegExp, fix: string) => {
      const file = join(dir, name);
      writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
      const run = await runInMemory(['montecarlo', file, '--futures', '100', '--workers', '1']);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).toContain(fix);
      expect(run.out).toBe('');
    };

    it('an amendment the history already applies', () =>
      refuse(
        'repeat.json',
        { ...spec('uniform-2027-2035.json'), amendments: ['2026-04-27'] },
        /repeat\.json: amendments\[0\]: the history "builtin" already applies amendment 2026-04-27 \(line 7\)/,
        'Fix: remove it from "amendments"',
      ));

    it('a declaration distribution that ends before the futures start', () =>
      refuse(
        'past.json',
        { ...spec('uniform-2027-2035.json'), declaration: { kind: 'uniform', from: '2025-11-01', to: '2026-03-01' } },
        'declaration: every declaration it draws falls before 2026-06-02, where the futures start',
        'or set "history": "none"',
      ));

    it('a history file with AGI events, and an invalid history file named with its line', async () => {
      writeFileSync(join(dir, 'agi-history.jsonl'), '{"type":"agi.declared","date":"2026-01-05"}\n');
      await refuse(
        'agi.json',
        { ...spec('uniform-2027-2035.json'), history: 'agi-history.jsonl' },
        'has AGI events (its AGI state at the end is "pending")',
        'Fix: start from a history without agi.declared',
      );
      writeFileSync(
        join(dir, 'bad-history.jsonl'),
        '{"type":"agi.declared","date":"2026-01-05"}\n{"type":"nope","date":"2026-02-01"}\n',
      );
      await refuse(
        'bad.json',
        { ...spec('uniform-2027-2035.json'), history: 'bad-history.jsonl' },
        /bad-history\.jsonl:2: /,
        'or set "history" to "builtin"',
      );
      await refuse(
        'missing.json',
        { ...spec('uniform-2027-2035.json'), history: 'no-such-history.jsonl' },
        /no such file: .*no-such-history\.jsonl/,
        'Fix:',
      );
    });

    it('a horizon not after the history', () =>
      refuse(
        'horizon.json',
        { ...spec('uniform-2027-2035.json'), horizon: '2026-05-01' },
        "horizon: 2026-05-01 is not after the history's last date 2026-06-01",
        'or set "history": "none"',
      ));
  });
});
