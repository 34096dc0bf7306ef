/**
 * Random valid futures: dated events in order whose AGI events follow C2 under the given
 * assumptions (a declaration only when none is pending and AGI is unverified; a ruling only
 * while one is pending and before its panel deadline). Candidates the process would refuse
 * are dropped, so every generated log is valid by construction.
 */
import fc from 'fast-check';
import type { Assumptions } from '../../domain/assumptions.ts';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import type { LogEvent } from '../../domain/events.ts';
import type { LoggedEvent } from '../../log/parse.ts';
import { assumptionsArbitrary } from './assumptions.ts';
import { conductArbitrary } from './conduct.ts';
import { dateArbitrary } from './dates.ts';
import { deadlineRulingArbitrary } from './deadline-ruling.ts';

export interface GeneratedFuture {
  readonly assumptions: Assumptions;
  readonly events: readonly LoggedEvent[];
}

type AgiKind = 'agi.declared' | 'panel.verified' | 'panel.rejected';

export interface FutureOptions {
  /** Most events in one future (default 12). */
  readonly maxEvents?: number;
  /** Whether to mix in conduct events (default true). */
  readonly conduct?: boolean;
  /** Whether to mix in the built-in amendments (default false). */
  readonly amendments?: boolean;
  /** Fixed assumptions; random when absent. */
  readonly assumptions?: Assumptions;
  /** Random assumptions except these keys, which keep the given values (`--assume`). */
  readonly fixedAssumptions?: Partial<Assumptions>;
  /** Also mix in declarations ruled on the last day of their panel deadline, or the day it lapses (default false). */
  readonly deadlineRulings?: boolean;
  /** The events' dates (default: the boundary-seeking {@link dateArbitrary}). */
  readonly dates?: fc.Arbitrary<IsoDate>;
}

/** The panel deadlines the assumption arbitrary draws, for timing rulings against them. */
const DRAWN_DEADLINES = [1, 30, 90, 365];

export function futureArbitrary(options: FutureOptions = {}): fc.Arbitrary<GeneratedFuture> {
  const maxEvents = options.maxEvents ?? 12;
  const assumptions = options.assumptions
    ? fc.constant(options.assumptions)
    : assumptionsArbitrary(options.fixedAssumptions);
  const kinds: fc.Arbitrary<string>[] = [fc.constantFrom<AgiKind>('agi.declared', 'panel.verified', 'panel.rejected')];
  if (options.conduct ?? true) kinds.push(fc.constant('conduct'));
  if (options.amendments) kinds.push(fc.constantFrom('2026-02-27', '2026-04-27'));
  const candidate = fc
    .tuple(options.dates ?? dateArbitrary(), fc.oneof(...kinds))
    .chain(([date, kind]) =>
      kind === 'conduct'
        ? conductArbitrary(date)
        : fc.constant(
            (kind.startsWith('2026')
              ? { type: 'agreement.amended', date, amendment: kind }
              : { type: kind, date }) as LogEvent,
          ),
    );
  const fixedDeadline =
    options.assumptions?.['panel-deadline-days'] ?? options.fixedAssumptions?.['panel-deadline-days'];
  const pairs = options.deadlineRulings
    ? fc.array(deadlineRulingArbitrary(fixedDeadline ? [fixedDeadline] : DRAWN_DEADLINES), { maxLength: 2 })
    : fc.constant([]);
  return fc
    .tuple(assumptions, fc.array(candidate, { maxLength: maxEvents }), pairs)
    .map(([chosen, raw, timed]) => ({ assumptions: chosen, events: keepValid([...raw, ...timed.flat()], chosen) }));
}

/** Sorts candidates by date (stable) and keeps those the AGI process of C2 accepts. */
export function keepValid(raw: readonly LogEvent[], assumptions: Assumptions): LoggedEvent[] {
  const sorted = raw
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  const deadline = assumptions['panel-deadline-days'];
  let status: 'none' | 'pending' | 'verified' | 'rejected' = 'none';
  let lapsesOn: IsoDate | null = null;
  const applied = new Set<string>();
  const kept: LoggedEvent[] = [];
  for (const { event } of sorted) {
    if (status === 'pending' && lapsesOn !== null && event.date >= lapsesOn) status = 'rejected';
    let valid = true;
    if (event.type === 'agi.declared') {
      valid = status === 'none' || (status === 'rejected' && assumptions['after-rejection'] === 'redeclare');
      if (valid) {
        status = 'pending';
        lapsesOn = deadline === null ? null : addDays(event.date, deadline);
      }
    } else if (event.type === 'panel.verified' || event.type === 'panel.rejected') {
      valid = status === 'pending';
      if (valid) status = event.type === 'panel.verified' ? 'verified' : 'rejected';
    } else if (event.type === 'agreement.amended') {
      valid = !applied.has(event.amendment);
      applied.add(event.amendment);
    }
    if (valid) kept.push({ line: kept.length + 1, event });
  }
  return kept;
}
