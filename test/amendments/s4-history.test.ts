import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { EFFECTIVE_DATE, isoDate } from '../../src/domain/dates.ts';
import { assumptionsArbitrary } from '../../src/fuzz/arbitraries/assumptions.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { logOf } from '../support/given.ts';
import { cli, continuationArbitrary, HISTORY_FILE, historyLog } from './support.ts';

const AMENDED = isoDate('2026-04-27');
const SUNSET = isoDate('2031-01-01');

describe('S4 the real history: today’s terms whatever AGI events follow', () => {
  it('simulate on the history log ends both exclusivities on 2026-04-27 and the revenue share on 2031-01-01', async () => {
    const { code, out } = await cli('simulate', HISTORY_FILE, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { terms: { id: string; intervals: { from: string; until: string | null }[] }[] };
    const term = (id: string) => json.terms.find((t) => t.id === id)?.intervals.map((i) => [i.from, i.until]);
    expect(term('ip-exclusivity')).toEqual([[EFFECTIVE_DATE, AMENDED]]);
    expect(term('azure-api-exclusivity')).toEqual([[EFFECTIVE_DATE, AMENDED]]);
    expect(term('revenue-share-to-openai')).toEqual([[EFFECTIVE_DATE, AMENDED]]);
    expect(term('revenue-share')).toEqual([[EFFECTIVE_DATE, SUNSET]]);
    expect(term('model-product-ip')).toEqual([[EFFECTIVE_DATE, '2033-01-01']]);
  });

  it('permits the Bedrock launch because it shipped first on Azure (S4), and every event has a source', () => {
    const replayed = replay(historyLog(), { assumptions: DEFAULT_ASSUMPTIONS });
    const launch = replayed.findings.find((finding) => finding.type === 'product.launched');
    expect(launch?.verdict).toBe('permitted');
    for (const { event } of historyLog()) expect(event.source, event.type).toMatch(/^https:\/\//);
  });

  it('holds for every continuation of the history, under every assumption', () => {
    const history = historyLog();
    fc.assert(
      fc.property(continuationArbitrary(history, isoDate('2026-04-28')), ({ assumptions, events }) => {
        const replayed = replay(events, { assumptions });
        for (const term of ['ip-exclusivity', 'azure-api-exclusivity', 'revenue-share-to-openai'] as const) {
          expect(replayed.timelines[term].map((i) => [i.from, i.until])).toEqual([[EFFECTIVE_DATE, AMENDED]]);
        }
        const [share, ...more] = replayed.timelines['revenue-share'];
        expect(more).toEqual([]);
        expect(share?.from).toBe(EFFECTIVE_DATE);
        const cap = assumptions['revenue-share-cap-usd'];
        if (share?.until === SUNSET && share.endedBy?.event === 'calendar.sunset') {
          expect(replayed.context.ledger.revenueShareAccruedUsd).toBeLessThan(cap);
        } else {
          // Ended early: only by reaching the cap, on the revenue line that reached it.
          expect(share?.endedBy?.event).toBe('revenue.recognized');
          expect(share?.until && share.until < SUNSET).toBe(true);
          expect(replayed.context.ledger.revenueShareAccruedUsd).toBe(cap);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('S4 verification after the amendment', () => {
  it('ends neither the revenue share nor anything S4 already ended, on any dates and assumptions', () => {
    const history = historyLog();
    const after = dateArbitrary().filter((date) => date >= '2026-04-28');
    // No panel deadline, so the verification always comes in time (C2).
    const noDeadline = assumptionsArbitrary().map((a) => ({ ...a, 'panel-deadline-days': null }));
    fc.assert(
      fc.property(noDeadline, after, after, (assumptions, a, b) => {
        const [declared, verified] = a <= b ? [a, b] : [b, a];
        const events = [
          ...history,
          { line: 5, event: { type: 'agi.declared', date: declared } },
          { line: 6, event: { type: 'panel.verified', date: verified } },
        ] as LoggedEvent[];
        const replayed = replay(events, { assumptions });
        expect(replayed.agi).toBe('verified');
        expect(replayed.timelines['revenue-share'].map((i) => [i.from, i.until])).toEqual([[EFFECTIVE_DATE, SUNSET]]);
        expect(replayed.timelines['azure-api-exclusivity'].map((i) => [i.from, i.until])).toEqual([
          [EFFECTIVE_DATE, AMENDED],
        ]);
        const research = replayed.timelines['research-ip'].map((i) => i.until);
        // Under s4-agi-clause=removed (R2's reading) no AGI event ends a term after S4.
        const endsOnVerification = assumptions['s4-agi-clause'] === 'revenue-share-only' && verified < SUNSET;
        expect(research).toEqual([endsOnVerification ? verified : SUNSET]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('S4 in dealsim explain', () => {
  it('names the amendment that re-timed a term once it applies, and not before or for terms it leaves alone', async () => {
    const amendedBy = async (term: string, at: string) => {
      const { out } = await cli('explain', HISTORY_FILE, term, '--at', at, '--json');
      return (JSON.parse(out) as { amendedBy: { id: string }[] }).amendedBy.map((a) => a.id);
    };
    expect(await amendedBy('revenue-share', '2029-01-01')).toEqual(['2026-04-27']);
    expect(await amendedBy('revenue-share', '2026-03-01')).toEqual([]);
    expect(await amendedBy('research-ip', '2029-01-01')).toEqual([]);
    const text = await cli('explain', HISTORY_FILE, 'azure-api-exclusivity', '--at', '2027-01-01');
    // The rule in force is stated once: S4's, which ended it, not the October 2025 one.
    expect(text.out).toContain(
      'Ends, by the rule in force on 2027-01-01 (amendment 2026-04-27, S4): ended by amendment 2026-04-27 on its date.',
    );
    expect(text.out).not.toContain('until the panel verifies');
  });
});

describe('S4 revenue-share-cap-usd', () => {
  it('ends the revenue share on the amendment date when the accrued total already reached the cap', () => {
    const log = logOf([
      { type: 'revenue.recognized', date: '2026-01-15', amountUsd: 20e9 },
      { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' },
      { type: 'revenue.recognized', date: '2026-06-01', amountUsd: 20e9 },
    ]);
    const replayed = replay(log, { assumptions: { ...DEFAULT_ASSUMPTIONS, 'revenue-share-cap-usd': 3e9 } });
    expect(replayed.timelines['revenue-share'].map((i) => [i.from, i.until])).toEqual([[EFFECTIVE_DATE, AMENDED]]);
    // $4B accrued before the amendment at 20%; nothing accrues after it.
    expect(replayed.context.ledger.revenueShareAccruedUsd).toBe(4e9);
  });
});

describe('S3 the 2026-02-27 clarification of C6', () => {
  const launch = (date: string, thirdParty?: string) => ({
    type: 'product.launched',
    date,
    name: 'ChatGPT on another cloud',
    api: false,
    cloud: 'gcp',
    ...(thirdParty && { thirdParty }),
  });
  const verdict = (events: Record<string, unknown>[], reading: 'restates' | 'azure-only' = 'azure-only') =>
    replay(logOf(events as never), { assumptions: { ...DEFAULT_ASSUMPTIONS, 's3-first-party': reading } }).findings.at(
      -1,
    )?.verdict;
  const clarified = { type: 'agreement.amended', date: '2026-02-27', amendment: '2026-02-27' };

  it('under s3-first-party=azure-only judges an off-Azure first-party product a breach from its date, not before', () => {
    expect(verdict([launch('2026-02-26')])).toBe('permitted');
    expect(verdict([clarified, launch('2026-03-01')])).toBe('breach');
  });

  it('under the default s3-first-party=restates changes nothing: a first-party non-API product off Azure is permitted (C6)', () => {
    expect(verdict([clarified, launch('2026-03-01')], 'restates')).toBe('permitted');
  });

  it('still permits a non-API product developed with a third party on any cloud (C6)', () => {
    expect(verdict([clarified, launch('2026-03-01', 'Amazon')])).toBe('permitted');
  });

  it('gives way to S4’s Azure-first rule on 2026-04-27', () => {
    const s4 = { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' };
    expect(verdict([clarified, s4, launch('2026-05-01')])).toBe('undetermined');
    expect(verdict([clarified, s4, { ...launch('2026-05-01'), azureFirst: false }])).toBe('breach');
    expect(verdict([clarified, s4, { ...launch('2026-05-01'), azureFirst: true }])).toBe('permitted');
    const exception = { azureCannotSupport: true, azureChoosesNotToSupport: true };
    expect(verdict([clarified, s4, { ...launch('2026-05-01'), ...exception }])).toBe('permitted');
  });
});
