/**
 * Records what futures exercise: the states they visit, the transitions XState selects for each
 * event (`dealMachine.getTransitionData`, so guarded branches are told apart exactly) and the
 * clauses those transitions and the verdicts on conduct cite. A clause counts as exercised when
 * a transition that stands for it fires or a finding cites it; sitting in the initial state does
 * not count. Pure apart from the recorder's own sets: no files, no clock.
 */
import type { SnapshotFrom } from 'xstate';
import { type DealInput, dealMachine } from '../../machines/deal.machine.ts';
import { type ClauseId, isClauseId } from '../domain/clauses.ts';
import type { DealEvent, LogEvent } from '../domain/events.ts';
import { EVENT_SCHEMAS } from '../domain/events.ts';
import { type Engine, xstateEngine } from '../replay/engine.ts';
import { judge } from '../replay/findings.ts';
import { chartTransition } from './chart.ts';

type DealSnapshot = SnapshotFrom<typeof dealMachine>;

/** What a set of futures exercised; plain sets so that recordings merge by union. */
export interface Exercised {
  readonly states: Set<string>;
  readonly transitions: Set<string>;
  readonly clauses: Set<ClauseId>;
  /** Where each clause was first seen exercised, e.g. a transition ID or `finding C6`. */
  readonly clauseEvidence: Map<ClauseId, string>;
}

export function emptyExercised(): Exercised {
  return { states: new Set(), transitions: new Set(), clauses: new Set(), clauseEvidence: new Map() };
}

function credit(exercised: Exercised, clause: ClauseId, evidence: string): void {
  exercised.clauses.add(clause);
  if (!exercised.clauseEvidence.has(clause)) exercised.clauseEvidence.set(clause, evidence);
}

function visit(exercised: Exercised, snapshot: DealSnapshot): void {
  for (const [region, state] of Object.entries(snapshot.value as Record<string, string>)) {
    exercised.states.add(`${region}.${state}`);
  }
}

const isLogEvent = (event: DealEvent): event is LogEvent => event.type in EVENT_SCHEMAS;

/** Records one step of the chart: `before` took `event` and became `after`. */
export function recordStep(exercised: Exercised, before: DealSnapshot, event: DealEvent, after: DealSnapshot): void {
  visit(exercised, before);
  for (const definition of dealMachine.getTransitionData(before, event)) {
    const transition = chartTransition(definition);
    if (!transition) continue;
    exercised.transitions.add(transition.id);
    for (const clause of transition.clauses) credit(exercised, clause, transition.id);
  }
  visit(exercised, after);
  if (isLogEvent(event)) {
    // The verdict replay would give, judged the same way: on the terms as they stood before.
    const findings = judge(event, 0, {
      holds: (term) => xstateEngine.termStatus(before, term) === 'holding',
      before: before.context,
      after: after.context,
    });
    for (const finding of findings) {
      // Coverage counts the agreement's clauses; a finding that cites an amendment (S3, S4) credits none.
      if (isClauseId(finding.clause)) credit(exercised, finding.clause, `finding on ${finding.type}`);
    }
  }
}

/** The reference engine with every step recorded into `exercised`: pass it to `replay`. */
export function recordingEngine(exercised: Exercised): Engine<DealSnapshot> {
  return {
    ...xstateEngine,
    name: 'coverage-recorder',
    start: (input: DealInput) => {
      const snapshot = xstateEngine.start(input);
      visit(exercised, snapshot);
      return snapshot;
    },
    step: (before, event) => {
      const after = xstateEngine.step(before, event);
      recordStep(exercised, before, event, after);
      return after;
    },
  };
}
