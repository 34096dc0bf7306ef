/**
 * An engine steps one future through the statechart. The replay fold is written against this
 * interface so that the same fold runs on XState's pure `transition` (the reference), on a live
 * actor (for differential tests) and on faster kernels derived from the same machine.
 */
import { type Actor, createActor, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { type DealContext, type DealInput, dealMachine } from '../../machines/deal.machine.ts';
import type { DealEvent } from '../domain/events.ts';
import type { TermId } from '../domain/terms.ts';

export type AgiStatus = 'none' | 'pending' | 'verified' | 'rejected';

/** Where a term's region is: holding, suspended by a pending declaration, or ended for good. */
export type TermStatus = 'holding' | 'suspended' | 'ended';

export interface Engine<S> {
  readonly name: string;
  start(input: DealInput): S;
  step(state: S, event: DealEvent): S;
  termStatus(state: S, term: TermId): TermStatus;
  agiStatus(state: S): AgiStatus;
  context(state: S): DealContext;
  /** The state value as nested names, for reports and coverage. */
  stateValue(state: S): Record<string, string>;
  /** A JSON-safe copy of `state` that {@link restore} turns back into it. */
  persist(state: S): unknown;
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
