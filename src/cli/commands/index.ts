/** Every `dealsim` command, in the order `dealsim --help` lists them. */
import type { Command } from '../command.ts';
import { append, repair } from './append.ts';
import { assumptions, clauses } from './catalogue.ts';
import { chart } from './chart.ts';
import { check } from './check.ts';
import { coverage } from './coverage.ts';
import { diff } from './diff.ts';
import { events } from './events.ts';
import { explainCommand } from './explain.ts';
import { fuzzCommand } from './fuzz.ts';
import { history } from './history.ts';
import { montecarlo } from './montecarlo.ts';
import { report } from './report.ts';
import { simulate } from './simulate.ts';
import { studio } from './studio.ts';
import { timeline } from './timeline.ts';
import { validate } from './validate.ts';

export const COMMANDS: readonly Command[] = [
  simulate,
  explainCommand,
  diff,
  validate,
  events,
  append,
  repair,
  history,
  assumptions,
  clauses,
  chart,
  timeline,
  report,
  studio,
  check,
  fuzzCommand,
  montecarlo,
  coverage,
];
