/**
 * What mattered, by brute force: an explanation replays only the readings its replay read
 * (src/replay/assumption-reads.ts), and still names every categorical reading whose other value
 * changes a term's answer on the date, with the answer under it, and every one under which the
 * future is invalid, exactly as replaying the future under every other value on XState does.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type Assumptions,
  DEFAULT_ASSUMPTIONS,
  formatAssumption,
} from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { DealsimError } from '../../src/domain/errors.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { branchFrom } from '../../src/history/history.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { watchAssumptions } from '../../src/replay/assumption-reads.ts';
import { xstateEngine } from '../../src/replay/engine.ts';
import { explainTerms } from '../../src/replay/explain.ts';
import { intervalOn } from '../../src/replay/intervals.ts';
import { replay } from '../../src/replay/replay.ts';
import { NUMERIC_READINGS } from '../../src/replay/sensitivity.ts';
import { builtinHistory } from '../../src/store/history-file.ts';
import { runs } from '../mutation-killers/budget.ts';
import { logOf } from '../support/given.ts';

const NUMERIC = new Set<string>(NUMERIC_READINGS.map((reading) => reading.key));
const CATEGORICAL = ASSUMPTION_KEYS.filter((key) => !NUMERIC.has(key));

/** Every other value of every categorical reading, replayed on XState: what changes each answer, what is invalid. */
function bruteForce(events: readonly LoggedEvent[], assumptions: Assumptions, date: IsoDate) {
  const answer = (timelines: ReturnType<typeof replay>['timelines'], term: (typeof TERM_IDS)[number]) => {
    const interval = intervalOn(timelines[term], date);
    return { holds: interval !== undefined, until: interval?.until ?? null };
  };
  const base = replay(events, { assumptions }, { until: date, engine: xstateEngine }).timelines;
  const mattered = Object.fromEntries(TERM_IDS.map((term) => [term, [] as unknown[]]));
  const invalid: unknown[] = [];
  for (const key of CATEGORICAL) {
    for (const value of ASSUMPTIONS[key].enumerable ?? []) {
      if (value === assumptions[key]) continue;
      const shown = formatAssumption(key, value);
      try {
        const other = replay(
          events,
          { assumptions: { ...assumptions, [key]: value } },
          { until: date, engine: xstateEngine },
        );
        for (const term of TERM_IDS) {
          const was = answer(base, term);
          const would = answer(other.timelines, term);
          if (was.holds !== would.holds || was.until !== would.until) {
            mattered[term]?.push({ key, value: shown, wouldHold: would.holds, wouldUntil: would.until });
          }
        }
      } catch (error) {
        if (!(error instanceof DealsimError)) throw error;
        invalid.push({ key, value: shown, error: error.describe() });
      }
    }
  }
  return { mattered, invalid };
}

const futureAndDate = futureArbitrary({ amendments: true, deadlineRulings: true, maxEvents: 12 }).chain((future) =>
  fc.tuple(
    fc.constant(future),
    future.events.length === 0
      ? dateArbitrary()
      : fc.oneof(dateArbitrary(), fc.constantFrom(...future.events.map(({ event }) => event.date))),
  ),
);

describe('invariant 7: an explanation skips only the readings that cannot change its answers', () => {
  test.prop([futureAndDate, fc.constantFrom('builtin', 'none')], { numRuns: runs(120) })(
    'names what mattered and what is invalid as replaying every other reading does',
    ([future, date], history) => {
      const events = history === 'builtin' ? [...branchFrom(builtinHistory(), future.events)] : [...future.events];
      let explained: ReturnType<typeof explainTerms>;
      try {
        explained = explainTerms(events, { assumptions: future.assumptions }, TERM_IDS, date, { ranges: false });
      } catch (error) {
        // A random future after the real history may contradict it: then neither answers.
        if (!(error instanceof DealsimError)) throw error;
        expect(() => replay(events, { assumptions: future.assumptions }, { until: date })).toThrow(error.message);
        return;
      }
      const expected = bruteForce(events, future.assumptions, date);
      for (const explanation of explained) {
        expect(explanation.mattered).toEqual(expected.mattered[explanation.term.id]);
        expect(explanation.invalidUnder).toEqual(expected.invalid);
      }
    },
  );

  it('does skip some: a future without a rejection never reads after-rejection, nor any reading of conduct', () => {
    const events = logOf([
      { type: 'agi.declared', date: '2028-03-01' },
      { type: 'panel.verified', date: '2028-06-01' },
    ]);
    const reads = watchAssumptions(DEFAULT_ASSUMPTIONS);
    replay(events, { assumptions: reads.watched }, { until: '2028-07-01' as IsoDate });
    expect(reads.wasRead('agi-ends-exclusivity')).toBe(true);
    expect(reads.wasRead('after-rejection')).toBe(false);
    for (const key of CATEGORICAL.filter((key) => ASSUMPTIONS[key].bears === 'conduct')) {
      expect(reads.wasRead(key)).toBe(false);
    }
  });

  it('counts listing the keys as reading every one', () => {
    const reads = watchAssumptions(DEFAULT_ASSUMPTIONS);
    expect(reads.wasRead('after-rejection')).toBe(false);
    JSON.stringify(reads.watched);
    expect(reads.wasRead('after-rejection')).toBe(true);
  });

  it('counts every way code can look at a key as a read: `in`, its descriptor, or the list of keys alone', () => {
    const tested = watchAssumptions(DEFAULT_ASSUMPTIONS);
    expect('after-rejection' in tested.watched).toBe(true);
    expect(tested.wasRead('after-rejection')).toBe(true);
    expect(tested.wasRead('stateful-api')).toBe(false);

    const described = watchAssumptions(DEFAULT_ASSUMPTIONS);
    expect(Object.getOwnPropertyDescriptor(described.watched, 'stateful-api')?.value).toBe(
      DEFAULT_ASSUMPTIONS['stateful-api'],
    );
    expect(described.wasRead('stateful-api')).toBe(true);
    expect(described.wasRead('after-rejection')).toBe(false);

    // Only the keys, no value: a reading that depends on which keys exist depends on them all.
    const listed = watchAssumptions(DEFAULT_ASSUMPTIONS);
    expect(Reflect.ownKeys(listed.watched)).toEqual(Reflect.ownKeys(DEFAULT_ASSUMPTIONS));
    expect(listed.wasRead('after-rejection')).toBe(true);
  });
});
