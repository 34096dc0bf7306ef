/**
 * Calendar deadlines as dated events. Sunsets come from the rules in force (so an amendment
 * re-times them) and the panel deadline from assumption `panel-deadline-days`; the replay
 * delivers each at the start of its day, before that day's log events.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { addDaysWithinCalendar, type IsoDate } from '../domain/dates.ts';
import type { CalendarEvent } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { AgiStatus, TermStatus } from './engine.ts';

export interface CalendarView {
  readonly context: DealContext;
  readonly agi: AgiStatus;
  termStatus(term: TermId): TermStatus;
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
  const terms = context.rules.terms;
  for (let t = 0; t < TERM_IDS.length; t++) {
    const term = TERM_IDS[t] as TermId;
    const sunset = terms[term].sunset;
    if (sunset === null || view.termStatus(term) === 'ended') continue;
    const date = latest(sunset, today);
    if (due === null || date < due) {
      due = date;
      sunsetOf = term;
    }
  }
  if (due === null) return undefined;
  return sunsetOf === null
    ? { type: 'panel.lapsed', date: due }
    : { type: 'calendar.sunset', date: due, term: sunsetOf };
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
