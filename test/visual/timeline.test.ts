/**
 * `dealsim timeline` (issue 3): the Gantt chart of who holds what, when. One row per term with
 * its holder and clauses, one bar per interval, the 2031-01-01 and 2033-01-01 sunsets (C4, C3),
 * a marker per log event with breaches and amendments (S4) marked, and with --vs the rows that
 * differ between two futures marked. Checked on every shipped future and the visual fixtures.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssumptions } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { TERM_IDS, TERMS } from '../../src/domain/terms.ts';
import { branchFrom } from '../../src/history/history.ts';
import { replay } from '../../src/replay/replay.ts';
import { readHistory } from '../../src/store/history-file.ts';
import { readLog } from '../../src/store/log-file.ts';
import { axisRange, differences, markerNumber, renderTimeline } from '../../src/visual/timeline.ts';
import { bigFuture } from './fixtures/big-future.ts';
import { allFutures, assumeArgs, dealsim } from './run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'timeline-'));
const d = (text: string) => text as IsoDate;
const interval = (from: string, until: string | null) => ({
  from: d(from),
  until: until === null ? null : d(until),
  startedBy: null,
  endedBy: null,
});

/** What the timeline replays for a log: its history's lines and its own, merged by date. */
const eventsOf = (path: string, history = 'none') => [...branchFrom(readHistory(history), readLog(path))];

function timelineOf(path: string, assume: readonly string[] = [], history = 'none') {
  const events = eventsOf(path, history);
  const replayed = replay(events, { assumptions: parseAssumptions(assume) });
  return { events, replayed, svg: renderTimeline([{ label: path, replayed, events }]) };
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/**
 * The marker numbers each label above the markers stands for (`4`, `12–40`, `h8–h9, 1–2`,
 * `h3 … 5`), read against the events in the order drawn: a label covers a run of them.
 */
function numbered(svg: string, events: readonly { line: number; origin?: string }[]): string[] {
  const order = events.map((logged) => markerNumber(logged as Parameters<typeof markerNumber>[0]));
  return [...svg.matchAll(/<text class="marker-number"[^>]*>(h?\d+(?:(?:–|, | … )h?\d+)*)/g)].flatMap((match) => {
    const tokens = (match[1] ?? '').split(/–|, | … /);
    const first = order.indexOf(tokens[0] ?? '');
    const last = order.indexOf(tokens.at(-1) ?? '', first);
    return first < 0 || last < 0 ? [`unknown ${match[1]}`] : order.slice(first, last + 1);
  });
}

/** The marker numbers the list below the chart names, in order. */
const listed = (svg: string) => [...svg.matchAll(/class="event-listed" data-marker="(h?\d+)"/g)].map((m) => m[1]);

describe('the rights timeline of every shipped future', () => {
  for (const future of allFutures()) {
    it(`${future.path}: a row per term, a bar per interval, a marker per event`, async () => {
      const output = join(tmp, 'one.svg');
      const { code, err } = await dealsim('timeline', future.path, ...assumeArgs(future), '-o', output);
      expect(err).toBe('');
      expect(code).toBe(0);
      const svg = readFileSync(output, 'utf8');
      const { events, replayed } = timelineOf(future.path, future.assume, future.history);
      for (const term of TERM_IDS) {
        expect(svg).toContain(`>${term}</text>`);
        expect(svg).toContain(`${TERMS[term].clauses.join(', ')}</text>`);
        expect(count(svg, new RegExp(`class="bar" data-term="${term}"`, 'g'))).toBe(replayed.timelines[term].length);
      }
      expect(count(svg, /<g class="event"/g)).toBe(events.length);
      const breaches = new Set(
        replayed.findings.filter((f) => f.verdict === 'breach').map((f) => `${f.origin ?? ''}${f.line}`),
      );
      expect(count(svg, /\(breach\)/g)).toBe(breaches.size);
      // Issue 13: every marker is numbered with its log line, and the list below says what it is.
      const numbers = events.map(markerNumber);
      expect(numbered(svg, events)).toEqual(numbers);
      expect(listed(svg)).toEqual(numbers);
      expect(svg).not.toContain('unlabelled');
    });
  }
});

describe('issue 13: numbered markers, listed below the chart', () => {
  it('names each event by line, date and what it was, breaches with their mark', () => {
    const { svg } = timelineOf('test/visual/fixtures/amended-breaches.jsonl');
    expect(svg).toMatch(
      /data-marker="2"[^>]*><tspan font-weight="bold">2<\/tspan><tspan[^>]*>2026-04-27 {2}amended 2026-04-27</,
    );
    expect(svg).toMatch(
      /data-marker="1"[^>]*fill="#b00020"><tspan font-weight="bold">1<\/tspan><tspan[^>]*>2026-01-15 {2}✕ breach: /,
    );
  });

  it('numbers the lines of the history a future branches from apart from its own: h4, 4', () => {
    const { svg, events } = timelineOf('simulations/declared-2028-verified-2028.jsonl', [], 'builtin');
    const history = events.filter((logged) => logged.origin !== undefined);
    expect(history.length).toBeGreaterThan(0);
    expect(listed(svg)).toEqual(events.map(markerNumber));
    expect(listed(svg)).toContain(`h${history[0]?.line}`);
    expect(listed(svg)).toContain('1');
    expect(numbered(svg, events)).toEqual(events.map(markerNumber));
  });

  it('numbers every marker of a 2,000-event log in ranges, and lists the AGI steps and amendments first', () => {
    const log = join(tmp, 'big.jsonl');
    writeFileSync(log, bigFuture(2000));
    const events = readLog(log);
    const svg = renderTimeline([{ label: log, replayed: replay(events), events }]);
    expect(numbered(svg, events)).toEqual(events.map(markerNumber));
    expect(count(svg, /class="marker-number"/g)).toBeLessThanOrEqual(Math.floor(936 / 22));
    const shown = listed(svg);
    expect(shown).toHaveLength(90);
    for (const logged of events) {
      if (['agi.declared', 'panel.rejected', 'panel.verified', 'agreement.amended'].includes(logged.event.type)) {
        expect(shown).toContain(markerNumber(logged));
      }
    }
    expect(svg).toContain(`…and ${2000 - 90} more events of ${log}, numbered on the chart`);
  });
});

describe('C4 and C3 sunsets on the calendar axis', () => {
  const { svg } = timelineOf('simulations/no-agi-ever.jsonl');

  it('draws the 2031-01-01 and 2033-01-01 sunsets as labelled lines', () => {
    expect(svg).toContain('2031-01-01 sunset (through 2030)');
    expect(svg).toContain('2033-01-01 sunset (through 2032)');
  });

  it('runs from the effective date to three years past the last event, 2034 at least, with year labels', () => {
    const events = readLog('simulations/no-agi-ever.jsonl');
    const last = Number(events.at(-1)?.event.date.slice(0, 4));
    const { from, to } = axisRange([{ label: '', replayed: replay(events), events }]);
    expect(from).toBe('2025-10-28');
    expect(to).toBe(`${Math.max(last + 3, 2034)}-01-01`);
    for (let year = 2026; year <= Number(to.slice(0, 4)); year++) expect(svg).toContain(`>${year}</text>`);
  });

  it('has a legend naming every marker', () => {
    for (const item of ['Legend', 'AGI process (C2)', 'amendment (agreement.amended)', 'breach', 'sunset']) {
      expect(svg).toContain(`>${item}</text>`);
    }
  });
});

describe('S4 amendments and breaches as markers', () => {
  const { svg } = timelineOf('test/visual/fixtures/amended-breaches.jsonl');

  it('marks the amendment and each breaching line, and escapes user strings', () => {
    expect(svg).toMatch(
      /<title>line 2, 2026-04-27: agreement.amended, amended 2026-04-27; hypothetical, source https:\/\/example.com\/s4\?a=1&amp;b=&lt;2&gt;<\/title><rect/,
    );
    for (const line of [1, 3, 7]) expect(svg).toMatch(new RegExp(`<title>line ${line}, [^<]*\\(breach\\)`));
    // S4 on line 2: a launch off Azure without azureFirst is undetermined, not a breach (issue 10).
    expect(svg).toMatch(/<title>line 4, [^<]*\(undetermined\)/);
    expect(svg).toContain('MSFT run 3e28 FLOP');
    expect(svg).toContain('open &lt;model&gt;');
    expect(svg).not.toContain('open <model>');
  });

  it('escapes a note holding markup', () => {
    const escaped = timelineOf('test/visual/fixtures/escaped-note.jsonl').svg;
    expect(escaped).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(escaped).not.toContain('<img');
  });
});

describe('C1 readings compared with --vs and --vs-assume', () => {
  it('finds the days where exactly one timeline holds', () => {
    const a = [interval('2025-10-28', '2028-01-01')];
    const b = [interval('2025-10-28', '2027-01-01'), interval('2027-06-01', null)];
    expect(differences(a, b, d('2034-01-01'))).toEqual([
      ['2027-01-01', '2027-06-01'],
      ['2028-01-01', '2034-01-01'],
    ]);
    expect(differences(a, a, d('2034-01-01'))).toEqual([]);
  });

  it('marks exactly the terms whose intervals differ between two futures', async () => {
    const output = join(tmp, 'vs.svg');
    const [left, right] = ['simulations/declared-2028-verified-2028.jsonl', 'simulations/no-agi-ever.jsonl'];
    const { code } = await dealsim('timeline', left, '--vs', right, '--history', 'none', '-o', output);
    expect(code).toBe(0);
    const svg = readFileSync(output, 'utf8');
    const a = replay(eventsOf(left));
    const b = replay(eventsOf(right));
    for (const term of TERM_IDS) {
      const differs = JSON.stringify(a.timelines[term]) !== JSON.stringify(b.timelines[term]);
      expect(svg.includes(`>${term} ≠</text>`), term).toBe(differs);
    }
    expect(svg).toContain('A: simulations/declared-2028-verified-2028.jsonl');
    expect(svg).toContain('B: simulations/no-agi-ever.jsonl');
  });

  it('applies --assume to both sides and --vs-assume to the second only', async () => {
    const output = join(tmp, 'readings.svg');
    const log = 'simulations/rejected-then-redeclared-verified.jsonl';
    const args = ['--assume', 'compute-cap-lifts=verification', '--vs-assume', 'agi-ends-exclusivity=declaration'];
    const { code } = await dealsim('timeline', log, ...args, '--history', 'none', '-o', output);
    expect(code).toBe(0);
    const svg = readFileSync(output, 'utf8');
    expect(svg).toContain(`A: ${log} (compute-cap-lifts=verification)`);
    expect(svg).toContain(`B: ${log} (compute-cap-lifts=verification, agi-ends-exclusivity=declaration)`);
    // C1 under the declaration reading: exclusivity is suspended while a declaration is pending.
    expect(svg).toContain('>ip-exclusivity ≠</text>');
    expect(svg).toContain('>azure-api-exclusivity ≠</text>');
    // C8 read the same way on both sides: no difference.
    expect(svg).toContain('>compute-threshold</text>');
  });

  it('needs -o and names the fix', async () => {
    const { code, err } = await dealsim('timeline', 'simulations/no-agi-ever.jsonl');
    expect(code).toBe(2);
    expect(err).toContain('-o timeline.svg');
  });

  it('places an invalid log’s error at its file and line', async () => {
    const { code, err } = await dealsim(
      'timeline',
      'test/visual/fixtures/escaped-note.jsonl',
      '--vs-assume',
      'after-rejection=final',
      '--history',
      'none',
      '-o',
      join(tmp, 'x.svg'),
    );
    expect(code).toBe(2);
    expect(err).toContain('escaped-note.jsonl:5');
  });
});
