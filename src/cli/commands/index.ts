/**
 * Every `dealsim` command, in the order `dealsim --help` lists them. Only the name and summary
 * live here; a command's module (and what it needs: Graphviz, fast-check, worker threads) is
 * imported when that command runs, so `dealsim --version` or `dealsim simulate` load nothing else.
 * A test checks that each entry's name and summary are its module's own.
 */
import type { Command } from '../command.ts';

/** A command as `dealsim --help` lists it, with the import that loads it. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `dealsim --help`: the same text as the command's own `summary`. */
  readonly summary: string;
  /** Imports the command's module. */
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'simulate',
    summary: 'replay a future: which terms hold, when each ends and why, and the verdicts on conduct',
    load: async () => (await import('./simulate.ts')).simulate,
  },
  {
    name: 'explain',
    summary:
      'why a term holds or not on a date: since when, what changed it, the clause, the assumptions that mattered',
    load: async () => (await import('./explain.ts')).explainCommand,
  },
  {
    name: 'diff',
    summary: 'compare two futures: term-by-term interval differences and changed verdicts, in words',
    load: async () => (await import('./diff.ts')).diff,
  },
  {
    name: 'validate',
    summary: 'check a log (schema, date order, AGI process) without printing results',
    load: async () => (await import('./validate.ts')).validate,
  },
  {
    name: 'events',
    summary: 'every event type a future may hold: its fields, types, meaning and clause',
    load: async () => (await import('./events.ts')).events,
  },
  {
    name: 'append',
    summary: 'append one event to a log, validated against the whole log, atomically and under a lock',
    load: async () => (await import('./append.ts')).append,
  },
  {
    name: 'repair',
    summary: 'move a torn last line (cut off by a crash mid-write) aside into LOG.torn',
    load: async () => (await import('./append.ts')).repair,
  },
  {
    name: 'history',
    summary: 'the real history every future branches from: date, event, status and source of each line',
    load: async () => (await import('./history.ts')).history,
  },
  {
    name: 'assumptions',
    summary: 'each assumption (reading of ambiguous text), its values, default and the clause it reads',
    load: async () => (await import('./catalogue.ts')).assumptions,
  },
  {
    name: 'clauses',
    summary: 'the clause catalogue C0–C12 with sources, and the terms each governs',
    load: async () => (await import('./catalogue.ts')).clauses,
  },
  {
    name: 'chart',
    summary: 'draw the statechart, derived from the machine: Mermaid, Markdown, DOT, SVG or for Stately',
    load: async () => (await import('./chart.ts')).chart,
  },
  {
    name: 'timeline',
    summary: 'draw who holds what, when: a Gantt chart of the terms (SVG), optionally two futures compared',
    load: async () => (await import('./timeline.ts')).timeline,
  },
  {
    name: 'report',
    summary: 'write a self-contained HTML report to step through a future like a debugger',
    load: async () => (await import('./report.ts')).report,
  },
  {
    name: 'studio',
    summary: 'write the studio: one HTML file to edit a future and watch the rights move, offline in a browser',
    load: async () => (await import('./studio.ts')).studio,
  },
  {
    name: 'check',
    summary: 'check all eight invariants on every abstract future up to a depth (bounded exhaustive)',
    load: async () => (await import('./check.ts')).check,
  },
  {
    name: 'fuzz',
    summary: 'check all eight invariants on random valid futures, seeded and shrunk (fast-check)',
    load: async () => (await import('./fuzz.ts')).fuzzCommand,
  },
  {
    name: 'montecarlo',
    summary:
      'simulate many random futures from a spec: how likely each term ends by an event, by the calendar, or never',
    load: async () => (await import('./montecarlo.ts')).montecarlo,
  },
  {
    name: 'coverage',
    summary: 'which clauses C1–C12, chart states and transitions the simulations and tests exercise',
    load: async () => (await import('./coverage.ts')).coverage,
  },
];
