/**
 * An engine steps one future through the statechart. The replay fold is written against this
 * interface so that the same fold runs on XState's pure `transition` (the reference), on a live
 * actor (for differential tests) and on faster kernels derived from the same machine.
 */
import { type Actor, createActor, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { type DealContext, type DealInput, dealMachine } from '../../machines/deal.machine.ts';
import type { DealEvent } from '../domain/events.ts';
import type { TermId } from '../domain/terms.ts';

/**
 * Where the AGI process of C2 stands: no declaration, declared and pending, verified, or rejected.
 */
export type AgiStatus = 'none' | 'pending' | 'verified' | 'rejected';

/** Where a term's region is: holding, suspended by a pending declaration, or ended for good. */
export type TermStatus = 'holding' | 'suspended' | 'ended';

/**
 * One way of stepping a future through the statechart, with state `S`: XState's pure
 * `transition` (the reference), a live actor, or the compiled kernel. The replay fold runs on any.
 */
export interface Engine<S> {
  /** For reports and failures, e.g. `xstate-transition`. */
  readonly name: string;
  /** The state on the effective date. */
  start(input: DealInput): S;
  /** The state after `event`; the same state when the chart takes no transition. */
  step(state: S, event: DealEvent): S;
  /** Whether `term` holds, is suspended or has ended in `state`. */
  termStatus(state: S, term: TermId): TermStatus;
  /** Where the AGI process stands in `state`. */
  agiStatus(state: S): AgiStatus;
  /** The machine's context in `state`. */
  context(state: S): DealContext;
  /** The state value as nested names, for reports and coverage. */
  stateValue(state: S): Record<string, string>;
  /** A JSON-safe copy of `state` that {@link restore} turns back into it. */
  persist(state: S): unknown;
  /** The state {@link persist} wrote, for a replay under `input`. */
  restore(persisted: unknown, input: DealInput): S;
}

type DealSnapshot = SnapshotFrom<typeof dealMachine>;

/** State names of a term region mapped to what they mean for the term. */
const TERM_STATUS: Readonly<Record<string, TermStatus>> = {
  holding: 'holding',
  suspended: 'suspended',
  lifted: 'suspended',
  ended: 'ended',
  fulfilled: 'ended',
};

function regionOf(snapshot: DealSnapshot, region: string): string {
  return (snapshot.value as Record<string, string>)[region] as string;
}

/** The reference engine: XState's pure `transition`, which returns the next snapshot as data. */
export const xstateEngine: Engine<DealSnapshot> = {
  name: 'xstate-transition',
  start: (input) => initialTransition(dealMachine, input)[0],
  step: (snapshot, event) => transition(dealMachine, snapshot, event)[0],
  termStatus: (snapshot, term) => TERM_STATUS[regionOf(snapshot, term)] as TermStatus,
  agiStatus: (snapshot) => regionOf(snapshot, 'agi') as AgiStatus,
  context: (snapshot) => snapshot.context,
  stateValue: (snapshot) => snapshot.value as Record<string, string>,
  persist: (snapshot) => JSON.parse(JSON.stringify(dealMachine.getPersistedSnapshot(snapshot))),
  restore: (persisted) => dealMachine.resolveState(persisted as Parameters<typeof dealMachine.resolveState>[0]),
};

/** A running actor fed with `send`: the path a live application would take. */
export const actorEngine: Engine<Actor<typeof dealMachine>> = {
  name: 'xstate-actor',
  start: (input) => createActor(dealMachine, { input }).start(),
  step: (actor, event) => {
    actor.send(event);
    return actor;
  },
  termStatus: (actor, term) => xstateEngine.termStatus(actor.getSnapshot(), term),
  agiStatus: (actor) => xstateEngine.agiStatus(actor.getSnapshot()),
  context: (actor) => actor.getSnapshot().context,
  stateValue: (actor) => actor.getSnapshot().value as Record<string, string>,
  persist: (actor) => JSON.parse(JSON.stringify(actor.getPersistedSnapshot())),
  restore: (persisted, input) => createActor(dealMachine, { input, snapshot: persisted as DealSnapshot }).start(),
};
