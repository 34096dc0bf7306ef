/** `dealsim assumptions` and `dealsim clauses`: the readings and the clause catalogue. */
import { ASSUMPTION_KEYS, ASSUMPTIONS } from '../../domain/assumptions.ts';
import { CLAUSES, SOURCES } from '../../domain/clauses.ts';
import { TERM_IDS, TERMS } from '../../domain/terms.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, printJson } from '../command.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const assumptions: Command = {
  name: 'assumptions',
  summary: 'each assumption (reading of ambiguous text), its values, default and the clause it reads',
  help: `Usage: dealsim assumptions [--json]

Lists the assumptions: where the public text is silent or ambiguous, dealsim makes the choice
explicit. Change one for any command with --assume KEY=VALUE.`,
  options: { ...COMMON_OPTIONS, ...JSON_OPTION },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const rows = ASSUMPTION_KEYS.map((key) => ASSUMPTIONS[key]);
    if (args.values.json) {
      printJson(
        io,
        rows.map((spec) => ({
          key: spec.key,
          clause: spec.clause,
          values: spec.values,
          default: spec.default,
          meaning: spec.meaning,
        })),
      );
      return 0;
    }
    const style = styleFor(io.color);
    const out = table(
      ['KEY', 'CLAUSE', 'VALUES (DEFAULT FIRST)', 'MEANING'],
      rows.map((spec) => [style.bold(spec.key), spec.clause, spec.values.join(', '), spec.meaning]),
      { width: io.columns, wrap: [2, 3] },
    );
    io.out(`${out}\nUse: --assume KEY=VALUE, e.g. --assume agi-ends-exclusivity=declaration\n`);
    return 0;
  },
};

export const clauses: Command = {
  name: 'clauses',
  summary: 'the clause catalogue C0–C12 with sources, and the terms each governs',
  help: `Usage: dealsim clauses [--json]

The clauses of the Microsoft–OpenAI agreement of 2025-10-28 as dealsim models them, each with
its public sources (S1–S4 official, R1 reported), and the terms whose status they govern.`,
  options: { ...COMMON_OPTIONS, ...JSON_OPTION },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const termsOf = (id: string) => TERM_IDS.filter((term) => (TERMS[term].clauses as readonly string[]).includes(id));
    if (args.values.json) {
      printJson(io, {
        clauses: CLAUSES.map((clause) => ({ ...clause, terms: termsOf(clause.id) })),
        sources: SOURCES,
        terms: TERMS,
      });
      return 0;
    }
    const style = styleFor(io.color);
    const out: string[] = [];
    out.push(
      table(
        ['CLAUSE', 'SOURCES', 'TERMS', 'WHAT IT SAYS'],
        CLAUSES.map((clause) => [
          style.bold(clause.id),
          clause.sources.join(', '),
          termsOf(clause.id).join(', '),
          `${clause.kind}, ${clause.who}: ${clause.text}`,
        ]),
        { width: io.columns, wrap: [2, 3] },
      ).trimEnd(),
    );
    out.push('', style.bold('Sources'));
    // A term no clause mentions is listed beside the source that alone supports it.
    const restsOn = (id: string) => TERM_IDS.filter((term) => TERMS[term].clause === id);
    out.push(
      table(
        ['ID', 'DATE', 'STATUS', 'TERMS', 'TITLE'],
        SOURCES.map((s) => [s.id, s.date, s.status, restsOn(s.id).join(', '), s.title]),
        { width: io.columns, wrap: [4] },
      ).trimEnd(),
    );
    io.out(`${out.join('\n')}\n`);
    return 0;
  },
};
