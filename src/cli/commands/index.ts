/** Every `dealsim` command, in the order `dealsim --help` lists them. */
import type { Command } from '../command.ts';
import { append, repair } from './append.ts';
import { assumptions, clauses } from './catalogue.ts';
import { explainCommand } from './explain.ts';
import { simulate } from './simulate.ts';
import { validate } from './validate.ts';

export const COMMANDS: readonly Command[] = [simulate, explainCommand, validate, append, repair, assumptions, clauses];
