/**
 * Calendar deadlines as dated events. Sunsets come from the rules in force (so an amendment
 * re-times them) and the panel deadline from assumption `panel-deadline-days`; the replay
 * delivers each at the start of its day, before that day's log events.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { addDaysWithinCalendar, type IsoDate } from '../domain/dates.ts';
import type { CalendarEvent } from '../domain/events.ts';
import type { Rules } from '../domain/rules.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { AgiStatus } from './engine.ts';

export interface CalendarView {
  readonly context: DealContext;
  readonly agi: AgiStatus;
  /** Whether the term at index `t` of `TERM_IDS` has ended (its sunset can no longer fall due). */
  termEnded(t: number): boolean;
}

/**
 * The earliest calendar event still to come, or undefined. `today` is the date the replay has
 * reached: a deadline that an amendment moved into the past falls due today, never earlier.
 */
export function nextCalendarEvent(view: CalendarView, today: IsoDate): CalendarEvent | undefined {
  // The earliest date and what falls due on it, kept as plain values: the compiled kernel asks
  // this after most steps, so it allocates only the event it returns (issue 5).
  let due: IsoDate | null = null;
  let sunsetOf: TermId | null = null;
  const { context } = view;
  const deadline = context.assumptions['panel-deadline-days'];
  const declaredOn = context.agi.declaredOn;
  if (view.agi === 'pending' && deadline !== null && declaredOn !== null) {
    const lapse = lapseDate(declaredOn, deadline);
    if (lapse !== null) due = latest(lapse, today);
  }
  const sunsets = sunsetsOf(context.rules);
  for (let t = 0; t < sunsets.length; t++) {
    const sunset = sunsets[t] as IsoDate | null;
    if (sunset === null || view.termEnded(t)) continue;
    const date = latest(sunset, today);
    if (due === null || date < due) {
      due = date;
      sunsetOf = TERM_IDS[t] as TermId;
    }
  }
  if (due === null) return undefined;
  return sunsetOf === null
    ? { type: 'panel.lapsed', date: due }
    : { type: 'calendar.sunset', date: due, term: sunsetOf };
}

let sunsetsFor: Rules | null = null;
let sunsets: readonly (IsoDate | null)[] = [];
const sunsetsByRules = new WeakMap<Rules, readonly (IsoDate | null)[]>();

/**
 * Each term's sunset in `TERM_IDS` order, remembered per rules object (rules are immutable and
 * change only with an amendment): reading the eight terms by name on every step cost the kernel
 * a sixth of its time, as a keyed load that sees eight names is slow in V8.
 */
function sunsetsOf(rules: Rules): readonly (IsoDate | null)[] {
  if (rules === sunsetsFor) return sunsets;
  let known = sunsetsByRules.get(rules);
  if (known === undefined) {
    known = TERM_IDS.map((term) => rules.terms[term].sunset);
    sunsetsByRules.set(rules, known);
  }
  sunsetsFor = rules;
  sunsets = known;
  return known;
}

let lapse: { declaredOn: string; deadline: number; date: IsoDate | null } = {
  declaredOn: '',
  deadline: -1,
  date: null,
};

/** `addDays(declaredOn, deadline)`, remembered for the last pair: the replay asks it after every step while a declaration is pending. */
function lapseDate(declaredOn: IsoDate, deadline: number): IsoDate | null {
  if (lapse.declaredOn !== declaredOn || lapse.deadline !== deadline) {
    // A lapse after the calendar's last day never comes.
    lapse = { declaredOn, deadline, date: addDaysWithinCalendar(declaredOn, deadline) };
  }
  return lapse.date;
}

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
