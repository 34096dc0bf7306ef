/**
 * The statechart compiled to a flat transition table. Walks `dealMachine`'s state nodes (a
 * parallel root of compound regions), enumerates the reachable configurations, and indexes the
 * candidate transitions by (configuration id, event type). Guards and actions are the machine's
 * own implementations, looked up by name with their params, so a change to the chart changes
 * the kernel; a chart feature the kernel does not model (entry/exit actions, nested or history
 * states, eventless transitions) makes compilation fail instead of silently diverging.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { DealContext } from '../../machines/deal.machine.ts';
import type { DealEvent } from '../domain/events.ts';
import type { TermId } from '../domain/terms.ts';
import type { TermStatus } from '../replay/engine.ts';

export type GuardFn = (context: DealContext, event: DealEvent) => boolean;
export type ActionFn = (context: DealContext, event: DealEvent) => DealContext;

/** One candidate transition of a region's state for one event type, in document order. */
export interface CompiledTransition {
  readonly guard: GuardFn | null;
  /** Added to the configuration id when taken: (target − source) × the region's stride. */
  readonly delta: number;
  readonly actions: readonly ActionFn[];
  /** `guard(params)` → `target` with `actions`, for reports and failures. */
  readonly label: string;
}

export interface CompiledRegion {
  readonly key: string;
  readonly states: readonly string[];
  readonly initial: number;
  /** Weight of this region's state index in a configuration id (mixed radix). */
  readonly stride: number;
}

/** For one configuration and event: each region's candidates, in document order. */
export type TableEntry = readonly (readonly CompiledTransition[])[];

export interface Kernel {
  readonly regions: readonly CompiledRegion[];
  readonly regionIndex: Readonly<Record<string, number>>;
  readonly eventTypes: readonly string[];
  readonly eventIndex: ReadonlyMap<string, number>;
  /** Number of possible ids: the product of the regions' state counts. */
  readonly idSpace: number;
  readonly initialConfig: number;
  /**
   * Each region's candidates in configuration `config` for event type number `event`;
   * undefined when nothing can happen. Built when first asked for, then kept.
   */
  entry(config: number, event: number): TableEntry | undefined;
  /** Reachable configuration ids, initial first, in breadth-first order (searched on first read). */
  readonly reachable: readonly number[];
  /** `table[config * eventTypes.length + event]` for every reachable configuration (built on first read). */
  readonly table: readonly (TableEntry | undefined)[];
  /** Bit i set when term i of `terms` holds in the configuration (indexed by id). */
  readonly holdingMask: Uint16Array;
  readonly terms: readonly TermId[];
  /** Term status per configuration id, `[id * terms.length + termIndex]`: 0 holding, 1 suspended, 2 ended. */
  readonly termStatusCode: Uint8Array;
}

/** How a term region's state names read as statuses: the holding state carries the term's tag. */
export const STATUS_CODES: readonly TermStatus[] = ['holding', 'suspended', 'ended'];

/** Shared by every region that has nothing to do on an event. */
const NO_CANDIDATES: readonly CompiledTransition[] = [];

/** `lists[region][event][state]`: a region's candidates in one of its states for one event type. */
type CandidateLists = readonly (readonly (readonly (readonly CompiledTransition[])[])[])[];

/** The moves a region's candidates allow (none when it can only stay): a guarded list may also stay. */
function movesOf(candidates: readonly CompiledTransition[]): readonly number[] {
  const set = new Set(candidates.map((t) => t.delta));
  if (candidates.every((t) => t.guard !== null)) set.add(0);
  return set.size === 1 && set.has(0) ? [] : [...set];
}

/**
 * The configurations reachable from the initial one, breadth first. Guards depend on context, so
 * every candidate (or none, when all are guarded) may be taken: the search follows the product of
 * the regions' moves. Plain loops over reused arrays, as the product runs into the hundreds per
 * entry (building it with nested arrays made compiling take a third of a second, issue 5).
 */
function reachableConfigs(
  initialConfig: number,
  idSpace: number,
  regions: readonly CompiledRegion[],
  lists: CandidateLists,
): number[] {
  const E = lists[0]?.length ?? 0;
  const moves = lists.map((byEvent) => byEvent.map((byState) => byState.map(movesOf)));
  const reachable: number[] = [initialConfig];
  const seen = new Uint8Array(idSpace);
  seen[initialConfig] = 1;
  let next: number[] = [];
  let spare: number[] = [];
  for (let i = 0; i < reachable.length; i++) {
    const id = reachable[i] as number;
    for (let e = 0; e < E; e++) {
      next.length = 0;
      next.push(id);
      for (let r = 0; r < regions.length; r++) {
        const region = regions[r] as CompiledRegion;
        const deltas = moves[r]?.[e]?.[Math.floor(id / region.stride) % region.states.length] as readonly number[];
        if (deltas.length === 0) continue;
        spare.length = 0;
        for (const base of next) for (const delta of deltas) spare.push(base + delta);
        [next, spare] = [spare, next];
      }
      for (const n of next) {
        if (seen[n] === 0) {
          seen[n] = 1;
          reachable.push(n);
        }
      }
    }
  }
  return reachable;
}

interface TransitionLike {
  readonly guard?: unknown;
  readonly target?: readonly AnyStateNode[] | undefined;
  readonly actions: readonly unknown[];
  readonly reenter?: boolean;
}

type Named = string | { readonly type: string; readonly params?: unknown };

function nameOf(item: unknown, what: string): { type: string; params: unknown } {
  if (typeof item === 'string') return { type: item, params: undefined };
  if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
    const named = item as Exclude<Named, string>;
    return { type: named.type, params: named.params };
  }
  throw new TypeError(`kernel: only named ${what}s are compiled (found ${String(item)}); name it in setup()`);
}

function compileGuard(machine: AnyStateMachine, guard: unknown): GuardFn | null {
  if (guard === undefined) return null;
  const { type, params } = nameOf(guard, 'guard');
  const impl = (machine.implementations.guards as Record<string, unknown>)[type];
  if (typeof impl !== 'function') throw new TypeError(`kernel: guard "${type}" has no implementation`);
  const fn = impl as (args: Args, params: unknown) => boolean;
  return (context, event) => {
    ARGS.context = context;
    ARGS.event = event;
    return fn(ARGS, params);
  };
}

type Args = { context: DealContext; event: DealEvent };

/**
 * One arguments object for every guard and action call: they are pure and keep no reference to
 * it, and a kernel step calls them one at a time, so reusing it saves an allocation per call.
 */
const ARGS: Args = { context: undefined as unknown as DealContext, event: undefined as unknown as DealEvent };

interface AssignAction {
  readonly type: 'xstate.assign';
  readonly assignment: unknown;
}

/** An `assign` from setup(), run as XState does: every part sees the context before the action. */
function compileAction(machine: AnyStateMachine, action: unknown): ActionFn {
  const { type, params } = nameOf(action, 'action');
  const impl = (machine.implementations.actions as Record<string, unknown>)[type] as AssignAction | undefined;
  if (!impl || impl.type !== 'xstate.assign') {
    throw new TypeError(`kernel: action "${type}" is not an assign(); only context updates are compiled`);
  }
  const assignment = impl.assignment;
  if (typeof assignment === 'function') {
    const whole = assignment as (args: Args, params: unknown) => Partial<DealContext>;
    return (context, event) => {
      ARGS.context = context;
      ARGS.event = event;
      return { ...context, ...whole(ARGS, params) };
    };
  }
  const parts = Object.entries(assignment as Record<string, unknown>);
  const [only, ...more] = parts;
  if (only !== undefined && more.length === 0 && typeof only[1] === 'function') {
    // The common case (one context field, e.g. the ledger on every purchase): no loop.
    const [key, part] = only as [string, (a: Args, p: unknown) => unknown];
    return (context, event) => {
      ARGS.context = context;
      ARGS.event = event;
      const next: Record<string, unknown> = { ...context };
      next[key] = part(ARGS, params);
      return next as unknown as DealContext;
    };
  }
  return (context, event) => {
    const next: Record<string, unknown> = { ...context };
    for (const [key, part] of parts) {
      ARGS.context = context;
      ARGS.event = event;
      next[key] = typeof part === 'function' ? (part as (a: Args, p: unknown) => unknown)(ARGS, params) : part;
    }
    return next as unknown as DealContext;
  };
}

function checkSupported(node: AnyStateNode): void {
  if (node.entry.length || node.exit.length) throw new TypeError(`kernel: ${node.id} has entry/exit actions`);
  if (node.always?.length) throw new TypeError(`kernel: ${node.id} has eventless transitions`);
  if (node.history) throw new TypeError(`kernel: ${node.id} is a history state`);
}

/**
 * Compiles `machine` (a parallel root of compound regions with atomic states) into a kernel.
 * Compiling is cheap (each region state's candidates per event type, and the term status of
 * every configuration); the table's entries are built as configurations are met, and the
 * search for the reachable ones runs only when asked, so a command that replays a handful of
 * events does not pay for the whole table at start.
 */
export function compileKernel(machine: AnyStateMachine, terms: readonly TermId[]): Kernel {
  const root = machine.root;
  if (root.type !== 'parallel') throw new TypeError('kernel: the root must be a parallel state');
  checkSupported(root);
  if (root.transitions.size) throw new TypeError('kernel: transitions on the root are not compiled');
  const regionNodes = Object.values(root.states) as AnyStateNode[];
  let stride = 1;
  const regions: CompiledRegion[] = [];
  for (const node of regionNodes) {
    checkSupported(node);
    if (node.type !== 'compound') throw new TypeError(`kernel: region ${node.id} must be a compound state`);
    if (node.transitions.size) throw new TypeError(`kernel: transitions on region ${node.id} are not compiled`);
    const states = Object.keys(node.states);
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      checkSupported(child);
      if (child.type !== 'atomic') throw new TypeError(`kernel: ${child.id} must be atomic`);
    }
    const initialKey = (node.initial?.target as AnyStateNode[] | undefined)?.[0]?.key;
    const initial = states.indexOf(initialKey ?? '');
    if (initial < 0) throw new TypeError(`kernel: region ${node.id} has no initial state`);
    regions.push({ key: node.key, states, initial, stride });
    stride *= states.length;
  }
  const idSpace = stride;
  const regionIndex = Object.fromEntries(regions.map((region, index) => [region.key, index]));

  // Every event type named anywhere in the chart, in first-seen order.
  const eventTypes: string[] = [];
  const perState = regions.map((region, r) =>
    region.states.map((stateKey, s) => {
      const node = (regionNodes[r] as AnyStateNode).states[stateKey] as AnyStateNode;
      const byEvent = new Map<string, CompiledTransition[]>();
      for (const [eventType, list] of node.transitions as Map<string, TransitionLike[]>) {
        if (eventType.includes('*')) throw new TypeError(`kernel: wildcard transitions on ${node.id} are not compiled`);
        if (!eventTypes.includes(eventType)) eventTypes.push(eventType);
        byEvent.set(
          eventType,
          list.map((t) => {
            const target = t.target?.[0];
            if ((t.target?.length ?? 0) > 1) throw new TypeError(`kernel: ${node.id} has a multi-target transition`);
            if (target && target.parent !== node.parent) {
              throw new TypeError(`kernel: ${node.id} → ${target.id} leaves its region`);
            }
            const to = target ? region.states.indexOf(target.key) : s;
            const guardName = t.guard === undefined ? '' : nameOf(t.guard, 'guard').type;
            return {
              guard: compileGuard(machine, t.guard),
              delta: (to - s) * region.stride,
              actions: t.actions.map((action) => compileAction(machine, action)),
              label: `${node.id} ${eventType}${guardName ? ` [${guardName}]` : ''} → ${target?.key ?? '(stay)'}`,
            };
          }),
        );
      }
      return byEvent;
    }),
  );
  const eventIndex = new Map(eventTypes.map((type, index) => [type, index]));
  const E = eventTypes.length;
  /** `lists[r][e][s]`: region r's candidates in its state s for event type e. */
  const lists = regions.map((region, r) =>
    eventTypes.map((eventType) => region.states.map((_, s) => perState[r]?.[s]?.get(eventType) ?? NO_CANDIDATES)),
  );

  const decode = (id: number, r: number) => {
    const region = regions[r] as CompiledRegion;
    return Math.floor(id / region.stride) % region.states.length;
  };
  const initialConfig = regions.reduce((id, region) => id + region.initial * region.stride, 0);
  const R = regions.length;
  /** Built entries by `config * E + event`; null until asked for. */
  const entries = new Array<TableEntry | undefined | null>(idSpace * E).fill(null);
  const entry = (config: number, event: number): TableEntry | undefined => {
    const key = config * E + event;
    const known = entries[key];
    if (known !== null) return known;
    let built: (readonly CompiledTransition[])[] | undefined = new Array(R);
    let any = false;
    for (let r = 0; r < R; r++) {
      const candidates = lists[r]?.[event]?.[decode(config, r)] ?? NO_CANDIDATES;
      built[r] = candidates;
      if (candidates.length > 0) any = true;
    }
    if (!any) built = undefined;
    entries[key] = built;
    return built;
  };
  let reachable: readonly number[] | undefined;
  let table: readonly (TableEntry | undefined)[] | undefined;

  const holdingMask = new Uint16Array(idSpace);
  const termStatusCode = new Uint8Array(idSpace * terms.length);
  const termRegions = terms.map((term) => {
    const r = regionIndex[term];
    if (r === undefined) throw new TypeError(`kernel: no region for term ${term}`);
    const node = root.states[term] as AnyStateNode;
    const codes = (regions[r] as CompiledRegion).states.map((key) => {
      const state = node.states[key] as AnyStateNode;
      if ((state.tags as readonly string[]).includes(term)) return 0;
      // A state with outgoing transitions that is not holding waits to be restored: suspended.
      return state.transitions.size > 0 && [...state.transitions.values()].flat().some((t) => t.target) ? 1 : 2;
    });
    return { r, codes };
  });
  // Every id, reachable or not: a plain pass over a few thousand ids is cheaper than the search.
  // A region keeps its state for `stride` ids in a row, so each term is filled run by run.
  const T = terms.length;
  termRegions.forEach(({ r, codes }, t) => {
    const { stride, states } = regions[r] as CompiledRegion;
    const bit = 1 << t;
    for (let run = 0; run * stride < idSpace; run++) {
      const code = codes[run % states.length] as number;
      const end = (run + 1) * stride;
      for (let id = run * stride; id < end; id++) {
        termStatusCode[id * T + t] = code;
        if (code === 0) holdingMask[id] = (holdingMask[id] as number) | bit;
      }
    }
  });
  return {
    regions,
    regionIndex,
    eventTypes,
    eventIndex,
    idSpace,
    initialConfig,
    entry,
    get reachable() {
      return (reachable ??= reachableConfigs(initialConfig, idSpace, regions, lists));
    },
    get table() {
      if (table === undefined) {
        const full = new Array<TableEntry | undefined>(idSpace * E);
        for (const config of this.reachable) for (let e = 0; e < E; e++) full[config * E + e] = entry(config, e);
        table = full;
      }
      return table;
    },
    holdingMask,
    terms,
    termStatusCode,
  };
}
