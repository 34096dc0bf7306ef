/** Invariant 6: the status on day D depends only on events dated up to D. */
import { addDays, EFFECTIVE_DATE } from '../domain/dates.ts';
import { deliverCalendar, replay } from '../replay/replay.ts';
import { forkFold, timelinesText } from './fold.ts';
import type { Invariant, Violation } from './invariant.ts';

/**
 * For each prefix of the future: appending the later events changes no term's status on any day
 * before the first appended event's date; and (for the deep prefixes) `--at D`, the day before
 * that date, gives exactly the prefix's timelines and the AGI state the fold had at the end of D.
 */
export const timeTravel: Invariant = {
  id: 6,
  name: 'time-travel',
  statement: 'the status on day D depends only on events dated up to D, and appending later events never changes it',
  check(run) {
    for (const prefix of run.prefixes) {
      const next = run.events[prefix.count]?.event;
      if (!next) continue;
      const before = timelinesText(prefix.replayed, next.date);
      const after = timelinesText(run.replayed, next.date);
      if (before !== after) {
        return violation(
          `appending the events from line ${prefix.count + 1} (${next.date}) on changed the terms' status before ${next.date}`,
          { appendedFrom: prefix.count + 1, ...differing(JSON.parse(before), JSON.parse(after)) },
        );
      }
      const at = addDays(next.date, -1);
      if (!run.deepPrefixes.includes(prefix.count) || at < EFFECTIVE_DATE || at < prefix.fold.today) continue;
      const asOf = replay(run.events, run.input, { engine: run.engine, until: at });
      if (timelinesText(asOf) !== timelinesText(prefix.replayed)) {
        return violation(`--at ${at} gives other timelines than the future cut after line ${prefix.count}`, {
          at,
          withAt: asOf.timelines,
          prefix: prefix.replayed.timelines,
        });
      }
      const day = deliverCalendar(run.engine, forkFold(prefix.fold), at);
      const agi = run.engine.agiStatus(day.machine);
      if (asOf.agi !== agi) {
        return violation(`--at ${at} reports AGI "${asOf.agi}", but the replay stood at "${agi}" at the end of ${at}`, {
          at,
          withAt: asOf.agi,
          replay: agi,
        });
      }
    }
    return null;
  },
};

/** Only the terms whose clipped timelines differ, to keep the evidence readable. */
function differing(before: Record<string, unknown>, after: Record<string, unknown>) {
  const terms = Object.keys(after).filter((term) => JSON.stringify(before[term]) !== JSON.stringify(after[term]));
  const pick = (all: Record<string, unknown>) => Object.fromEntries(terms.map((term) => [term, all[term]]));
  return { before: pick(before), after: pick(after) };
}

function violation(message: string, evidence: unknown): Violation {
  return { invariant: 6, name: timeTravel.name, message, evidence };
}
