/**
 * dealsim as a library, as a user's script would use it: everything comes from `import … from
 * 'dealsim'` (the package's public entry, dist/src/index.js with its types). Six steps: parse a
 * log, branch it from the real history, replay it under assumptions, ask what holds on a date,
 * explain one term, follow a stream of events, and run a Monte Carlo spec.
 * Run it with `node --import tsx simulations/library-api.ts` after `npm install` (which builds dist/).
 * The core is pure: it takes text and dates as data, so the only files read are the log, the
 * built-in history and the spec.
 */
import { readFileSync } from 'node:fs';
import {
  branchFrom,
  builtinHistory,
  describeHistory,
  explain,
  historyUsed,
  holdingOn,
  InputError,
  monteCarlo,
  NO_HISTORY,
  parseAssumptions,
  parseIsoDate,
  parseLog,
  parseSpec,
  replay,
  replay$,
  startFrom,
  toSimulationJson,
} from 'dealsim';
import { from } from 'rxjs';

const file = 'simulations/declared-2028-verified-2028.jsonl';

// 1. Parse: JSON Lines text → validated events, each with its 1-based line number. Naming the
//    file lets every error say `file:line`.
const own = parseLog(readFileSync(file, 'utf8'), file);
console.log(`${file}: ${own.length} events, the first a ${own[0]?.event.type} on ${own[0]?.event.date}`);

// 2. Branch from the real history (amendments and conduct since 2025-10-28, shipped with dealsim):
//    the future is the history's lines and the user's, merged by date. NO_HISTORY is the deal as signed.
const history = builtinHistory();
const events = [...branchFrom(history, own)];
console.log(describeHistory(historyUsed(history)));

// 3. Replay: fold the events (and the calendar sunsets) through the statechart. Assumptions
//    are readings of ambiguous clauses; parse them from the same KEY=VALUE text as --assume.
const input = { assumptions: parseAssumptions(['agi-ends-exclusivity=verification']) };
const replayed = replay(events, input);
console.log(`AGI: ${replayed.agi}; research-ip ends ${replayed.timelines['research-ip'].at(-1)?.until}`);
for (const finding of replayed.findings) {
  console.log(`  line ${finding.line}: ${finding.verdict} (${finding.clause}) ${finding.reason}`);
}
const asSigned = replay(own, input);
console.log(`on the deal as signed (${NO_HISTORY.label}): AGI ${asSigned.agi}`);

// 4. What holds on a date. Dates are branded ISO strings: parse them, never build them by hand.
const date = parseIsoDate('2028-06-01');
if (!date) throw new Error('not a date');
console.log(`holding on ${date}: ${holdingOn(replayed, date).join(', ')}`);
// The same answer in the shape of `dealsim simulate --json --at 2028-06-01`:
const asJson = toSimulationJson(replay(events, input, { until: date }), date);
console.log(`as JSON: agi ${asJson.agi.status}, ${asJson.holding?.length} terms holding`);

// 5. Explain one term on a date: since when, what changed it last, the clause text, and which
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

// 6. Events as they happen: replay$ folds an rxjs stream and reports each step (calendar
//    deadlines included) as it goes, then the same answer as replay().
replay$(from(events), input).subscribe((notification) => {
  if (notification.kind === 'step' && notification.step.findings.some((f) => f.verdict === 'breach')) {
    console.log(`breach on ${notification.step.cause.date}`);
  }
  if (notification.kind === 'done') console.log(`stream done: agi ${notification.replayed.agi}`);
});

// 7. Monte Carlo: a spec (JSON, as `dealsim montecarlo` reads), joined to the history its futures
//    start from → seeded futures on worker threads → per-term probabilities and end-date
//    quantiles. The same seed gives the same numbers.
const spec = startFrom(
  parseSpec(JSON.parse(readFileSync('simulations/montecarlo/uniform-2027-2035.json', 'utf8'))),
  history,
);
const result = await monteCarlo(spec, { futures: 2_000, seed: 1, workers: 2 });
const research = result.terms.find((term) => term.id === 'research-ip');
console.log(
  `Monte Carlo, ${result.futures} futures: research-ip ended by an event in ${research?.endedByEventFraction} of them, median end ${research?.until.p50}`,
);
