/**
 * Which chart transitions can fire at all under the built-in rules: a guard is asked, through
 * the chart's own guard implementations, on every rules configuration the October 2025 terms
 * (every enumerable assumption) and the built-in amendments (S3, S4) can produce. A transition is
 * reachable when, in one configuration, its guard holds and no earlier candidate's does, and its
 * source state is reachable. The rest fire only under a user's hypothetical amendment
 * (`--amendments FILE`), so coverage reports them apart instead of as gaps.
 */
import type { AnyStateNode } from 'xstate';
import { type DealContext, dealMachine } from '../../machines/deal.machine.ts';
import {
  type AmendmentCatalog,
  amendmentUnsuspends,
  applyAmendment,
  BUILT_IN_AMENDMENTS,
} from '../domain/amendments.ts';
import { ASSUMPTION_KEYS, ASSUMPTIONS, type Assumptions, DEFAULT_ASSUMPTIONS } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE } from '../domain/dates.ts';
import type { DealEvent } from '../domain/events.ts';
import { EMPTY_LEDGER } from '../domain/ledger.ts';
import { baseRules, type Rules } from '../domain/rules.ts';
import { TERM_IDS } from '../domain/terms.ts';
import { chartTransition } from './chart.ts';

type Guard = (args: { context: DealContext; event: DealEvent }, params: unknown) => boolean;

/**
 * The readings the chart's guards can tell apart: every enumerable value of the assumptions that
 * bear on the AGI process or the ledger. Conduct readings only change verdicts, never a
 * transition, so multiplying them out would only repeat the same contexts.
 */
function combinations(): Assumptions[] {
  let all: Assumptions[] = [DEFAULT_ASSUMPTIONS];
  for (const key of ASSUMPTION_KEYS) {
    const values = ASSUMPTIONS[key].enumerable as readonly unknown[] | undefined;
    if (!values || ASSUMPTIONS[key].bears === 'conduct') continue;
    all = all.flatMap((assumptions) => values.map((value) => ({ ...assumptions, [key]: value }) as Assumptions));
  }
  return all;
}

/**
 * A context guards may see; the terms the amendments applied to reach it have ended for good, and
 * those they released from suspension (a suspended term holds again, and stays unsuspendable).
 */
interface Configuration {
  readonly context: DealContext;
  readonly ended: ReadonlySet<string>;
  readonly unsuspended: ReadonlySet<string>;
}

/**
 * Every context a replay with the catalog's amendments can be in, as far as guards look: each
 * subset applied in catalog order, configurations that come out alike kept once. An amendment
 * that ends a term leaves it ended (invariant 5), so the term's other states never see the
 * rules that amendment brought: without that, a rule S4 re-times for an ended term would make
 * transitions look possible that no future can fire.
 */
function contexts(catalog: AmendmentCatalog): Configuration[] {
  const amendments = Object.values(catalog);
  return combinations().flatMap((assumptions) => {
    const base = baseRules(assumptions);
    type Reached = { rules: Rules; ended: ReadonlySet<string>; unsuspended: ReadonlySet<string> };
    const configurations = new Map<string, Reached>([
      [JSON.stringify(base), { rules: base, ended: new Set(), unsuspended: new Set() }],
    ]);
    for (const amendment of amendments) {
      for (const { rules, ended, unsuspended } of [...configurations.values()]) {
        const amended = applyAmendment(rules, amendment, assumptions);
        const endedNow = new Set([...ended, ...(amendment.ends ?? [])]);
        const released = TERM_IDS.filter((term) => amendmentUnsuspends(amendment, assumptions, term));
        const unsuspendedNow = new Set([...unsuspended, ...released]);
        const key = [JSON.stringify(amended), [...endedNow].sort(), [...unsuspendedNow].sort()].join('|');
        configurations.set(key, { rules: amended, ended: endedNow, unsuspended: unsuspendedNow });
      }
    }
    return [...configurations.values()].map(({ rules, ended, unsuspended }) => ({
      context: {
        assumptions,
        rules,
        amendments: catalog,
        applied: [],
        agi: { declaredOn: null, verifiedOn: null, rejectedOn: null, lapsedOn: null },
        ledger: EMPTY_LEDGER,
      },
      ended,
      unsuspended,
    }));
  });
}

/**
 * Events of `type` that can reach a guard in `context`: the sunsets the calendar delivers (only
 * of terms whose rule has one, as src/replay/calendar.ts does), each amendment, small and large
 * amounts.
 */
function eventsOf(type: string, context: DealContext): DealEvent[] {
  const date = EFFECTIVE_DATE;
  switch (type) {
    case 'calendar.sunset':
      return TERM_IDS.filter((term) => context.rules.terms[term].sunset !== null).map((term) => ({ type, date, term }));
    case 'agreement.amended':
      return Object.keys(context.amendments).map((amendment) => ({ type, date, amendment }));
    case 'azure.purchased':
    case 'revenue.recognized':
      return [1, 1e15].map((amountUsd) => ({ type, date, amountUsd }));
    default:
      return [{ type, date } as DealEvent];
  }
}

function guardHolds(definition: { guard?: unknown }, context: DealContext, event: DealEvent): boolean {
  const guard = definition.guard as string | { type: string; params?: unknown } | undefined;
  if (guard === undefined) return true;
  const name = typeof guard === 'string' ? guard : guard.type;
  const implementation = (dealMachine.implementations.guards as Record<string, Guard>)[name];
  if (!implementation) throw new TypeError(`the chart names a guard it does not implement: ${name}`);
  return implementation({ context, event }, typeof guard === 'string' ? undefined : guard.params);
}

function atomic(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(atomic);
}

/**
 * The IDs of the transitions that can fire under the built-in rules and the amendments of
 * `catalog` (by default the built-in ones; the pictures add the user's amendments a log applies).
 */
export function reachableTransitions(catalog: AmendmentCatalog = BUILT_IN_AMENDMENTS): Set<string> {
  const all = contexts(catalog);
  const states = atomic(dealMachine.root);
  const reachedStates = new Set(
    states.filter((node) => node.parent?.initial?.target?.[0] === node).map((node) => node.path.join('.')),
  );
  const reachable = new Set<string>();
  // Whether a transition can fire does not depend on which states are reached yet: asked once each.
  const asked = new Set<unknown>();
  const events = new Map<string, DealEvent[]>();
  const eventsIn = (type: string, configuration: number, context: DealContext) => {
    const key = `${type} ${configuration}`;
    let list = events.get(key);
    if (list === undefined) {
      list = eventsOf(type, context);
      events.set(key, list);
    }
    return list;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of states) {
      if (!reachedStates.has(node.path.join('.'))) continue;
      for (const [type, definitions] of node.transitions) {
        definitions.forEach((definition, index) => {
          const id = chartTransition(definition)?.id;
          if (id === undefined || reachable.has(id) || asked.has(definition)) return;
          asked.add(definition);
          // A term's region is named by the term; once an amendment ended it, only its ended state remains.
          const term = node.path[0] as string;
          const state = node.path.at(-1);
          const ended = state === 'ended';
          const suspended = !ended && state !== 'holding';
          const fires = all.some(
            ({ context, ended: endedTerms, unsuspended }, configuration) =>
              (ended || !endedTerms.has(term)) &&
              !(suspended && unsuspended.has(term)) &&
              eventsIn(type, configuration, context).some(
                (event) =>
                  guardHolds(definition, context, event) &&
                  definitions.slice(0, index).every((earlier) => !guardHolds(earlier, context, event)),
              ),
          );
          if (!fires) return;
          reachable.add(id);
          for (const target of definition.target ?? []) reachedStates.add(target.path.join('.'));
          grew = true;
        });
      }
    }
  }
  return reachable;
}
