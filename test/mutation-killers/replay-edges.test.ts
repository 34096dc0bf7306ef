/**
 * The replay fold at its edges (invariants 6–8, C2, S4): lines the parser would have refused
 * handed to the fold directly, an amendment named twice or unknown, a deadline an amendment
 * moved into the past, what each step reports as holding, and how long a same-day release is
 * covered. Written for the mutants the clause tests left alive.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, parseAssumptions } from '../../src/domain/assumptions.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { coveredUntil, type ReplayStep, replay } from '../../src/replay/replay.ts';
import { amended, declared, given, released, verified } from '../support/given.ts';

const lines = (...events: object[]): LoggedEvent[] =>
  events.map((event, i) => ({ line: i + 1, event: event as LogEvent }));

function refusal(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('invariant 8: the fold refuses what the parser would have', () => {
  it('refuses a line dated before the date the fold reached, at that line', () => {
    const error = refusal(() =>
      replay(
        lines(
          { type: 'hardware.launched', date: '2028-01-01', name: 'a' },
          { type: 'hardware.launched', date: '2027-01-01', name: 'b' },
        ),
      ),
    );
    expect(error.line).toBe(2);
    expect(error.message).toContain('before 2028-01-01');
  });

  it('refuses an unknown amendment and one applied twice, naming the first line', () => {
    const unknown = refusal(() =>
      replay(lines({ type: 'agreement.amended', date: '2026-05-01', amendment: '2026-04-28' })),
    );
    expect(unknown.line).toBe(1);
    expect(unknown.message).toContain('unknown amendment "2026-04-28"');
    const twice = refusal(() =>
      replay(
        lines(
          { type: 'agreement.amended', date: '2026-03-01', amendment: '2026-02-27' },
          { type: 'agreement.amended', date: '2026-05-01', amendment: '2026-04-27' },
          { type: 'agreement.amended', date: '2026-06-01', amendment: '2026-02-27' },
        ),
      ),
    );
    expect(twice.line).toBe(3);
    expect(twice.message).toContain('already applied on line 1');
  });

  it('with until, still refuses an invalid line after it, and accepts a valid one', () => {
    const log = lines({ type: 'agi.declared', date: '2028-01-01' }, { type: 'agi.declared', date: '2029-01-01' });
    expect(refusal(() => replay(log, {}, { until: '2028-06-01' as never })).line).toBe(2);
    const valid = lines({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2029-01-01' });
    const asOf = replay(valid, {}, { until: '2028-06-01' as never });
    expect(asOf.agi).toBe('pending');
    expect(asOf.context.agi.verifiedOn).toBeNull();
    expect(asOf.timelines['research-ip'].map(({ until }) => until)).toEqual(['2031-01-01']);
    const onTheDay = replay(valid, {}, { until: '2029-01-01' as never });
    expect(onTheDay.agi).toBe('verified');
    const whole = replay(valid, {});
    expect(whole.timelines['research-ip'].map(({ until }) => until)).toEqual(['2029-01-01']);
  });

  it('with until before every line, still refuses an invalid future after it', () => {
    const log = lines({ type: 'agi.declared', date: '2028-01-01' }, { type: 'agi.declared', date: '2029-01-01' });
    expect(refusal(() => replay(log, {}, { until: '2027-01-01' as never })).line).toBe(2);
    const valid = lines({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.rejected', date: '2029-01-01' });
    expect(replay(valid, {}, { until: '2027-01-01' as never }).agi).toBe('none');
  });
});

describe('S4 a deadline an amendment moves into the past falls due on the amendment’s day', () => {
  it('the revenue share ends the day S4 applies when that is after 2030', () => {
    const then = given(amended('2032-06-01')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([['2025-10-28', '2032-06-01']]);
  });
});

describe('each step reports the terms holding after it', () => {
  it('lists exactly the holding terms, calendar steps included', () => {
    const steps: ReplayStep[] = [];
    replay(
      lines({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2028-02-01' }),
      {
        assumptions: parseAssumptions([]),
      },
      { onStep: (step) => steps.push(step) },
    );
    expect(steps.map((step) => [step.cause.date, step.cause.event, step.holding])).toEqual([
      [
        '2028-01-01',
        'agi.declared',
        [
          'research-ip',
          'model-product-ip',
          'ip-exclusivity',
          'azure-api-exclusivity',
          'revenue-share',
          'revenue-share-to-openai',
          'azure-commitment',
        ],
      ],
      ['2028-02-01', 'panel.verified', ['model-product-ip', 'revenue-share-to-openai', 'azure-commitment']],
      ['2033-01-01', 'calendar.sunset', ['revenue-share-to-openai', 'azure-commitment']],
    ]);
    expect(steps[2]?.findings).toEqual([]);
    expect(steps[0]?.agi).toBe('pending');
  });
});

describe('C3, C4 a release covered until a same-day end', () => {
  it('names the day the rights end, and a release on that day, on any line of it, is not covered', () => {
    const then = given(released('2028-01-01', { internalOnly: true }), declared('2028-01-01'), verified('2028-01-01'))
      .assuming(DEFAULT_ASSUMPTIONS)
      .whenReplayed();
    expect(then.replayed.findings[0]?.reason).toContain('research-IP rights have ended');
    const later = given(
      declared('2028-01-01'),
      released('2028-01-02', { internalOnly: true }),
      verified('2028-03-01'),
    ).whenReplayed();
    expect(later.replayed.findings[0]?.reason).toContain('cover it until 2028-03-01');
  });

  it('reads the end of the interval that held on the release day, or that day when none held', () => {
    const cause = { date: '2027-01-01', line: 2, event: 'panel.verified' } as const;
    const timeline = [
      { from: '2025-10-28', until: '2027-01-01', endedBy: cause },
      { from: '2028-01-01', until: null, endedBy: null },
    ] as never;
    expect(coveredUntil(timeline, '2026-06-01' as never)).toBe('2027-01-01');
    expect(coveredUntil(timeline, '2027-01-01' as never)).toBe('2027-01-01');
    // Between the intervals the rights did not hold: the release day, not a later interval's end.
    expect(coveredUntil(timeline, '2027-06-01' as never)).toBe('2027-06-01');
    expect(coveredUntil(timeline, '2029-01-01' as never)).toBe('no end date');
    expect(coveredUntil([], '2029-01-01' as never)).toBe('2029-01-01');
  });
});

describe('assumptions and log lines: the details an error names', () => {
  const assumeRefusal = (pair: string) => refusal(() => parseAssumptions([pair]));

  it('says which values an assumption takes', () => {
    expect(assumeRefusal('after-rejection=maybe').message).toContain('must be one of redeclare, final');
    expect(assumeRefusal('revenue-share-rate=2').message).toContain('must be a fraction between 0 and 1');
    expect(assumeRefusal('panel-deadline-days=1e3').message).toContain('whole number of days');
    expect(assumeRefusal('nokey').hint).toContain('--assume KEY=VALUE');
  });
});
