/// <reference lib="dom" />
/**
 * The Monte Carlo panel: pick or edit a spec, run it in a Web Worker (the worker's code is
 * bundled with the page and started from a blob: URL), watch the progress, stop it, and read
 * the same table and charts as `dealsim montecarlo --out DIR`.
 */
import { SPECS } from 'studio:examples';
import WORKER_SOURCE from 'studio:worker';
import { fromDayNumber, toDayNumber } from '../../domain/dates.ts';
import { DealsimError, InputError } from '../../domain/errors.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERM_IDS } from '../../domain/terms.ts';
import { describeHistory, type History, NO_HISTORY } from '../../history/history.ts';
import HISTORY_TEXT from '../../history/real-history.jsonl';
import { aggregate, type MonteCarloJson, QUANTILES } from '../../montecarlo/aggregate.ts';
import { cdfChart, researchIpHistogram } from '../../montecarlo/charts.ts';
import { allocateOutcomes } from '../../montecarlo/outcomes.ts';
import { parseSpec } from '../../montecarlo/spec.ts';
import { type RunSpec, startFrom, startTag } from '../../montecarlo/start.ts';
import { emptyTally, type Tally, tallyOutcomes } from '../../montecarlo/tally.ts';
import { builtinHistory, sentence } from '../simulation.ts';
import { byId, el, say, showSvg } from './dom.ts';
import { copyInto, type FromWorker } from './montecarlo-protocol.ts';

/** At most this many futures in one browser run: about 60 MB of outcome arrays. */
const MAX_FUTURES = 2_000_000;

export class MonteCarloPanel {
  private worker: Worker | null = null;
  private run = 0;
  private stopped = false;

  constructor() {
    const choice = byId<HTMLSelectElement>('mc-example');
    SPECS.forEach((spec, index) => choice.append(el('option', { value: String(index) }, spec.file)));
    const load = () => {
      byId<HTMLTextAreaElement>('mc-spec').value = SPECS[Number(choice.value)]?.text ?? '';
    };
    choice.addEventListener('change', load);
    load();
    byId('mc-run').addEventListener('click', () => this.start());
    byId('mc-stop').addEventListener('click', () => this.stop());
  }

  private fail(message: string): void {
    say(byId('mc-error'), message);
  }

  private whole(id: string, name: string, min: number, max: number): number | null {
    const text = byId<HTMLInputElement>(id).value.trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(
        `${name} ${JSON.stringify(text)} is not a whole number from ${min} to ${max.toLocaleString('en-US')}. Fix: write it as e.g. ${name === 'futures' ? '20000' : '1'}.`,
      );
      return null;
    }
    return value;
  }

  private start(): void {
    say(byId('mc-error'), null);
    let json: unknown;
    try {
      json = JSON.parse(byId<HTMLTextAreaElement>('mc-spec').value);
    } catch (error) {
      return this.fail(
        `The spec is not valid JSON (${(error as Error).message}). Fix: a spec is one JSON object; pick a shipped one to start from.`,
      );
    }
    let spec: RunSpec;
    try {
      const parsed = parseSpec(json);
      spec = startFrom(parsed, historyOf(parsed.history));
    } catch (error) {
      if (!(error instanceof DealsimError)) throw error;
      return this.fail(`The spec: ${sentence(error)}`);
    }
    const futures = this.whole('mc-futures', 'futures', 1, MAX_FUTURES);
    const seed = this.whole('mc-seed', 'seed', 0, 2 ** 31 - 1);
    if (futures === null || seed === null) return;
    this.worker?.terminate();
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    const worker = new Worker(url);
    URL.revokeObjectURL(url);
    this.worker = worker;
    this.stopped = false;
    const run = ++this.run;
    const outcomes = allocateOutcomes(futures);
    const chunk = Math.max(500, Math.ceil(futures / 100));
    let next = 0;
    let done = 0;
    const progress = byId<HTMLProgressElement>('mc-progress');
    progress.max = futures;
    progress.value = 0;
    byId<HTMLButtonElement>('mc-stop').disabled = false;
    byId<HTMLButtonElement>('mc-run').disabled = true;
    const started = performance.now();
    const ask = () => {
      const count = Math.min(chunk, futures - next);
      worker.postMessage({ kind: 'chunk', run, start: next, count });
      next += count;
    };
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.run !== run) return;
      if (data.kind === 'error') {
        this.finish(worker);
        return this.fail(`The worker stopped: ${data.message}`);
      }
      copyInto(outcomes, data.start, data.outcomes);
      done += data.count;
      progress.value = done;
      const seconds = (performance.now() - started) / 1000;
      byId('mc-status').textContent =
        `${done.toLocaleString('en-US')} of ${futures.toLocaleString('en-US')} futures (${Math.round(done / Math.max(seconds, 1e-3)).toLocaleString('en-US')}/s)`;
      if (done < futures && !this.stopped) return ask();
      this.finish(worker);
      const tally = tallyOutcomes(emptyTally(), outcomes, done);
      const { history } = spec.start;
      const sampleFrom = fromDayNumber(spec.start.sampleFromDay);
      this.show(
        aggregate(tally, { seed, horizon: spec.horizon, history, sampleFrom, requested: futures }),
        tally,
        toDayNumber(spec.horizon),
        `${startTag(spec.start)}; ${done.toLocaleString('en-US')} futures, seed ${seed}`,
      );
      byId('mc-status').textContent =
        done < futures
          ? `Stopped: ${done.toLocaleString('en-US')} of ${futures.toLocaleString('en-US')} futures done; the results cover those.`
          : `Done: ${done.toLocaleString('en-US')} futures in ${seconds.toFixed(1)} s.`;
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.finish(worker);
      this.fail(`The worker failed: ${event.message}`);
    };
    worker.postMessage({ kind: 'start', run, spec, seed }); // plain data: the history's events go along
    ask();
  }

  private stop(): void {
    this.stopped = true;
    byId<HTMLButtonElement>('mc-stop').disabled = true;
  }

  private finish(worker: Worker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = null;
    byId<HTMLButtonElement>('mc-stop').disabled = true;
    byId<HTMLButtonElement>('mc-run').disabled = false;
  }

  private show(result: MonteCarloJson, tally: Tally, horizonDay: number, subtitle: string): void {
    const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
    const head = ['term', 'ended by an event', 'by the calendar', 'never', ...QUANTILES.map((q) => `p${q} end`)];
    const table = el(
      'table',
      { id: 'mc-table' },
      el(
        'caption',
        {},
        `${describeHistory(result.history)}. ${result.futures.toLocaleString('en-US')} futures, seed ${result.seed}, sampled from ${result.sampleFrom} to ${result.horizon}`,
      ),
      el('thead', {}, el('tr', {}, ...head.map((text) => el('th', { scope: 'col' }, text)))),
      el(
        'tbody',
        {},
        ...result.terms.map((term) =>
          el(
            'tr',
            {},
            el('td', {}, el('code', {}, term.id)),
            el('td', {}, percent(term.endedByEventFraction)),
            el('td', {}, percent(term.endedByCalendarFraction)),
            el('td', {}, percent(term.neverEndsFraction)),
            ...QUANTILES.map((q) => el('td', { class: 'mono' }, term.until[`p${q}`] ?? 'never')),
          ),
        ),
      ),
    );
    const { years, accruedUsd } = result.revenueShare;
    const summary = el(
      'p',
      {},
      `Revenue share (C9): held ${years.mean.toFixed(1)} years on average (p5 ${years.p5.toFixed(1)}, p95 ${years.p95.toFixed(1)}); accrued to Microsoft: mean ${formatUsd(accruedUsd.mean)}, p50 ${formatUsd(accruedUsd.p50)}. Breaches: ${Object.entries(
        result.breaches,
      )
        .map(([clause, p]) => `${clause} ${percent(p)}`)
        .join(', ')} of futures. AGI at the end: ${Object.entries(result.agi)
        .map(([key, p]) => `${key.replace('Fraction', '')} ${percent(p)}`)
        .join(', ')}.`,
    );
    const charts = el('div', { class: 'mc-charts' });
    const add = (svg: string, label: string) => {
      const host = el('figure', { class: 'mc-chart', 'aria-label': label });
      showSvg(host, svg);
      charts.append(host);
    };
    add(researchIpHistogram(tally, horizonDay, subtitle), 'research-ip end dates by cause');
    for (const term of TERM_IDS) {
      add(cdfChart(term, tally, horizonDay, subtitle), `${term}: fraction of futures in which it has ended`);
    }
    byId('mc-results').replaceChildren(
      el('section', { class: 'scroll', tabindex: '0', 'aria-label': 'Monte Carlo results' }, table),
      summary,
      charts,
    );
  }
}

let realHistory: History | undefined;

/** The history a spec names, as the studio has it: the real history or none (no files in a browser). */
function historyOf(choice: string): History {
  if (choice === 'none') return NO_HISTORY;
  if (choice === 'builtin') {
    realHistory ??= builtinHistory(HISTORY_TEXT);
    return realHistory;
  }
  throw new InputError(`history: the studio cannot read the history file "${choice}"`, {
    hint: 'set "history" to "builtin" (the real history) or "none", or run the spec with "dealsim montecarlo"',
  });
}
