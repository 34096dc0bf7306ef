/**
 * Bounded exhaustive checking (`dealsim check`): every abstract future of up to `depth` AGI and
 * panel events, with calendar deadlines delivered as the dates pass, for every combination of
 * assumptions, checked against all eight invariants. Dates are abstracted to the classes that
 * matter (see dates.ts); the search is breadth-first, so the first violation found is a smallest
 * one, and memoised on an abstract state key, so a state reached twice is expanded once. Each
 * future is stepped from its parent's fold (the replay is step-wise) instead of replayed anew.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import type { Assumptions } from '../domain/assumptions.ts';
import { addDays, type IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { LogEvent } from '../domain/events.ts';
import { TERM_IDS } from '../domain/terms.ts';
import { forkFold } from '../invariants/fold.ts';
import { checkRun, INVARIANTS } from '../invariants/index.ts';
import type { FutureRun, Invariant, Violation } from '../invariants/invariant.ts';
import { refusedValid } from '../invariants/run.ts';
import { MODEL_PRODUCT_SUNSET, RESEARCH_SUNSET } from '../invariants/scope.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { type Engine, xstateEngine } from '../replay/engine.ts';
import {
  finishReplay,
  type Replayed,
  type ReplayState,
  type ReplayStep,
  replayEvent,
  startReplay,
} from '../replay/replay.ts';
import { CoverageRecorder, type CoverageReport, coverageReport } from './coverage.ts';
import { dateClass, landmarks, lapseDistance, nextDays } from './dates.ts';

export interface ExploreOptions<S = unknown> {
  /** Most AGI and panel events in a future. */
  readonly depth: number;
  /** The assumption combinations to explore, each on its own. */
  readonly combinations: readonly Assumptions[];
  /** The clause logic under test (default: XState's pure `transition`). */
  readonly engine?: Engine<S>;
  /** The amendment catalogue `agreement.amended` events may name (default: the built-in ones). */
  readonly amendments?: DealInput['amendments'];
  /** Also explore `agreement.amended` events, each amendment of the catalogue at most once. */
  readonly exploreAmendments?: boolean;
  /**
   * The history every explored future branches from (its lines carry `origin`): replayed first,
   * and the explored events are dated from its last date on. Default: none (the deal as signed).
   */
  readonly history?: readonly LoggedEvent[];
  readonly invariants?: readonly Invariant[];
  /** Called after each combination, e.g. for progress on a terminal. */
  readonly onCombination?: (done: number, total: number) => void;
}

/** The smallest future found that breaks an invariant, ready to replay. */
export interface Counterexample {
  readonly assumptions: Assumptions;
  readonly events: readonly LoggedEvent[];
  readonly violations: readonly Violation[];
}

export interface ExploreReport {
  readonly depth: number;
  readonly combinations: number;
  /** Abstract futures (event sequences of length 0..depth) covered, memoised ones included. */
  readonly futures: number;
  /** Distinct abstract states, summed over the combinations; each was replayed and checked. */
  readonly states: number;
  /** Distinct configurations of the chart reached. */
  readonly configurations: number;
  readonly coverage: CoverageReport;
  readonly counterexample: Counterexample | null;
}

type SpecStatus = 'none' | 'pending' | 'verified' | 'rejected';

interface Node<S> {
  readonly events: readonly LoggedEvent[];
  readonly fold: ReplayState<S>;
  readonly replayed: Replayed;
  readonly status: SpecStatus;
  readonly declaredOn: IsoDate | null;
  readonly key: string;
}

export function explore<S>(options: ExploreOptions<S>): ExploreReport {
  const engine = (options.engine ?? xstateEngine) as Engine<S>;
  const coverage = new CoverageRecorder();
  const configurations = new Set<string>();
  let futures = 0;
  let states = 0;
  let best: Counterexample | null = null;
  for (const [index, assumptions] of options.combinations.entries()) {
    const explored = (events: readonly LoggedEvent[]) => events.length - (options.history?.length ?? 0);
    const depth: number = best ? Math.min(options.depth, explored(best.events) - 1) : options.depth;
    if (depth >= 0) {
      const result: OneResult = exploreOne(engine, { ...options, depth }, assumptions, coverage, configurations);
      futures += result.futures;
      states += result.states;
      if (result.counterexample && (!best || result.counterexample.events.length < best.events.length)) {
        best = result.counterexample;
      }
    }
    options.onCombination?.(index + 1, options.combinations.length);
  }
  return {
    depth: options.depth,
    combinations: options.combinations.length,
    futures,
    states,
    configurations: configurations.size,
    coverage: coverageReport(coverage),
    counterexample: best,
  };
}

interface OneResult {
  readonly futures: number;
  readonly states: number;
  readonly counterexample: Counterexample | null;
}

function exploreOne<S>(
  engine: Engine<S>,
  options: ExploreOptions<S>,
  assumptions: Assumptions,
  coverage: CoverageRecorder,
  configurations: Set<string>,
): OneResult {
  const input: DealInput = { assumptions, ...(options.amendments && { amendments: options.amendments }) };
  const invariants = options.invariants ?? INVARIANTS;
  const deadline = assumptions['panel-deadline-days'];
  const start = startReplay(engine, input);
  // The spec's sunsets, the rules under test's own (a moved sunset gets its own classes) and
  // those the amendments would set.
  const sunsets = [RESEARCH_SUNSET, MODEL_PRODUCT_SUNSET];
  const catalog = engine.context(start.machine).amendments;
  for (const term of TERM_IDS) {
    const sunset = engine.context(start.machine).rules.terms[term].sunset;
    if (sunset) sunsets.push(sunset);
    if (!options.exploreAmendments) continue;
    for (const amendment of Object.values(catalog)) {
      const retimed = amendment.retime?.[term]?.sunset;
      if (retimed) sunsets.push(retimed);
    }
  }
  const amendmentIds = options.exploreAmendments ? Object.keys(catalog) : [];
  const points = landmarks(sunsets);
  const observer = (before: { value: Record<string, string> }) => (step: ReplayStep) => {
    coverage.step(before.value, step.event.type, step.stateValue);
    configurations.add(JSON.stringify(step.stateValue));
    before.value = step.stateValue;
  };
  const lapseOf = (node: Pick<Node<S>, 'status' | 'declaredOn'>) =>
    node.status === 'pending' && deadline !== null && node.declaredOn ? addDays(node.declaredOn, deadline) : null;
  const keyOf = (node: Omit<Node<S>, 'key'>): string => {
    const today = node.fold.today;
    const lapse = lapseOf(node);
    const verified = node.events.find(({ event }) => event.type === 'panel.verified')?.event.date;
    const flags = TERM_IDS.map((term) => {
      const track = node.fold.tracks[term];
      if (track.open?.from === today) return 'o';
      return track.closed.at(-1)?.until === today ? 'c' : '-';
    }).join('');
    return [
      JSON.stringify(engine.stateValue(node.fold.machine)),
      node.status,
      dateClass(points, today),
      lapse ? `${dateClass(points, lapse)}/${lapseDistance(today, lapse)}` : '',
      verified ? `${dateClass(points, verified)}${verified === today ? '!' : ''}` : '',
      flags,
      engine.context(node.fold.machine).applied.join(','),
    ].join('|');
  };

  const initialValue = engine.stateValue(start.machine);
  coverage.visit(initialValue);
  configurations.add(JSON.stringify(initialValue));
  const history = options.history ?? [];
  const rootObserver = observer({ value: initialValue });
  let rootFold = start;
  for (const logged of history) rootFold = replayEvent(engine, rootFold, logged, rootObserver);
  const rootReplayed = finishReplay(
    engine,
    forkFold(rootFold),
    observer({ value: engine.stateValue(rootFold.machine) }),
  );
  const rootNode: Omit<Node<S>, 'key'> = {
    events: history,
    fold: rootFold,
    replayed: rootReplayed,
    status: 'none',
    declaredOn: null,
  };
  const root: Node<S> = { ...rootNode, key: keyOf(rootNode) };
  const rootRun: FutureRun<S> = {
    events: history,
    input,
    engine,
    fold: rootFold,
    replayed: rootReplayed,
    prefixes: [],
    deepPrefixes: [],
  };
  const rootViolations = checkRun(rootRun as FutureRun, invariants);
  if (rootViolations.length) {
    return { futures: 1, states: 1, counterexample: { assumptions, events: history, violations: rootViolations } };
  }

  const edges = new Map<string, string[]>();
  const seen = new Set<string>([root.key]);
  let level: Node<S>[] = [root];
  for (let depth = 0; depth < options.depth && level.length > 0; depth++) {
    const next: Node<S>[] = [];
    for (const node of level) {
      const children: string[] = [];
      edges.set(node.key, children);
      const lapse = lapseOf(node);
      const applied = engine.context(node.fold.machine).applied;
      for (const day of nextDays(points, node.fold.today, lapse)) {
        const status: SpecStatus = lapse && day >= lapse ? 'rejected' : node.status;
        const candidates: LogEvent[] = [
          ...allowed(status, assumptions).map((type) => ({ type, date: day }) as LogEvent),
          ...amendmentIds
            .filter((id) => !applied.includes(id))
            .map((amendment) => ({ type: 'agreement.amended', date: day, amendment }) as LogEvent),
        ];
        for (const event of candidates) {
          const type = event.type;
          // Lines are numbered in the explored future's own file, after the history.
          const logged: LoggedEvent = { line: node.events.length - history.length + 1, event };
          const events = [...node.events, logged];
          const before = { value: engine.stateValue(node.fold.machine) };
          let fold: ReplayState<S>;
          try {
            fold = replayEvent(engine, forkFold(node.fold), logged, observer(before));
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            return found(assumptions, events, [refusedValid(error)]);
          }
          const child: Omit<Node<S>, 'key'> = {
            events,
            fold,
            replayed: node.replayed,
            status:
              type === 'agi.declared'
                ? 'pending'
                : type === 'panel.verified'
                  ? 'verified'
                  : type === 'panel.rejected'
                    ? 'rejected'
                    : status,
            declaredOn: type === 'agi.declared' ? day : node.declaredOn,
          };
          const key = keyOf(child);
          children.push(key);
          if (seen.has(key)) continue;
          seen.add(key);
          const replayed = finishReplay(engine, forkFold(fold), observer({ value: before.value }));
          // Only the parent is compared against (time travel, snapshot and continue, a forbidden
          // line before the last): every ancestor was itself checked as a future when first seen,
          // and only checked states are expanded, so the chain covers every prefix.
          const run: FutureRun<S> = {
            events,
            input,
            engine,
            fold,
            replayed,
            prefixes: [{ count: node.events.length, fold: node.fold, replayed: node.replayed }],
            deepPrefixes: [node.events.length],
          };
          const violations = checkRun(run as FutureRun, invariants);
          if (violations.length) return found(assumptions, events, violations);
          next.push({ ...child, replayed, key });
        }
      }
    }
    level = next;
  }
  return { futures: countFutures(root.key, options.depth, edges), states: seen.size, counterexample: null };
}

function found(assumptions: Assumptions, events: readonly LoggedEvent[], violations: readonly Violation[]): OneResult {
  return { futures: 0, states: 0, counterexample: { assumptions, events, violations } };
}

/** The AGI events C2 allows in `status` (CLAUSES.md, "The AGI process"). */
function allowed(
  status: SpecStatus,
  assumptions: Assumptions,
): ('agi.declared' | 'panel.verified' | 'panel.rejected')[] {
  switch (status) {
    case 'none':
      return ['agi.declared'];
    case 'pending':
      return ['panel.verified', 'panel.rejected'];
    case 'rejected':
      return assumptions['after-rejection'] === 'redeclare' ? ['agi.declared'] : [];
    case 'verified':
      return [];
    default: {
      const _: never = status;
      return _;
    }
  }
}

/** Event sequences of length 0..depth from the root, counted over the memoised state graph. */
function countFutures(root: string, depth: number, edges: ReadonlyMap<string, readonly string[]>): number {
  const memo = new Map<string, number>();
  const count = (key: string, remaining: number): number => {
    if (remaining === 0) return 1;
    const id = `${remaining}:${key}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of edges.get(key) ?? []) total += count(child, remaining - 1);
    memo.set(id, total);
    return total;
  };
  return count(root, depth);
}

/** A counterexample as the JSON Lines log `dealsim simulate` reads: its own lines, without the history's. */
export function toJsonl(events: readonly LoggedEvent[]): string {
  return events
    .filter(({ origin }) => origin === undefined)
    .map(({ event }) => `${JSON.stringify(event)}\n`)
    .join('');
}
