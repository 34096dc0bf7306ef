/**
 * Invariant 8 and C2: random invalid logs — broken AGI sequences, dates out of order, bad fields —
 * are always rejected whole with an InputError that names the offending line; never accepted,
 * never another exception. Each corruption is applied to a valid future, so the line it breaks
 * is known exactly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import { addDays, EFFECTIVE_DATE, type IsoDate, toDayNumber } from '../../src/domain/dates.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { appendEvent, validateLog } from '../../src/store/log-file.ts';
import { runs } from '../mutation-killers/budget.ts';

type AgiStatus = 'none' | 'pending' | 'verified' | 'rejected';
type AgiType = 'agi.declared' | 'panel.verified' | 'panel.rejected';

/** C2 as a table, written out here rather than taken from the chart: the AGI state on `date` after `events`. */
function agiStatusOn(events: readonly LogEvent[], date: IsoDate, assumptions: Assumptions): AgiStatus {
  const deadline = assumptions['panel-deadline-days'];
  let status: AgiStatus = 'none';
  let lapsesOn: IsoDate | null = null;
  const lapse = (day: IsoDate) => {
    if (status === 'pending' && lapsesOn !== null && day >= lapsesOn) status = 'rejected';
  };
  for (const event of events) {
    lapse(event.date);
    if (event.type === 'agi.declared') {
      status = 'pending';
      lapsesOn = deadline === null ? null : addDays(event.date, deadline);
    } else if (event.type === 'panel.verified') status = 'verified';
    else if (event.type === 'panel.rejected') status = 'rejected';
  }
  lapse(date);
  return status;
}

/** The AGI events C2 refuses in `status`. */
function refusedIn(status: AgiStatus, assumptions: Assumptions): AgiType[] {
  switch (status) {
    case 'none':
      return ['panel.verified', 'panel.rejected'];
    case 'pending':
      return ['agi.declared'];
    case 'verified':
      return ['agi.declared', 'panel.verified', 'panel.rejected'];
    case 'rejected':
      return assumptions['after-rejection'] === 'final'
        ? ['agi.declared', 'panel.verified', 'panel.rejected']
        : ['panel.verified', 'panel.rejected'];
    default: {
      const unknown: never = status;
      throw new TypeError(`unknown AGI status ${unknown}`);
    }
  }
}

const toText = (events: readonly LogEvent[]) => events.map((event) => `${JSON.stringify(event)}\n`).join('');

/** Parses and replays `text` as `dealsim validate` does; returns the error it throws, or undefined. */
function rejection(text: string, assumptions: Assumptions): unknown {
  try {
    replay(parseLog(text, 'future.jsonl'), { assumptions });
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectRejectedAt(error: unknown, line: number): void {
  expect(error, 'the invalid log was accepted').toBeInstanceOf(InputError);
  expect((error as InputError).line).toBe(line);
  expect((error as InputError).hint, 'an error for people says how to fix it').toBeTruthy();
}

/** A valid future and a position in it (0..length) at which to insert or corrupt a line. */
const futureAndPosition = futureArbitrary({ maxEvents: 10, amendments: true }).chain((future) =>
  fc.record({ future: fc.constant(future), at: fc.integer({ min: 0, max: future.events.length }) }),
);

describe('C2 the AGI process: broken AGI sequences are rejected at their line', () => {
  test.prop([futureAndPosition, fc.nat(), dateArbitrary()], { numRuns: runs(400) })(
    'an AGI event the process refuses, inserted anywhere, is reported on its own line',
    ({ future, at }, pick, freeDate) => {
      const events = future.events.map((logged) => logged.event);
      const previous = events[at - 1]?.date ?? EFFECTIVE_DATE;
      const next = events[at]?.date;
      // Any date that keeps the log in order: the free date when it fits, else the previous one.
      const date = freeDate >= previous && (next === undefined || freeDate <= next) ? freeDate : previous;
      const status = agiStatusOn(events.slice(0, at), date, future.assumptions);
      const refused = refusedIn(status, future.assumptions);
      const type = refused[pick % refused.length] as AgiType;
      const broken = [...events.slice(0, at), { type, date } as LogEvent, ...events.slice(at)];
      expectRejectedAt(rejection(toText(broken), future.assumptions), at + 1);
    },
  );
});

describe('invariant 8: dates out of order are rejected at the later line', () => {
  const withDisorder = futureArbitrary({ maxEvents: 10, amendments: true })
    .filter((future) => future.events.some((logged) => logged.event.date > EFFECTIVE_DATE))
    .chain((future) => {
      const candidates = future.events.flatMap((logged, index) => (logged.event.date > EFFECTIVE_DATE ? [index] : []));
      return fc.record({
        future: fc.constant(future),
        index: fc.constantFrom(...candidates),
        back: fc.integer({ min: 1, max: 4000 }),
      });
    });

  test.prop([withDisorder], { numRuns: runs(300) })(
    'an event moved before an earlier line, or moved to the end, is reported where the order breaks',
    ({ future, index, back }) => {
      const events = future.events.map((logged) => logged.event);
      const moved = events[index] as LogEvent;
      // Move the event after the last line, dated strictly before the last line's date.
      const rest = events.filter((_, i) => i !== index);
      const last = rest.at(-1)?.date;
      if (last === undefined || last === EFFECTIVE_DATE) return; // nothing earlier to be out of order with
      const span = toDayNumber(last) - toDayNumber(EFFECTIVE_DATE);
      const date = addDays(last, -(1 + (back % span)));
      const broken = [...rest, { ...moved, date }];
      expectRejectedAt(rejection(toText(broken), future.assumptions), broken.length);
    },
  );
});

/** Ways to spoil one line's fields, each still one line of text. */
const spoilers: readonly ((event: LogEvent) => string)[] = [
  () => '{"type":"agi.declared","date":"2028-03-01"', // torn JSON
  () => '[1,2,3]',
  () => '"agi.declared"',
  (event) => JSON.stringify({ ...event, type: 'agi.declard' }),
  (event) => JSON.stringify({ ...event, type: undefined }),
  (event) => JSON.stringify({ ...event, date: undefined }),
  (event) => JSON.stringify({ ...event, date: event.date.replaceAll('-', '/') }),
  (event) => JSON.stringify({ ...event, date: '2029-02-30' }),
  (event) => JSON.stringify({ ...event, date: 20280301 }),
  (event) => JSON.stringify({ ...event, date: '2025-10-27' }),
  (event) => JSON.stringify({ ...event, surprise: true }),
  (event) => JSON.stringify({ ...event, source: 'not a url' }),
  (event) => JSON.stringify({ ...event, note: 42 }),
  () => JSON.stringify({ type: 'azure.purchased', date: '2030-01-01', amountUsd: -5 }),
  () => JSON.stringify({ type: 'azure.purchased', date: '2030-01-01', amountUsd: '5e9' }),
  () => JSON.stringify({ type: 'revenue.recognized', date: '2030-01-01' }),
  () => JSON.stringify({ type: 'product.launched', date: '2030-01-01', name: '', api: true, cloud: 'aws' }),
  () => JSON.stringify({ type: 'product.launched', date: '2030-01-01', name: 'x', api: 'yes', cloud: 'aws' }),
  () => JSON.stringify({ type: 'msft.training-run', date: '2030-01-01', usesOpenAiIp: true, computeFlop: 0 }),
  () => JSON.stringify({ type: 'agreement.amended', date: '2030-01-01', amendment: 'no-such-amendment' }),
  () => JSON.stringify({ type: 'agreement.amended', date: '2030-01-01' }),
  () => 'x'.repeat(70_000),
];

describe('invariant 8: bad fields are rejected at their line, never a crash', () => {
  const withSpoiledLine = futureArbitrary({ maxEvents: 8 })
    .filter((future) => future.events.length > 0)
    .chain((future) =>
      fc.record({
        future: fc.constant(future),
        index: fc.integer({ min: 0, max: future.events.length - 1 }),
        spoil: fc.integer({ min: 0, max: spoilers.length - 1 }),
        blankLines: fc.boolean(),
      }),
    );

  test.prop([withSpoiledLine], { numRuns: runs(400) })(
    'one spoiled line makes the whole log invalid, with that line named',
    ({ future, index, spoil, blankLines }) => {
      const lines = future.events.map((logged) => JSON.stringify(logged.event));
      const spoiled = (spoilers[spoil] as (event: LogEvent) => string)(
        (future.events[index] as { event: LogEvent }).event,
      );
      lines[index] = spoiled;
      // Blank lines are skipped but still counted, so the line number must follow the file.
      const text = blankLines ? `\n${lines.join('\n\n')}\n` : `${lines.join('\n')}\n`;
      const line = blankLines ? 2 + 2 * index : index + 1;
      const error = rejection(text, future.assumptions);
      expect(error, `accepted a log with line ${line} = ${spoiled.slice(0, 80)}`).toBeInstanceOf(InputError);
      // A spoiled date may also break the date order with the next line, which is reported there;
      // an earlier line is never blamed.
      expect((error as InputError).line).toBeGreaterThanOrEqual(line);
      if ((error as InputError).line !== line) expect((error as InputError).message).toMatch(/before line/);
    },
  );
});

describe('invariant 8: a rejected log is rejected whole, and files stay untouched', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dealsim-invalid-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let counter = 0;

  test.prop([futureAndPosition, fc.nat()], { numRuns: runs(60) })(
    'validateLog names the file and line; appendEvent of a refused AGI event leaves the file byte for byte',
    ({ future }, pick) => {
      const events = future.events.map((logged) => logged.event);
      const file = join(folder, `future-${counter++}.jsonl`);
      const text = toText(events);
      writeFileSync(file, text);
      const lastDate = events.at(-1)?.date ?? EFFECTIVE_DATE;
      const status = agiStatusOn(events, lastDate, future.assumptions);
      const refused = refusedIn(status, future.assumptions);
      const type = refused[pick % refused.length] as AgiType;
      const appended = JSON.stringify({ type, date: lastDate });
      let error: unknown;
      try {
        appendEvent(file, appended, { input: { assumptions: future.assumptions }, expectVersion: events.length });
      } catch (caught) {
        error = caught;
      }
      expectRejectedAt(error, events.length + 1);
      expect((error as InputError).file).toBe(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
      // The same line written by hand is refused by validation, with the file and line named.
      writeFileSync(file, toText([...events, { type, date: lastDate } as LogEvent]));
      let invalid: unknown;
      try {
        validateLog(file, { assumptions: future.assumptions });
      } catch (caught) {
        invalid = caught;
      }
      expectRejectedAt(invalid, events.length + 1);
      expect((invalid as InputError).file).toBe(file);
    },
  );
});
