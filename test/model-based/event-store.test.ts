/**
 * Model-based testing of the event store (C2, invariants 6 and 8): fast-check drives the real
 * store — appendEvent with expected versions, readLog, validateLog, and `dealsim simulate --at`
 * — on a temporary file, and after every command compares it with a model much simpler than the
 * system. The model is a list of accepted events; what holds on a day is computed straight from
 * that list and the sunsets of CLAUSES.md. It never calls the replay or the statechart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { ASSUMPTION_KEYS, type Assumptions, formatAssumption } from '../../src/domain/assumptions.ts';
import { addDays, EFFECTIVE_DATE, type IsoDate } from '../../src/domain/dates.ts';
import { ConflictError, InputError } from '../../src/domain/errors.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { TERM_IDS, type TermId } from '../../src/domain/terms.ts';
import { assumptionsArbitrary } from '../../src/fuzz/arbitraries/assumptions.ts';
import { conductArbitrary } from '../../src/fuzz/arbitraries/conduct.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { replay } from '../../src/replay/replay.ts';
import { appendEvent, readLog, validateLog } from '../../src/store/log-file.ts';
import { runs } from '../mutation-killers/budget.ts';

// ---------------------------------------------------------------------------------------------
// The model: CLAUSES.md read literally, one day at a time.

/** "Through 2030" ends on 2031-01-01, "through 2032" on 2033-01-01 (CLAUSES.md, Parties and dates). */
const RESEARCH_SUNSET = '2031-01-01' as IsoDate;
const MODEL_PRODUCT_SUNSET = '2033-01-01' as IsoDate;
const AZURE_COMMITMENT = 250e9;

type Agi = 'none' | 'pending' | 'verified' | 'rejected';

interface Model {
  readonly assumptions: Assumptions;
  /** The accepted events, in file order. */
  readonly events: LogEvent[];
  /** Non-blank lines in the file (only events here; a refused append adds none). */
  lines: number;
}

/** C2 on `day`, after every event dated up to it: a declaration lapses N days after it was made. */
function agiOn(model: Model, day: IsoDate, events: readonly LogEvent[] = model.events): Agi {
  const deadline = model.assumptions['panel-deadline-days'];
  let agi: Agi = 'none';
  let lapsesOn: IsoDate | null = null;
  const lapse = (date: IsoDate) => {
    if (agi === 'pending' && lapsesOn !== null && date >= lapsesOn) agi = 'rejected';
  };
  for (const event of events) {
    if (event.date > day) break;
    lapse(event.date);
    if (event.type === 'agi.declared') {
      agi = 'pending';
      lapsesOn = deadline === null ? null : addDays(event.date, deadline);
    }
    if (event.type === 'panel.verified') agi = 'verified';
    if (event.type === 'panel.rejected') agi = 'rejected';
  }
  lapse(day);
  return agi;
}

/** Whether C2 lets `event` follow the model's events. */
function accepts(model: Model, event: LogEvent): boolean {
  const last = model.events.at(-1)?.date ?? EFFECTIVE_DATE;
  if (event.date < last) return false;
  const agi = agiOn(model, event.date);
  switch (event.type) {
    case 'agi.declared':
      return agi === 'none' || (agi === 'rejected' && model.assumptions['after-rejection'] === 'redeclare');
    case 'panel.verified':
    case 'panel.rejected':
      return agi === 'pending';
    default:
      return true;
  }
}

/** The terms holding on `day` (no amendments in this model). */
function holdingOn(model: Model, day: IsoDate): TermId[] {
  const agi = agiOn(model, day);
  const verified = agi === 'verified';
  const pending = agi === 'pending';
  // compute-cap-lifts=first-declaration: the first declaration lifts the cap for good.
  const declaredBy = model.events.some((event) => event.type === 'agi.declared' && event.date <= day);
  const purchased = model.events
    .filter((event) => event.date <= day && event.type === 'azure.purchased')
    .reduce((sum, event) => sum + (event as { amountUsd: number }).amountUsd, 0);
  const holds: Record<TermId, boolean> = {
    'research-ip': day < RESEARCH_SUNSET && !verified,
    'model-product-ip': day < MODEL_PRODUCT_SUNSET,
    'ip-exclusivity': !verified && !(pending && model.assumptions['agi-ends-exclusivity'] === 'declaration'),
    'azure-api-exclusivity': !verified && !(pending && model.assumptions['agi-ends-exclusivity'] === 'declaration'),
    'revenue-share': !verified,
    'revenue-share-to-openai': true,
    'compute-threshold':
      !verified &&
      !(pending && model.assumptions['compute-cap-lifts'] === 'declaration') &&
      !(model.assumptions['compute-cap-lifts'] === 'first-declaration' && declaredBy),
    'azure-commitment': purchased < AZURE_COMMITMENT,
  };
  return TERM_IDS.filter((term) => holds[term]);
}

/** Each term's [from, until) spans, found by looking at every day on which anything can change. */
function modelTimelines(model: Model): Record<TermId, { from: IsoDate; until: IsoDate | null }[]> {
  const deadline = model.assumptions['panel-deadline-days'];
  const days = new Set<IsoDate>([EFFECTIVE_DATE, RESEARCH_SUNSET, MODEL_PRODUCT_SUNSET]);
  for (const event of model.events) {
    days.add(event.date);
    if (event.type === 'agi.declared' && deadline !== null) days.add(addDays(event.date, deadline));
  }
  const sorted = [...days].sort();
  const timelines = Object.fromEntries(TERM_IDS.map((term) => [term, [] as unknown[]])) as unknown as Record<
    TermId,
    { from: IsoDate; until: IsoDate | null }[]
  >;
  for (const day of sorted) {
    const holding = new Set(holdingOn(model, day));
    for (const term of TERM_IDS) {
      const spans = timelines[term];
      const open = spans.at(-1)?.until === null;
      if (holding.has(term) && !open) spans.push({ from: day, until: null });
      if (!holding.has(term) && open) (spans.at(-1) as { until: IsoDate | null }).until = day;
    }
  }
  return timelines;
}

// ---------------------------------------------------------------------------------------------
// The real system: a log file and the CLI.

interface Real {
  readonly file: string;
}

const input = (model: Model) => ({ assumptions: model.assumptions });

function attempt(work: () => unknown): unknown {
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  }
}

async function simulateJson(model: Model, real: Real, at: IsoDate): Promise<{ holding: TermId[]; agi: Agi }> {
  const io = memoryIo();
  const assume = ASSUMPTION_KEYS.flatMap((key) => [
    '--assume',
    `${key}=${formatAssumption(key, model.assumptions[key])}`,
  ]);
  // The model is of the deal as signed: the built-in history is left out.
  const code = await main(['simulate', real.file, '--at', at, '--json', '--history', 'none', ...assume], io);
  expect(io.stderr(), 'simulate --at wrote an error').toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(io.stdout()) as { holding: TermId[]; agi: { status: Agi } };
  return { holding: json.holding, agi: json.agi.status };
}

/** Where a command's date comes from: fixed, a step after the last event, or around a panel deadline. */
type DateSpec =
  | { readonly kind: 'on'; readonly date: IsoDate }
  | { readonly kind: 'after-last'; readonly days: number }
  | { readonly kind: 'deadline'; readonly offset: -1 | 0 | 1 };

function resolve(model: Model, spec: DateSpec): IsoDate {
  const last = model.events.at(-1)?.date ?? EFFECTIVE_DATE;
  switch (spec.kind) {
    case 'on':
      return spec.date;
    case 'after-last':
      return addDays(last, spec.days);
    case 'deadline': {
      const declared = model.events.findLast((event) => event.type === 'agi.declared');
      const deadline = model.assumptions['panel-deadline-days'];
      if (!declared || deadline === null) return last;
      const date = addDays(declared.date, deadline + spec.offset);
      return date < EFFECTIVE_DATE ? EFFECTIVE_DATE : date;
    }
    default: {
      const unknown: never = spec;
      throw new TypeError(`unknown date spec ${JSON.stringify(unknown)}`);
    }
  }
}

const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  fc.record({ kind: fc.constant('on' as const), date: dateArbitrary() }),
  fc.record({
    kind: fc.constant('after-last' as const),
    days: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 1200 })),
  }),
  fc.record({ kind: fc.constant('deadline' as const), offset: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
);

// ---------------------------------------------------------------------------------------------
// Commands.

type StoreCommand = fc.AsyncCommand<Model, Real>;

/** Appends an event with the right expected version (or none); the model says whether it is accepted. */
class Append implements StoreCommand {
  constructor(
    readonly template: LogEvent,
    readonly when: DateSpec,
    readonly withVersion: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const event = { ...this.template, date: resolve(model, this.when) } as LogEvent;
    const before = readFileSync(real.file, 'utf8');
    const expected = accepts(model, event);
    const error = attempt(() =>
      appendEvent(real.file, JSON.stringify(event), {
        input: input(model),
        ...(this.withVersion && { expectVersion: model.events.length }),
      }),
    );
    if (expected) {
      expect(error, `refused ${JSON.stringify(event)}`).toBeUndefined();
      model.events.push(event);
      model.lines++;
    } else {
      expect(error, `accepted ${JSON.stringify(event)}`).toBeInstanceOf(InputError);
      expect((error as InputError).line).toBe(model.lines + 1);
      expect((error as InputError).file).toBe(real.file);
      expect(readFileSync(real.file, 'utf8'), 'a refused append changed the file').toBe(before);
    }
  }
  toString = () => `append(${this.template.type} ${JSON.stringify(this.when)}${this.withVersion ? ' v' : ''})`;
}

/** Appends with an expected version that is off: always a conflict, the file untouched. */
class AppendStale implements StoreCommand {
  constructor(readonly off: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const before = readFileSync(real.file, 'utf8');
    const last = model.events.at(-1)?.date ?? EFFECTIVE_DATE;
    const event = { type: 'hardware.launched', date: last, name: 'io device' };
    const version = model.events.length + this.off;
    const stale = version < 0 ? model.events.length + 1 : version;
    const error = attempt(() =>
      appendEvent(real.file, JSON.stringify(event), { input: input(model), expectVersion: stale }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(readFileSync(real.file, 'utf8')).toBe(before);
  }
  toString = () => `appendStale(${this.off})`;
}

/** Appends a line that is not a valid event. */
class AppendGarbage implements StoreCommand {
  constructor(readonly text: string) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const before = readFileSync(real.file, 'utf8');
    const error = attempt(() => appendEvent(real.file, this.text, { input: input(model) }));
    expect(error).toBeInstanceOf(InputError);
    expect(readFileSync(real.file, 'utf8')).toBe(before);
  }
  toString = () => `appendGarbage(${this.text})`;
}

/** Reads and validates the log: exactly the model's events, in order. */
class Read implements StoreCommand {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    expect(readLog(real.file).map((logged) => logged.event)).toEqual(model.events);
    expect(validateLog(real.file, input(model)).map((logged) => logged.line)).toEqual(
      model.events.map((_, i) => i + 1),
    );
  }
  toString = () => 'read';
}

/** `dealsim simulate LOG --at DATE --json`: the terms holding and the AGI state on that day. */
class StatusAt implements StoreCommand {
  constructor(readonly when: DateSpec) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const day = resolve(model, this.when);
    const status = await simulateJson(model, real, day);
    expect(status.agi, `AGI on ${day}`).toBe(agiOn(model, day));
    expect(status.holding, `holding on ${day}`).toEqual(holdingOn(model, day));
  }
  toString = () => `statusAt(${JSON.stringify(this.when)})`;
}

/** A whole replay of the file: every term's intervals equal the model's. */
class Timelines implements StoreCommand {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const { timelines } = replay(readLog(real.file), input(model));
    const expected = modelTimelines(model);
    for (const term of TERM_IDS) {
      expect(
        timelines[term].map(({ from, until }) => ({ from, until })),
        term,
      ).toEqual(expected[term]);
    }
  }
  toString = () => 'timelines';
}

const agiTemplate = fc
  .constantFrom('agi.declared', 'panel.verified', 'panel.rejected')
  .map((type) => ({ type, date: EFFECTIVE_DATE }) as LogEvent);
// Conduct without amendments, which this model leaves out; its date is replaced when it runs.
const conductTemplate = conductArbitrary(EFFECTIVE_DATE);

const commands = fc.commands(
  [
    // Mostly AGI events a few days after the last line, so that long C2 sequences (rejections,
    // re-declarations, lapses) happen often; any template with any date now and then.
    fc
      .tuple(agiTemplate, fc.integer({ min: 0, max: 200 }), fc.boolean())
      .map(([template, days, withVersion]) => new Append(template, { kind: 'after-last', days }, withVersion)),
    fc
      .tuple(fc.oneof(agiTemplate, conductTemplate), dateSpec, fc.boolean())
      .map(([template, when, withVersion]) => new Append(template, when, withVersion)),
    fc.constantFrom(-2, -1, 1, 3).map((off) => new AppendStale(off)),
    fc
      .constantFrom(
        '{"type":"agi.declared"',
        '{"type":"panel.verified","date":"2025-10-27"}',
        '{"type":"agi.declared","date":"2029-02-29"}',
        '{"type":"azure.purchased","date":"2040-01-01","amountUsd":0}',
        '{"type":"launch","date":"2040-01-01"}',
        '[]',
      )
      .map((text) => new AppendGarbage(text)),
    fc.constant(new Read()),
    dateSpec.map((when) => new StatusAt(when)),
    fc.constant(new Timelines()),
  ],
  { maxCommands: 40 },
);

describe('C2 and invariants 6, 8: the event store against a literal model of the clauses', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dealsim-model-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let counter = 0;

  it('appends, expected versions, refusals, replays and --at queries agree with the model', async () => {
    await fc.assert(
      fc.asyncProperty(assumptionsArbitrary(), commands, async (assumptions, cmds) => {
        const file = join(folder, `log-${counter++}.jsonl`);
        // An empty file to start with, so every command can compare bytes.
        writeFileSync(file, '');
        await fc.asyncModelRun(() => ({ model: { assumptions, events: [], lines: 0 }, real: { file } }), cmds);
      }),
      { numRuns: runs(250) },
    );
  });
});
