/**
 * Calendar deadlines as dated events. Sunsets come from the rules in force (so an amendment
 * re-times them) and the panel deadline from assumption `panel-deadline-days`; the replay
 * delivers each at the start of its day, before that day's log events.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { addDays, type IsoDate } from '../domain/dates.ts';
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
  let next: CalendarEvent | undefined;
  const consider = (candidate: CalendarEvent) => {
    if (!next || candidate.date < next.date) next = candidate;
  };
  const deadline = view.context.assumptions['panel-deadline-days'];
  const declaredOn = view.context.agi.declaredOn;
  if (view.agi === 'pending' && deadline !== null && declaredOn !== null) {
    consider({ type: 'panel.lapsed', date: latest(addDays(declaredOn, deadline), today) });
  }
  for (const term of TERM_IDS) {
    const sunset = view.context.rules.terms[term].sunset;
    if (sunset !== null && view.termStatus(term) !== 'ended') {
      consider({ type: 'calendar.sunset', date: latest(sunset, today), term });
    }
  }
  return next;
}

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
