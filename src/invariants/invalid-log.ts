/** Invariant 8: an invalid log is rejected whole, with an error that names its line. */
import type { Assumptions } from '../domain/assumptions.ts';
import { addDays, EFFECTIVE_DATE, type IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { LogEvent } from '../domain/events.ts';
import { type LoggedEvent, parseLog } from '../log/parse.ts';
import { replay, replayEvent } from '../replay/replay.ts';
import { forkFold } from './fold.ts';
import type { Invariant, Violation } from './invariant.ts';

type SpecAgi = 'none' | 'pending' | 'verified' | 'rejected';

/**
 * The AGI state of C2 on `date` after `events`, straight from the clause text: a declaration
 * makes it pending, a ruling verified or rejected, and with `panel-deadline-days` N a pending
 * declaration lapses (as rejected) N days after it. Independent of the chart under test.
 */
export function specAgiStatus(events: readonly LoggedEvent[], assumptions: Assumptions, date: IsoDate): SpecAgi {
  const deadline = assumptions['panel-deadline-days'];
  let status: SpecAgi = 'none';
  let declaredOn: IsoDate | null = null;
  const lapse = (today: IsoDate) => {
    if (status === 'pending' && deadline !== null && declaredOn && today >= addDays(declaredOn, deadline)) {
      status = 'rejected';
    }
  };
  for (const { event } of events) {
    lapse(event.date);
    if (event.type === 'agi.declared') {
      status = 'pending';
      declaredOn = event.date;
    } else if (event.type === 'panel.verified') status = 'verified';
    else if (event.type === 'panel.rejected') status = 'rejected';
  }
  lapse(date);
  return status;
}

/** An AGI event that C2 forbids in `status`: a second declaration, or a ruling with nothing pending. */
export function forbiddenAgiEvent(status: SpecAgi, assumptions: Assumptions, date: IsoDate): LogEvent {
  const pick = (type: 'agi.declared' | 'panel.verified' | 'panel.rejected'): LogEvent => ({ type, date });
  switch (status) {
    case 'none':
      return pick('panel.rejected');
    case 'pending':
    case 'verified':
      return pick('agi.declared');
    case 'rejected':
      return pick(assumptions['after-rejection'] === 'final' ? 'agi.declared' : 'panel.verified');
    default: {
      const _: never = status;
      return _;
    }
  }
}

/**
 * Three invalid variants of the (valid) future: a forbidden AGI event after the last line (the
 * fold refuses it), a line dated before the last one (the parser refuses it), and, for the deep
 * prefixes, a forbidden AGI event inserted mid-log: the replay must throw an {@link InputError}
 * naming that line, having applied no step of it or of any later line.
 */
export const invalidLogRejected: Invariant = {
  id: 8,
  name: 'invalid-log-rejected',
  statement: 'an invalid log is rejected whole with an error that names its line; nothing is half-applied',
  check(run) {
    const { assumptions } = run.input;
    const last = run.events.at(-1)?.event.date ?? EFFECTIVE_DATE;
    const badLine = run.events.length + 1;
    const appended = forbiddenAgiEvent(specAgiStatus(run.events, assumptions, last), assumptions, last);
    const atEnd = refusal(() => replayEvent(run.engine, forkFold(run.fold), { line: badLine, event: appended }));
    const problem = misplaced(atEnd, badLine, appended);
    if (problem) return problem;

    if (last > EFFECTIVE_DATE) {
      const early: LogEvent = { type: 'agi.declared', date: addDays(last, -1) };
      const text = [...run.events.map(({ event }) => event), early].map((event) => JSON.stringify(event)).join('\n');
      const outOfOrder = misplaced(
        refusal(() => parseLog(`${text}\n`, 'future.jsonl')),
        badLine,
        early,
      );
      if (outOfOrder) return outOfOrder;
    }

    for (const count of run.deepPrefixes) {
      if (count >= run.events.length) continue;
      const head = run.events.slice(0, count);
      const date = head.at(-1)?.event.date ?? EFFECTIVE_DATE;
      const inserted = forbiddenAgiEvent(specAgiStatus(head, assumptions, date), assumptions, date);
      const lines: LoggedEvent[] = [...head, { line: 0, event: inserted }, ...run.events.slice(count)].map(
        ({ event }, index) => ({ line: index + 1, event }),
      );
      let applied = 0;
      const error = refusal(() =>
        replay(lines, run.input, {
          engine: run.engine,
          onStep: (step) => {
            if (step.cause.line !== null && step.cause.line > count) applied = Math.max(applied, step.cause.line);
          },
        }),
      );
      const mid = misplaced(error, count + 1, inserted);
      if (mid) return mid;
      if (applied > 0) {
        return violation(`the log with a forbidden line ${count + 1} was half-applied: line ${applied} took effect`, {
          inserted,
          line: count + 1,
          applied,
        });
      }
    }
    return null;
  },
};

function refusal(work: () => unknown): unknown {
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  }
}

function misplaced(error: unknown, line: number, event: LogEvent): Violation | null {
  if (error instanceof InputError && error.line === line) return null;
  const what =
    error === undefined
      ? 'was accepted'
      : error instanceof InputError
        ? `was refused naming line ${error.line ?? 'none'}: ${error.message}`
        : `crashed the replay: ${String(error)}`;
  return violation(`an invalid log whose line ${line} is ${JSON.stringify(event)} ${what}`, {
    line,
    event,
    error: error instanceof Error ? error.message : null,
  });
}

function violation(message: string, evidence: unknown): Violation {
  return { invariant: 8, name: invalidLogRejected.name, message, evidence };
}
