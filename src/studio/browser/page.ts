/// <reference lib="dom" />
/**
 * The studio's page script: the state of the view (the user's future, the history choice, the
 * assumptions, the date cursor, a comparison), and on every change one replay through the same
 * statechart, kernel and replay the CLI runs, then every panel redrawn from that one answer.
 * The view lives in the URL fragment, so a link restores it.
 */
import { FUTURES } from 'studio:examples';
import { EFFECTIVE_DATE, fromDayNumber, type IsoDate, parseIsoDate, toDayNumber } from '../../domain/dates.ts';
import { DealsimError } from '../../domain/errors.ts';
import type { LogEvent } from '../../domain/events.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERM_IDS, TERMS, type TermId } from '../../domain/terms.ts';
import HISTORY_TEXT from '../../history/real-history.jsonl';
import { type LoggedEvent, parseLog } from '../../log/parse.ts';
import { explain } from '../../replay/explain.ts';
import type { Finding, MissingFact } from '../../replay/findings.ts';
import { describeCause, type Interval } from '../../replay/intervals.ts';
import type { IntervalJson, SimulationJson } from '../../replay/report.ts';
import { eventLabel } from '../../visual/event-label.ts';
import { dealChart } from '../../visual/statechart.ts';
import { regionsOf } from '../../visual/steps.ts';
import { axisRange, renderTimeline, type TimelineSide } from '../../visual/timeline.ts';
import { FragmentError, fromFragment, type HistoryChoice, type StudioView, toFragment } from '../fragment.ts';
import { builtinHistory, futureText, type Simulation, sentence, simulateView } from '../simulation.ts';
import { AssumptionsForm } from './assumptions-form.ts';
import { byId, el, identity, KeyedRows, say, setText, showSvg, sourceLink } from './dom.ts';
import { EventForm } from './event-form.ts';
import { MonteCarloPanel } from './montecarlo-panel.ts';
import { SvgView } from './svg-view.ts';

const chart = dealChart();
const regions = regionsOf(chart);
const realHistory = builtinHistory(HISTORY_TEXT);

interface Compare {
  mode: 'off' | 'assume' | 'future';
  futureText: string;
}

const state = {
  future: [] as LogEvent[],
  history: 'real' as HistoryChoice,
  /** The date the user chose; null follows the last event. */
  at: null as IsoDate | null,
  compare: { mode: 'off', futureText: '' } as Compare,
};

let current: Simulation | null = null;
let renders = 0;

const assumptions = new AssumptionsForm(byId('assumptions'), 'assume-', () => update());
const vsAssumptions = new AssumptionsForm(byId('compare-assume'), 'vs-assume-', () => update());
const form = new EventForm({
  future: () => state.future,
  commit: (candidate, done, started) => {
    const tried = attempt(candidate);
    if (typeof tried === 'string') return tried;
    state.future = candidate;
    update(done, tried, started);
    return null;
  },
  editing: (index) => {
    for (const row of byId('future-body').querySelectorAll('tr')) {
      row.classList.toggle('editing', Number(row.dataset.index) === index);
    }
  },
});
new MonteCarloPanel();

/** `future` replayed as the view's future, or why it cannot be one, in the CLI's words. */
function attempt(future: LogEvent[]): Simulation | string {
  try {
    return simulateView({ future, history: state.history, assume: assumptions.pairs() }, realHistory, chart);
  } catch (error) {
    if (!(error instanceof DealsimError)) throw error;
    return error.describe();
  }
}

function view(): StudioView {
  const vs =
    state.compare.mode === 'off'
      ? undefined
      : state.compare.mode === 'future'
        ? { future: state.compare.futureText, assume: vsAssumptions.pairs() }
        : { assume: vsAssumptions.pairs() };
  return {
    future: futureText(state.future),
    assume: assumptions.pairs(),
    history: state.history,
    ...(state.at !== null && { at: state.at }),
    ...(vs && { vs }),
  };
}

/**
 * Replays the view (unless `replayed` already holds its replay) and redraws the answers: the
 * future, terms, statechart, timeline and findings at once; the explanation and the comparison,
 * which replay the future again under other readings, in a task of their own right after, so an
 * edit shows its answer without waiting for them. `done` is announced when it succeeds;
 * `started` is when the change began (the replay may have run before), for the page's own timing.
 */
function update(done?: string, replayed?: Simulation, started = performance.now()): void {
  const render = ++renders;
  let simulation: Simulation | null = null;
  const tried = replayed ?? attempt(state.future);
  if (typeof tried === 'string') say(byId('view-error'), `This view is not a valid future: ${tried}`);
  else {
    simulation = tried;
    say(byId('view-error'), null);
  }
  current = simulation;
  renderFuture();
  if (simulation) {
    renderTerms(simulation);
    renderTimeline1(simulation);
    renderFindings(simulation);
    byId('answers-json').textContent = JSON.stringify(simulation.json, null, 2);
  } else {
    for (const id of ['terms-body', 'findings-body', 'explain-out', 'compare-out']) byId(id).replaceChildren();
    timeline.clear();
    byId('answers-json').textContent = '';
    setText(byId('ledger'), '');
  }
  renderCursor();
  byId('explain-out').setAttribute('aria-busy', 'true');
  byId('compare-out').setAttribute('aria-busy', 'true');
  // After the frame that shows the answer has been drawn: then the slower panels.
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => settle(render), 0)));
  const ms = performance.now() - started;
  performance.measure('studio:update', { start: started, duration: ms });
  byId('status').textContent =
    `${done ? `${done[0]?.toUpperCase()}${done.slice(1)}; ` : ''}replayed ${simulation?.events.length ?? 0} events and redrew in ${ms.toFixed(1)} ms.`;
  document.body.dataset.renders = String(renders);
}

/** The explanation and the comparison of update `render`, unless a newer update superseded it. */
function settle(render: number): void {
  if (render !== renders) return;
  writeLocation();
  renderCompare();
  renderExplain();
  byId('explain-out').removeAttribute('aria-busy');
  byId('compare-out').removeAttribute('aria-busy');
  document.body.dataset.settled = String(render);
}

/** `history 7` for a line of the real history, `your line 2` for one of the user's. */
function originLabel(line: number, origin?: string | null): string {
  return origin ? `${origin} ${line}` : `your line ${line}`;
}

function statusCell(event: LogEvent): HTMLElement {
  const status = event.status ?? 'hypothetical';
  return el('td', { class: `status-${status}` }, status);
}

function renderHistory(): void {
  byId('history-count').textContent = String(realHistory.events.length);
  byId('history-table').replaceChildren(
    ...realHistory.events.map(({ event }) =>
      el(
        'tr',
        {},
        el('td', { class: 'mono' }, event.date),
        el(
          'td',
          {},
          el('strong', {}, event.type),
          ` ${eventLabel(event)}`,
          event.note ? el('div', { class: 'hint' }, event.note) : null,
        ),
        statusCell(event),
        el('td', {}, sourceLink(event.source)),
      ),
    ),
  );
}

const futureRows = new KeyedRows<LogEvent>(
  byId('future-body'),
  (event, index) => `${index}|${identity(event)}`,
  (event, index) => {
    const edit = el('button', { type: 'button', 'aria-label': `Edit line ${index + 1}` }, 'Edit');
    edit.addEventListener('click', () => form.edit(index));
    const remove = el('button', { type: 'button', 'aria-label': `Delete line ${index + 1}` }, 'Delete');
    remove.addEventListener('click', () => removeEvent(index));
    return el(
      'tr',
      { 'data-index': String(index) },
      el('td', {}, String(index + 1)),
      el('td', { class: 'mono' }, event.date),
      el(
        'td',
        {},
        el('strong', {}, event.type),
        ` ${eventLabel(event)}`,
        event.note ? el('div', { class: 'hint' }, event.note) : null,
      ),
      statusCell(event),
      el('td', { class: 'actions' }, edit, remove),
    );
  },
);

function renderFuture(): void {
  byId('future-empty').hidden = state.future.length > 0;
  futureRows.render(state.future);
}

function removeEvent(index: number): void {
  const candidate = state.future.filter((_, i) => i !== index);
  const started = performance.now();
  const tried = attempt(candidate);
  if (typeof tried === 'string') {
    say(byId('import-error'), `Line ${index + 1} cannot be deleted: without it ${tried}`);
    return;
  }
  say(byId('import-error'), null);
  form.stopEditing();
  state.future = candidate;
  update(`deleted line ${index + 1}`, tried, started);
}

/** `your line 2: panel.verified`, `calendar 2031-01-01: sunset (through 2030)`, with the record's status and source. */
function endedBy(simulation: Simulation, interval: IntervalJson): Node[] {
  if (interval.until === null) return [document.createTextNode('no end in this future')];
  if (interval.endedByLine === null) return [document.createTextNode(`ended by ${interval.endedBy ?? 'the calendar'}`)];
  const logged = simulation.lineOf(interval.endedByLine, interval.endedByOrigin) as LoggedEvent;
  const said = `ended by ${originLabel(interval.endedByLine, interval.endedByOrigin)}: ${logged.event.type} (${logged.event.status ?? 'hypothetical'}`;
  if (logged.event.source === undefined) return [document.createTextNode(`${said})`)];
  return [document.createTextNode(`${said}, `), sourceLink(logged.event.source), document.createTextNode(')')];
}

/** A term's row with what it shows: the row is kept while its intervals and their causes stay. */
interface ShownTerm {
  readonly term: SimulationJson['terms'][number];
  readonly simulation: Simulation;
}

const termRows = new KeyedRows<ShownTerm>(
  byId('terms-body'),
  ({ term, simulation }) =>
    `${term.id}|${JSON.stringify(term.intervals)}|${term.intervals
      .map((interval) =>
        interval.endedByLine === null
          ? ''
          : identity((simulation.lineOf(interval.endedByLine, interval.endedByOrigin) as LoggedEvent).event),
      )
      .join(',')}`,
  ({ term, simulation }) => {
    const spec = TERMS[term.id];
    const list = el(
      'ul',
      { class: 'intervals' },
      ...(term.intervals.length === 0
        ? [el('li', {}, 'never held')]
        : term.intervals.map((interval) =>
            el(
              'li',
              {},
              el('span', { class: 'mono' }, `[${interval.from}, ${interval.until ?? '…'})`),
              ' ',
              ...endedBy(simulation, interval),
            ),
          )),
    );
    return el(
      'tr',
      { id: `term-${term.id}`, 'data-term': term.id },
      el('td', {}, el('code', {}, term.id)),
      el('td', {}, `${spec.holder === 'microsoft' ? 'Microsoft' : 'OpenAI'}, ${spec.kind}`),
      el('td', {}, spec.cited),
      el('td', { id: `term-status-${term.id}` }),
      el('td', {}, list),
    );
  },
);

function renderTerms(simulation: Simulation): void {
  termRows.render(simulation.json.terms.map((term) => ({ term, simulation })));
  const ledger = simulation.json.ledger;
  setText(
    byId('ledger'),
    `Ledger: Azure purchased ${formatUsd(ledger.azurePurchasedUsd)} of ${formatUsd(ledger.azureCommitmentUsd)}; revenue recognised ${formatUsd(ledger.revenueRecognizedUsd)}; revenue share accrued to Microsoft ${formatUsd(ledger.revenueShareAccruedUsd)}.`,
  );
}

function sideLabel(which: string, pairs: readonly string[]): string {
  const reading = pairs.length === 0 ? 'default assumptions' : pairs.join(', ');
  return `${which} (${state.history === 'real' ? 'after the real history' : 'as signed'}; ${reading})`;
}

function timelineSide(simulation: Simulation, label: string): TimelineSide {
  return { label, replayed: simulation.collected.replayed, events: simulation.events };
}

const timeline = new SvgView(byId('timeline'));

function renderTimeline1(simulation: Simulation): void {
  const svg = renderTimeline([timelineSide(simulation, sideLabel('your future', assumptions.pairs()))], {
    cursor: true,
  });
  timeline.show(svg);
}

/** A finding with what its row shows besides it: where its line came from and the event. */
interface ShownFinding {
  readonly finding: Finding;
  readonly origin: string;
  readonly event: LogEvent;
}

const findingRows = new KeyedRows<ShownFinding>(
  byId('findings-body'),
  ({ finding, origin, event }) =>
    `${origin}|${identity(event)}|${finding.verdict}|${finding.clause}|${finding.reason}|${JSON.stringify(finding.missingFacts ?? null)}`,
  ({ finding, origin, event }) => {
    const verdictCell = el('td', { class: `verdict-${finding.verdict}`, tabindex: '-1' }, finding.verdict);
    verdictCell.append(...missingFactButtons(finding));
    return el(
      'tr',
      finding.origin === undefined ? { 'data-line': String(finding.line), 'data-clause': finding.clause } : {},
      el('td', {}, origin),
      el('td', { class: 'mono' }, finding.date),
      el('td', {}, `${finding.type} ${eventLabel(event)}`),
      verdictCell,
      el('td', {}, finding.clause),
      el('td', {}, finding.reason),
      el('td', {}, `${event.status ?? 'hypothetical'} `, sourceLink(event.source)),
    );
  },
);

function renderFindings(simulation: Simulation): void {
  const findings = simulation.collected.replayed.findings;
  byId('findings-empty').hidden = findings.length > 0;
  findingRows.render(
    findings.map((finding) => ({
      finding,
      origin: originLabel(finding.line, finding.origin),
      event: (simulation.lineOf(finding.line, finding.origin) as LoggedEvent).event,
    })),
  );
}

/**
 * For an `undetermined` verdict on one of the user's lines (CLAUSES.md, "Conduct events and
 * their verdicts"): for each missing fact, "assume true" and "assume false", each saying the
 * verdict that value gives when it alone is missing. A click writes the fact into the event, as
 * if the user had written the field, and replays; the focus goes to the new verdict. A line of
 * the real history is the public record and is not edited: its missing facts are named.
 */
function missingFactButtons(finding: Finding): Node[] {
  const { verdict, missingFacts = [], outcomes = [], line, origin } = finding;
  if (verdict !== 'undetermined' || missingFacts.length === 0) return [];
  if (origin !== undefined) {
    return [
      el(
        'div',
        { class: 'hint' },
        `missing: ${missingFacts.join(', ')} (the public record does not say; the real history is not edited here)`,
      ),
    ];
  }
  return missingFacts.map((fact) => {
    const buttons = [true, false].map((value) => {
      const gives = missingFacts.length === 1 ? outcomes.find((outcome) => outcome.facts[fact] === value) : undefined;
      const shown = `assume ${value}${gives ? ` → ${gives.verdict}` : ''}`;
      const button = el('button', { type: 'button', 'aria-label': `${shown} (${fact} on your line ${line})` }, shown);
      button.addEventListener('click', () => assumeFact(line, fact, value, finding.clause));
      return button;
    });
    return el('div', { class: 'assume-fact' }, el('span', { class: 'hint' }, `${fact}: `), ...buttons);
  });
}

/** Writes `fact: value` into the user's line `line`, replays, and focuses the line's new finding. */
function assumeFact(line: number, fact: MissingFact, value: boolean, clause: string): void {
  const index = line - 1;
  const candidate = [...state.future];
  candidate[index] = { ...(candidate[index] as LogEvent), [fact]: value } as LogEvent;
  const started = performance.now();
  const tried = attempt(candidate);
  if (typeof tried === 'string') {
    say(byId('import-error'), `${fact}=${value} cannot be assumed on your line ${line}: ${tried}`);
    return;
  }
  say(byId('import-error'), null);
  form.stopEditing();
  state.future = candidate;
  update(`assumed ${fact}=${value} on your line ${line}`, tried, started);
  const row =
    byId('findings-body').querySelector(`tr[data-line="${line}"][data-clause="${clause}"]`) ??
    byId('findings-body').querySelector(`tr[data-line="${line}"]`);
  row?.querySelector<HTMLElement>('td[tabindex]')?.focus();
}

/** The date the cursor shows: the user's, or the last event's. */
function cursorDate(): IsoDate {
  return state.at ?? current?.collected.replayed.lastEventDate ?? EFFECTIVE_DATE;
}

function axisEnd(): IsoDate {
  return current ? axisRange([timelineSide(current, '')]).to : ('2034-01-01' as IsoDate);
}

/** Highlights exactly the statechart states in `active`. */
function markActive(active: ReadonlySet<Element>): void {
  for (const node of byId('chart').querySelectorAll('g.state.active')) {
    if (!active.has(node)) node.classList.remove('active');
  }
  for (const node of active) if (!node.classList.contains('active')) node.classList.add('active');
}

/** Moves the cursor: the terms' status, the statechart's active states, the timeline's line. */
function renderCursor(): void {
  const at = cursorDate();
  const slider = byId<HTMLInputElement>('at-slider');
  const day0 = toDayNumber(EFFECTIVE_DATE);
  const max = String(toDayNumber(axisEnd()) - day0);
  if (slider.max !== max) slider.max = max;
  const value = String(toDayNumber(at) - day0);
  if (slider.value !== value) slider.value = value;
  if (slider.getAttribute('aria-valuetext') !== at) slider.setAttribute('aria-valuetext', at);
  const dateInput = byId<HTMLInputElement>('at-date');
  if (document.activeElement !== dateInput) dateInput.value = at;
  // Only the states that changed change class: the statechart is not styled again as a whole.
  const active = new Set<Element>();
  if (!current) {
    markActive(active);
    setText(byId('at-summary'), '');
    return;
  }
  const steps = current.collected.steps;
  let step = steps[0];
  for (const candidate of steps) {
    if (candidate[0] > at) break;
    step = candidate;
  }
  const codes = step?.[3] ?? '';
  const holding: string[] = [];
  regions.forEach((region, r) => {
    const state1 = region.states[parseInt(codes[r] ?? '0', 36)];
    if (!state1) return;
    const node = document.getElementById(`state:${state1.id}`);
    if (node) active.add(node);
    if (region.term === null) return;
    const cell = document.getElementById(`term-status-${region.term}`);
    if (!cell) return;
    if (cell.className !== state1.status) cell.className = state1.status;
    setText(cell, state1.key === state1.status ? state1.status : `${state1.status} (${state1.key})`);
    if (state1.status === 'holding') holding.push(region.term);
  });
  markActive(active);
  const agi = regions.findIndex((region) => region.key === 'agi');
  const agiState = regions[agi]?.states[parseInt(codes[agi] ?? '0', 36)]?.key ?? 'none';
  setText(
    byId('at-summary'),
    `On ${at}: AGI ${agiState}; ${holding.length} of ${TERM_IDS.length} terms hold (${holding.join(', ') || 'none'}).`,
  );
  const cursor = document.getElementById('timeline-cursor');
  const svg = cursor?.closest('svg');
  if (cursor && svg) {
    const x = Math.min(
      Number(svg.dataset.right),
      Number(svg.dataset.left) + (toDayNumber(at) - Number(svg.dataset.day0)) * Number(svg.dataset.pxPerDay),
    ).toFixed(1);
    if (cursor.getAttribute('x1') !== x) {
      cursor.setAttribute('x1', x);
      cursor.setAttribute('x2', x);
    }
  }
}

/**
 * Writes the view into the URL fragment. Chromium saves the scroll position with the entry, which
 * makes it lay the page out at once: called after a frame has been drawn, never between a
 * change to the page and its frame, where it would lay out the whole page a second time.
 */
function writeLocation(): void {
  const fragment = toFragment(view());
  if (location.hash !== fragment) window.history.replaceState(null, '', fragment);
}

let locationPending = false;

function moveCursor(date: IsoDate): void {
  state.at = date;
  renderCursor();
  if (locationPending) return;
  locationPending = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      locationPending = false;
      writeLocation();
    }, 0),
  );
}

function renderExplain(): void {
  const out = byId('explain-out');
  if (!current) return;
  const term = byId<HTMLSelectElement>('explain-term').value as TermId;
  const text = byId<HTMLInputElement>('explain-date').value.trim();
  const date = parseIsoDate(text);
  if (!date) {
    out.replaceChildren(
      el(
        'p',
        { class: 'error' },
        `The date ${JSON.stringify(text)} is not a calendar date. Fix: write it as YYYY-MM-DD, e.g. 2029-06-01.`,
      ),
    );
    return;
  }
  const simulation = current;
  const answer = explain(simulation.events, { assumptions: simulation.assumptions }, term, date);
  const interval = answer.interval as Interval | null;
  const rows: [string, Node | string][] = [
    ['holds', `${answer.holds ? 'yes' : 'no'} on ${date}`],
    [
      'interval',
      interval
        ? `[${interval.from}, ${interval.until ?? '…'})${interval.until === null ? ` no end as the future stands on ${date}` : ''}`
        : 'never held',
    ],
    ...(answer.later === null
      ? []
      : [
          [
            'later lines',
            answer.holds
              ? answer.later.until
                ? `end it on ${answer.later.until} instead${answer.later.endedBy ? ` (${describeCause(answer.later.endedBy)})` : ''}`
                : 'give it no end date'
              : `make it hold again from ${answer.later.from}${answer.later.startedBy ? ` (${describeCause(answer.later.startedBy)})` : ''}`,
          ] as [string, string],
        ]),
    [
      'last change',
      answer.lastChange
        ? `${answer.lastChange.date}: ${answer.lastChange.by.replace(/^line (\d+):/, 'your line $1:').replace(/^([\w-]+):(\d+):/, '$1 $2:')}`
        : 'none: it has stood since 2025-10-28',
    ],
    [
      'meaning',
      `${answer.term.meaning} Ends, by the rule in force on ${answer.date} (${answer.rule.by === 'base' ? 'the October 2025 terms, S1' : `amendment ${answer.rule.by}, ${answer.rule.source}`}): ${answer.rule.ends}.`,
    ],
    ...answer.clauses.map((clause): [string, string] => [clause.id, `${clause.text} (${clause.sources.join(', ')})`]),
    [
      'readings that matter',
      answer.mattered.length === 0
        ? 'none: no other reading of an ambiguous clause changes this answer'
        : answer.mattered
            .map(
              (effect) =>
                `${effect.key}=${effect.value}: ${effect.wouldHold ? `would hold${effect.wouldUntil ? ` until ${effect.wouldUntil}` : ''}` : 'would not hold'}`,
            )
            .join('; '),
    ],
    [
      'undisclosed figures',
      !answer.ranges || answer.ranges.length === 0
        ? 'none of the cap, rate, threshold or panel deadline changes this answer'
        : answer.ranges.map((range) => `${range.sentence} (now ${range.current})`).join('; '),
    ],
  ];
  out.replaceChildren(
    el('dl', { class: 'explain' }, ...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
  );
}

function renderCompare(): void {
  const mode = state.compare.mode;
  byId('compare-assume').hidden = mode !== 'assume';
  byId('compare-future').hidden = mode !== 'future';
  const out = byId('compare-out');
  say(byId('compare-error'), null);
  if (mode === 'off' || !current) {
    out.replaceChildren();
    return;
  }
  let other: Simulation;
  try {
    const future =
      mode === 'future'
        ? parseLog(state.compare.futureText, 'the other future').map(({ event }) => event)
        : state.future;
    const pairs = [...assumptions.pairs(), ...vsAssumptions.pairs()];
    other = simulateView({ future, history: state.history, assume: pairs }, realHistory, chart);
  } catch (error) {
    if (!(error instanceof DealsimError)) throw error;
    say(byId('compare-error'), error.describe());
    out.replaceChildren();
    return;
  }
  const a = current;
  const labelA = sideLabel('A: your future', assumptions.pairs());
  const labelB = sideLabel(mode === 'future' ? 'B: the other future' : 'B: your future', [
    ...assumptions.pairs(),
    ...vsAssumptions.pairs(),
  ]);
  const intervalsText = (simulation: Simulation, term: TermId) => {
    const list = simulation.json.terms.find((t) => t.id === term)?.intervals ?? [];
    return list.length === 0 ? 'never held' : list.map((i) => `[${i.from}, ${i.until ?? '…'})`).join(' ');
  };
  let differing = 0;
  const rows = TERM_IDS.map((term) => {
    const left = intervalsText(a, term);
    const right = intervalsText(other, term);
    const differs = left !== right;
    if (differs) differing++;
    return el(
      'tr',
      { class: differs ? 'differs' : undefined, 'data-term': term },
      el('td', {}, el('code', {}, term), differs ? el('span', { class: 'sr-only' }, ' (differs)') : null),
      el('td', { class: 'mono' }, left),
      el('td', { class: 'mono' }, right),
    );
  });
  const verdicts = (simulation: Simulation) =>
    simulation.json.findings.map((f) => `${f.date} ${f.type} ${f.verdict}`).join('\n');
  const table = el(
    'table',
    { id: 'compare-table' },
    el('caption', {}, `${differing} of ${TERM_IDS.length} terms differ (marked ≠)`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'term'),
        el('th', { scope: 'col' }, labelA),
        el('th', { scope: 'col' }, labelB),
      ),
    ),
    el('tbody', {}, ...rows),
  );
  const timelineHost = el('section', { class: 'timeline', tabindex: '0', 'aria-label': 'Timelines compared' });
  showSvg(timelineHost, renderTimeline([timelineSide(a, labelA), timelineSide(other, labelB)]), 'vs-');
  const sameVerdicts = verdicts(a) === verdicts(other);
  out.replaceChildren(
    el('section', { class: 'scroll', tabindex: '0', 'aria-label': 'Terms compared' }, table),
    el(
      'p',
      {},
      sameVerdicts
        ? 'The findings have the same verdicts on both sides.'
        : 'The findings differ between the two sides (see each side’s findings).',
    ),
    timelineHost,
  );
}

/** Loads a view: from the fragment, an example or an imported file. Returns the refusal, or null. */
function restore(next: StudioView, source: string): string | null {
  let future: LogEvent[];
  try {
    future = parseLog(next.future, source).map(({ event }) => event);
  } catch (error) {
    if (!(error instanceof DealsimError)) throw error;
    return error.describe();
  }
  try {
    assumptions.set(next.assume);
    vsAssumptions.set(next.vs?.assume ?? []);
  } catch (error) {
    if (!(error instanceof DealsimError)) throw error;
    return `${source}: ${sentence(error)}`;
  }
  const at = next.at === undefined ? null : (parseIsoDate(next.at) ?? null);
  state.future = future;
  state.history = next.history;
  state.at = at;
  state.compare = next.vs
    ? { mode: next.vs.future === undefined ? 'assume' : 'future', futureText: next.vs.future ?? '' }
    : { mode: 'off', futureText: state.compare.futureText };
  byId<HTMLInputElement>(`history-${next.history}`).checked = true;
  byId<HTMLSelectElement>('compare-mode').value = state.compare.mode;
  byId<HTMLTextAreaElement>('compare-text').value = state.compare.futureText;
  form.stopEditing();
  return null;
}

function restoreFromLocation(): void {
  let next: StudioView;
  try {
    next = fromFragment(location.hash);
  } catch (error) {
    if (!(error instanceof FragmentError)) throw error;
    say(
      byId('import-error'),
      `${error.message}. Fix: open the studio without the part after #, or ask for the link again.`,
    );
    update();
    return;
  }
  const refusal = restore(next, 'the link');
  say(byId('import-error'), refusal);
  update(refusal === null && location.hash.length > 1 ? 'restored the view from the link' : undefined);
}

async function importFile(file: File): Promise<void> {
  const text = await file.text();
  const { at: _at, ...rest } = view();
  const refusal = restore({ ...rest, future: text }, file.name);
  say(byId('import-error'), refusal);
  if (refusal === null) {
    state.at = null;
    update(`imported ${file.name}`);
  }
}

function setup(): void {
  renderHistory();
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="history"]')) {
    input.addEventListener('change', () => {
      state.history = input.value as HistoryChoice;
      update(`history: ${input.value}`);
    });
  }
  const examples = byId<HTMLSelectElement>('examples');
  const compareExamples = byId<HTMLSelectElement>('compare-example');
  compareExamples.append(el('option', { value: '' }, '(your own text below)'));
  FUTURES.forEach((future, index) => {
    const name = `${future.title} (${future.file})`;
    examples.append(el('option', { value: String(index) }, name));
    compareExamples.append(el('option', { value: String(index) }, name));
  });
  byId('load-example').addEventListener('click', () => {
    const example = FUTURES[Number(examples.value)];
    if (!example) return;
    const refusal = restore(
      { future: example.text, assume: example.assume, history: example.history === 'none' ? 'none' : 'real' },
      example.file,
    );
    say(byId('import-error'), refusal);
    if (refusal === null) update(`loaded ${example.file}: ${example.story}`);
  });
  compareExamples.addEventListener('change', () => {
    const example = FUTURES[Number(compareExamples.value)];
    if (!example) return;
    state.compare.futureText = example.text;
    byId<HTMLTextAreaElement>('compare-text').value = example.text;
    update();
  });
  byId<HTMLTextAreaElement>('compare-text').addEventListener('change', (event) => {
    state.compare.futureText = (event.target as HTMLTextAreaElement).value;
    update();
  });
  byId<HTMLSelectElement>('compare-mode').addEventListener('change', (event) => {
    state.compare.mode = (event.target as HTMLSelectElement).value as Compare['mode'];
    update();
  });
  const fileInput = byId<HTMLInputElement>('import-file');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void importFile(file);
    fileInput.value = '';
  });
  const drop = byId('drop-zone');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void importFile(file);
  });
  byId('export').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([futureText(state.future)], { type: 'application/jsonl' }));
    const link = el('a', { download: 'future.jsonl', hidden: true });
    link.href = url;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  byId('share').addEventListener('click', () => {
    const input = byId<HTMLInputElement>('share-url');
    writeLocation();
    input.value = location.href;
    input.focus();
    input.select();
  });
  byId('clear-future').addEventListener('click', () => {
    form.stopEditing();
    state.future = [];
    state.at = null;
    update('removed all your events');
  });
  const slider = byId<HTMLInputElement>('at-slider');
  slider.addEventListener('input', () => moveCursor(fromDayNumber(toDayNumber(EFFECTIVE_DATE) + Number(slider.value))));
  const dateInput = byId<HTMLInputElement>('at-date');
  dateInput.addEventListener('change', () => {
    const date = parseIsoDate(dateInput.value.trim());
    if (date && date >= EFFECTIVE_DATE) moveCursor(date);
    else
      byId('at-summary').textContent =
        `${JSON.stringify(dateInput.value)} is not a date on or after ${EFFECTIVE_DATE}. Fix: write it as YYYY-MM-DD.`;
  });
  const explainTerm = byId<HTMLSelectElement>('explain-term');
  for (const term of TERM_IDS) explainTerm.append(el('option', { value: term }, `${term} (${TERMS[term].cited})`));
  explainTerm.addEventListener('change', renderExplain);
  const explainDate = byId<HTMLInputElement>('explain-date');
  explainDate.value = '2030-12-31';
  explainDate.addEventListener('change', renderExplain);
  window.addEventListener('hashchange', () => {
    if (location.hash !== toFragment(view())) restoreFromLocation();
  });
  restoreFromLocation();
  document.body.dataset.ready = 'true';
}

setup();
