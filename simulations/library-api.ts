/**
 * dealsim as a library, in five steps: parse a log, replay it, ask what holds on a date,
 * explain one term, and follow a stream of events. Run it with `node --import tsx simulations/library-api.ts`.
 * The core is pure: it takes text and dates as data, so the only file read is the first line.
 */
import { readFileSync } from 'node:fs';
import { from } from 'rxjs';
import { parseAssumptions } from '../src/domain/assumptions.ts';
import { parseIsoDate } from '../src/domain/dates.ts';
import { InputError } from '../src/domain/errors.ts';
import { parseLog } from '../src/log/parse.ts';
import { explain } from '../src/replay/explain.ts';
import { replay } from '../src/replay/replay.ts';
import { holdingOn, toSimulationJson } from '../src/replay/report.ts';
import { replay$ } from '../src/replay/streams.ts';

const file = 'simulations/declared-2028-verified-2028.jsonl';

// 1. Parse: JSON Lines text → validated events, each with its 1-based line number. Naming the
//    file lets every error say `file:line`.
const events = parseLog(readFileSync(file, 'utf8'), file);
console.log(`${file}: ${events.length} events, the first a ${events[0]?.event.type} on ${events[0]?.event.date}`);

// 2. Replay: fold the events (and the calendar sunsets) through the statechart. Assumptions
//    are readings of ambiguous clauses; parse them from the same KEY=VALUE text as --assume.
const input = { assumptions: parseAssumptions(['agi-ends-exclusivity=verification']) };
const replayed = replay(events, input);
console.log(`AGI: ${replayed.agi}; research-ip ends ${replayed.timelines['research-ip'].at(-1)?.until}`);
for (const finding of replayed.findings) {
  console.log(`  line ${finding.line}: ${finding.verdict} (${finding.clause}) ${finding.reason}`);
}

// 3. What holds on a date. Dates are branded ISO strings: parse them, never build them by hand.
const date = parseIsoDate('2028-06-01');
if (!date) throw new Error('not a date');
console.log(`holding on ${date}: ${holdingOn(replayed, date).join(', ')}`);
// The same answer in the shape of `dealsim simulate --json --at 2028-06-01`:
const asJson = toSimulationJson(replay(events, input, { until: date }), date);
console.log(`as JSON: agi ${asJson.agi.status}, ${asJson.holding?.length} terms holding`);

// 4. Explain one term on a date: since when, what changed it last, the clause text, and which
//    other readings (assumptions) would change the answer.
const after = parseIsoDate('2028-10-01');
if (!after) throw new Error('not a date');
const why = explain(events, input, 'ip-exclusivity', after);
console.log(
  `ip-exclusivity on ${after}: ${why.holds ? 'holds' : 'does not hold'}; last changed ${why.lastChange?.date} by ${why.lastChange?.by}`,
);
console.log(`  ${why.clauses.map((clause) => `${clause.id}: ${clause.text}`).join('\n  ')}`);

// Invalid futures throw an InputError naming the line and how to fix it; nothing is half-applied.
try {
  replay(parseLog('{"type":"panel.verified","date":"2028-01-01"}\n', 'bad.jsonl'), input);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.log(`refused: line ${error.line}: ${error.message}. Fix: ${error.hint}`);
}

// 5. Events as they happen: replay$ folds an rxjs stream and reports each step (calendar
//    deadlines included) as it goes, then the same answer as replay().
replay$(from(events), input).subscribe((notification) => {
  if (notification.kind === 'step' && notification.step.findings.some((f) => f.verdict === 'breach')) {
    console.log(`breach on ${notification.step.cause.date}`);
  }
  if (notification.kind === 'done') console.log(`stream done: agi ${notification.replayed.agi}`);
});
