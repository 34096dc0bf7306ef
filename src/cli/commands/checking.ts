/** What `dealsim check` and `dealsim fuzz` share: the engine option, counts and counterexamples. */
import {
  ASSUMPTION_KEYS,
  type AssumptionKey,
  type Assumptions,
  assumeArgument,
  DEFAULT_ASSUMPTIONS,
  parseAssumptions,
} from '../../domain/assumptions.ts';
import { InputError } from '../../domain/errors.ts';
import { AGI_PROCESS_EVENTS } from '../../domain/events.ts';
import type { History } from '../../history/history.ts';
import type { Violation } from '../../invariants/invariant.ts';
import { kernelEngine } from '../../kernel/engine.ts';
import type { LoggedEvent } from '../../log/parse.ts';
import { type Engine, xstateEngine } from '../../replay/engine.ts';
import { listOption, type ParsedArgs, stringOption } from '../command.ts';
import { historyFrom } from '../future-input.ts';
import type { Style } from '../render/style.ts';

export const ENGINE_OPTION = { engine: { type: 'string' } } as const;

export const ENGINE_HELP =
  "  --engine NAME       kernel (default: the compiled chart, fast) or xstate (XState's own transition)";

/** The engine named by `--engine`. */
export function engineOption(args: ParsedArgs): Engine<unknown> {
  const name = stringOption(args, 'engine') ?? 'kernel';
  if (name === 'kernel') return kernelEngine as Engine<unknown>;
  if (name === 'xstate') return xstateEngine as Engine<unknown>;
  throw new InputError(`--engine ${name} is not an engine`, { hint: 'write --engine kernel or --engine xstate' });
}

/** A whole number option such as `--depth 8`, at least `min`. */
export function countOption(args: ParsedArgs, name: string, fallback: number, min: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new InputError(`--${name} ${text} is not a whole number of at least ${min}`, {
      hint: `write e.g. --${name} ${Math.max(min, fallback)}`,
    });
  }
  return value;
}

/** The `--assume` pairs: the values they set, and the keys they fix. */
export function fixedAssumptions(args: ParsedArgs): { base: Assumptions; fixed: Partial<Assumptions> } {
  const pairs = listOption(args, 'assume');
  const base = parseAssumptions(pairs);
  const keys = new Set(pairs.map((pair) => pair.slice(0, pair.indexOf('=')) as AssumptionKey));
  const fixed = Object.fromEntries([...keys].map((key) => [key, base[key]])) as Partial<Assumptions>;
  return { base, fixed };
}

/** `--assume KEY=VALUE` flags for the assumptions that differ from their defaults (or all given, with `all`). */
export function assumeFlags(assumptions: Partial<Assumptions>, all = false): string[] {
  return ASSUMPTION_KEYS.filter(
    (key) => key in assumptions && (all || assumptions[key] !== DEFAULT_ASSUMPTIONS[key]),
  ).map((key) => `--assume ${key}=${assumeArgument(key, assumptions[key] as Assumptions[typeof key])}`);
}

/** The counterexample's own lines as a log; the history's lines are not repeated (`--history` brings them back). */
export function jsonl(events: readonly LoggedEvent[]): string {
  return events
    .filter(({ origin }) => origin === undefined)
    .map(({ event }) => `${JSON.stringify(event)}\n`)
    .join('');
}

/**
 * The history `check` and `fuzz` explore futures after (`--history`, the real one by default).
 * Both generate the AGI process themselves, from no declaration on: a history that already holds
 * AGI events is refused rather than explored wrongly.
 */
export function historyForChecking(args: ParsedArgs): History {
  const history = historyFrom(args);
  const agi = history.events.find(({ event }) => (AGI_PROCESS_EVENTS as readonly string[]).includes(event.type));
  if (agi) {
    throw new InputError(
      `the history holds an AGI-process event (${agi.event.type}, ${agi.origin}:${agi.line}); check and fuzz generate the AGI process themselves`,
      { hint: 'give a history without agi.declared or panel events, or --history none' },
    );
  }
  return history;
}

/** `--history H` for a replay command line, when the history is not the built-in one. */
export function historyFlag(history: History): string {
  return history.id === 'builtin' ? '' : ` --history ${history.id}`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** The broken invariants, the log to replay and the command that replays it, for people. */
export function describeCounterexample(
  heading: string,
  assumptions: Assumptions,
  events: readonly LoggedEvent[],
  violations: readonly Violation[],
  style: Style,
  history?: History,
): string[] {
  const flags = [...assumeFlags(assumptions), ...(history ? [historyFlag(history).trim()].filter(Boolean) : [])];
  const own = events.filter(({ origin }) => origin === undefined);
  const out = [style.red(style.bold(heading))];
  for (const violation of violations) {
    out.push(`  ${style.bold(`invariant ${violation.invariant} (${violation.name})`)}: ${violation.message}`);
  }
  out.push(
    '',
    `Counterexample (${own.length} event${own.length === 1 ? '' : 's'}${own.length < events.length ? `, after the ${history?.label ?? 'history'}` : ''}); save it as counterexample.jsonl and run`,
    `  dealsim simulate counterexample.jsonl${flags.length ? ` ${flags.join(' ')}` : ''}`,
    '',
  );
  out.push(own.length ? jsonl(own).trimEnd() : style.dim('(the empty log)'));
  return out;
}

/** The counterexample as `--json` prints it. */
export function counterexampleJson(
  assumptions: Assumptions,
  events: readonly LoggedEvent[],
  violations: readonly Violation[],
  history?: History,
) {
  return {
    assume: assumptions,
    assumeFlags: assumeFlags(assumptions),
    ...(history && { history: history.id }),
    violations,
    jsonl: jsonl(events),
  };
}
