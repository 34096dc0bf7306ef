/**
 * Where a finding, a refusal and an interval's end come from (CLAUSES.md, "Conduct events and
 * their verdicts"; invariant 8): every finding carries its line's `status` (`hypothetical` by
 * default), its `source` when the line gives one and the history's name (`origin`) for a history
 * line, and nothing else; a refused history line is placed in the history, and a refused user
 * line says the future can be replayed alone only when history lines brought about its refusal.
 * Every refusal is checked on both folds (XState's and the kernel's lean fold).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { foldEvents } from '../../src/kernel/fold.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { describeCause } from '../../src/replay/intervals.ts';
import { type ReplayStep, replay } from '../../src/replay/replay.ts';

const userLine = (line: number, event: object): LoggedEvent => ({ line, event: event as LogEvent });
const historyLine = (line: number, event: object): LoggedEvent => ({
  line,
  event: event as LogEvent,
  origin: 'history',
});

function refusedBy(fold: () => unknown): InputError {
  try {
    fold();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected the future to be refused with an InputError');
}

/** The refusal of `log`, the same on the reference replay and the kernel's lean fold. */
function refusal(log: LoggedEvent[]): InputError {
  const error = refusedBy(() => replay(log));
  const lean = refusedBy(() => foldEvents(log, { assumptions: DEFAULT_ASSUMPTIONS }));
  expect([lean.describe(), lean.file, lean.line]).toEqual([error.describe(), error.file, error.line]);
  return error;
}

const hardware = (date: string, name: string, more: object = {}) => ({
  type: 'hardware.launched',
  date,
  name,
  ...more,
});
const excluded = (name: string) => `"${name}" is OpenAI consumer hardware, excluded from Microsoft’s IP rights`;
const SOURCE = 'https://openai.com/index/next-chapter-of-microsoft-openai-partnership/';

describe('findings carry their line’s status, source and origin, and nothing more', () => {
  it('a user line without status or source: hypothetical, with no source, origin or coverage', () => {
    const [finding] = replay([userLine(1, hardware('2027-01-01', 'Device'))]).findings;
    expect(finding).toStrictEqual({
      line: 1,
      date: '2027-01-01',
      type: 'hardware.launched',
      verdict: 'info',
      clause: 'C5',
      reason: excluded('Device'),
      status: 'hypothetical',
    });
  });

  it('a user line with a status and a source: both carried as given', () => {
    const [finding] = replay([
      userLine(3, hardware('2027-01-01', 'Device', { status: 'reported', source: SOURCE })),
    ]).findings;
    expect(finding).toStrictEqual({
      line: 3,
      date: '2027-01-01',
      type: 'hardware.launched',
      verdict: 'info',
      clause: 'C5',
      reason: excluded('Device'),
      status: 'reported',
      source: SOURCE,
    });
  });

  it('a history line: its origin, with its own status and source', () => {
    const findings = replay([
      historyLine(7, hardware('2027-01-01', 'Device', { status: 'official', source: SOURCE })),
      userLine(1, hardware('2027-02-01', 'Other')),
    ]).findings;
    expect(findings).toStrictEqual([
      {
        line: 7,
        date: '2027-01-01',
        type: 'hardware.launched',
        verdict: 'info',
        clause: 'C5',
        reason: excluded('Device'),
        status: 'official',
        source: SOURCE,
        origin: 'history',
      },
      {
        line: 1,
        date: '2027-02-01',
        type: 'hardware.launched',
        verdict: 'info',
        clause: 'C5',
        reason: excluded('Other'),
        status: 'hypothetical',
      },
    ]);
  });
});

describe('invariant 8: a refused line is placed where it is, with the fix that applies there', () => {
  const declared = (date: string) => ({ type: 'agi.declared', date });
  const pendingHint = 'add a panel.verified or panel.rejected line before this one, or remove this declaration';
  const alone = '; or replay your future alone, on the deal as signed, with --history none';

  it('a history line is refused in the history, without the hint to drop the history', () => {
    const error = refusal([historyLine(1, declared('2028-01-01')), historyLine(2, declared('2028-02-01'))]);
    expect([error.file, error.line, error.hint]).toEqual(['history', 2, pendingHint]);
    expect(error.describe()).toMatch(/^history:2: agi\.declared is not allowed here/);
  });

  it('a user line after history lines is refused at its own line, and may be replayed alone', () => {
    const error = refusal([historyLine(1, declared('2028-01-01')), userLine(1, declared('2028-02-01'))]);
    expect([error.file, error.line, error.hint]).toEqual([undefined, 1, `${pendingHint}${alone}`]);
  });

  it('a user line after user lines only gets no such hint: there is no history to drop', () => {
    const error = refusal([userLine(1, declared('2028-01-01')), userLine(2, declared('2028-02-01'))]);
    expect([error.file, error.line, error.hint]).toEqual([undefined, 2, pendingHint]);
  });

  it('nor does a user AGI line after a history without AGI events: dropping it would change nothing', () => {
    const s3 = { type: 'agreement.amended', date: '2026-02-27', amendment: '2026-02-27' };
    const error = refusal([
      historyLine(1, s3),
      userLine(1, declared('2028-01-01')),
      userLine(2, declared('2028-02-01')),
    ]);
    expect([error.file, error.line, error.hint]).toEqual([undefined, 2, pendingHint]);
    const ruling = refusal([historyLine(1, s3), userLine(1, { type: 'panel.verified', date: '2028-01-01' })]);
    expect(ruling.hint).toBe('add an agi.declared line dated on or before 2028-01-01 above this ruling');
  });

  it('nor does an amendment the user’s own line applied first, after history lines', () => {
    const s3 = (date: string) => ({ type: 'agreement.amended', date, amendment: '2026-02-27' });
    const s4 = (date: string) => ({ type: 'agreement.amended', date, amendment: '2026-04-27' });
    const error = refusal([
      historyLine(1, s3('2026-02-27')),
      userLine(1, s4('2026-05-01')),
      userLine(2, s4('2026-06-01')),
    ]);
    expect(error.message).toBe('amendment 2026-04-27 was already applied on line 1');
    expect(error.hint).toBe('an amendment applies once; remove this line');
  });

  it('an amendment applied twice names the history line that applied it first', () => {
    const s3 = (date: string) => ({ type: 'agreement.amended', date, amendment: '2026-02-27' });
    const error = refusal([historyLine(4, s3('2026-02-27')), userLine(1, s3('2026-03-01'))]);
    expect(error.message).toBe('amendment 2026-02-27 was already applied on history:4');
    expect([error.file, error.line, error.hint]).toEqual([
      undefined,
      1,
      `an amendment applies once; remove this line${alone}`,
    ]);
  });
});

describe('C4 an interval ended by a history line names that line', () => {
  it('the history’s verification ends research IP at history:2; a user line’s cause has no origin', () => {
    const steps: ReplayStep[] = [];
    const replayed = replay(
      [
        historyLine(1, { type: 'agi.declared', date: '2028-01-01' }),
        historyLine(2, { type: 'panel.verified', date: '2028-02-01' }),
        userLine(1, hardware('2028-03-01', 'Device')),
      ],
      {},
      { onStep: (step) => steps.push(step) },
    );
    const [interval] = replayed.timelines['research-ip'];
    expect(interval?.endedBy && describeCause(interval.endedBy)).toBe('history:2: panel.verified');
    expect(steps.slice(0, 3).map((step) => step.cause)).toStrictEqual([
      { date: '2028-01-01', line: 1, event: 'agi.declared', origin: 'history' },
      { date: '2028-02-01', line: 2, event: 'panel.verified', origin: 'history' },
      { date: '2028-03-01', line: 1, event: 'hardware.launched' },
    ]);
  });
});
