/**
 * The time-travel report: one self-contained HTML file (CSS, script and SVG inline, a strict
 * Content-Security-Policy that allows only those hashed inline blocks, no request leaves the
 * page). A stepper walks the log's events and calendar deadlines; each step shows its date,
 * event, findings, the terms holding, and highlights the active states in the statechart. Pure:
 * the caller supplies the rendered chart SVG and the explanations; nothing here reads a file.
 */
import { createHash } from 'node:crypto';
import { ASSUMPTION_KEYS, ASSUMPTIONS, type Assumptions, formatAssumption } from '../domain/assumptions.ts';
import { clauseById } from '../domain/clauses.ts';
import { TERM_IDS, TERMS, type TermId } from '../domain/terms.ts';
import { type LoggedEvent, lineRef } from '../log/parse.ts';
import { describeCause } from '../replay/intervals.ts';
import { escapeMarkup, jsonForScript } from './markup.ts';
import { REPORT_JS } from './report-client.ts';
import { REPORT_CSS } from './report-style.ts';
import type { ChartNode } from './statechart.ts';
import { type ReportSteps, regionsOf } from './steps.ts';

export interface ReportInput {
  /** The log's name as the user gave it. */
  readonly file: string;
  /** Which deal the future was replayed on, in one line (see `describeHistory`). */
  readonly history?: string;
  /** The history's lines and the file's, merged by date, as replayed. */
  readonly events: readonly LoggedEvent[];
  readonly chart: ChartNode;
  readonly collected: ReportSteps;
  /** The statechart as SVG (Graphviz output); state nodes carry `id="state:<id>"`. */
  readonly chartSvg: string;
  /** The timeline SVG, drawn with a cursor. */
  readonly timelineSvg: string;
  /** Per term, `dealsim explain` text, or null when it was not computed (see `explainNote`). */
  readonly explanations: Readonly<Record<TermId, string | null>>;
  /** Why explanations are missing, and how to get them. */
  readonly explainNote?: string;
  /** The date the explanations are for. */
  readonly explainedAt: string;
}

const CSP_HASH = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy: nothing but the page's own hashed style and script; images only as data URLs. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src ${CSP_HASH(REPORT_JS)}`,
    `style-src ${CSP_HASH(REPORT_CSS)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Graphviz's SVG without its XML prologue, ready to inline. */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new TypeError('not an SVG document');
  return svg.slice(start).replace(/<!--[\s\S]*?-->/g, '');
}

function pageData(input: ReportInput): unknown {
  const { replayed, steps, findings } = input.collected;
  return {
    regions: regionsOf(input.chart),
    intervals: Object.fromEntries(
      TERM_IDS.map((term) => [
        term,
        replayed.timelines[term].map((interval) => [
          interval.from,
          interval.until,
          interval.endedBy ? describeCause(interval.endedBy) : null,
        ]),
      ]),
    ),
    events: input.events.map(({ line, event, origin }) => ({ line: lineRef(line, origin), event })),
    findings,
    steps,
  };
}

function assumptionsTable(assumptions: Assumptions): string {
  const rows = ASSUMPTION_KEYS.map((key) => {
    const spec = ASSUMPTIONS[key];
    const value = formatAssumption(key, assumptions[key]);
    const byDefault = formatAssumption(key, spec.default);
    const cls = value === byDefault ? '' : ' class="nondefault"';
    return `<tr><td><code>${escapeMarkup(key)}</code></td><td${cls}><code>${escapeMarkup(value)}</code></td><td><code>${escapeMarkup(byDefault)}</code></td><td>${spec.clause}</td><td>${escapeMarkup(spec.meaning)}</td></tr>`;
  });
  return `<table><thead><tr><th>assumption</th><th>value used</th><th>default</th><th>clause</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function termsTable(): string {
  const rows = TERM_IDS.map((term) => {
    const spec = TERMS[term];
    const holder = spec.holder === 'microsoft' ? 'Microsoft' : 'OpenAI';
    return `<tr id="term-${term}" data-term="${term}" data-status=""><td><code>${term}</code></td><td>${holder}, ${spec.kind}</td><td>${spec.cited}</td><td class="status" id="term-status-${term}"></td><td id="term-interval-${term}" class="mono"></td></tr>`;
  });
  return `<table id="terms"><caption class="sr-only">Terms at the selected step</caption><thead><tr><th>term</th><th>holder</th><th>clauses</th><th>status after this step</th><th>interval on this date</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function explanations(input: ReportInput): string {
  const parts = TERM_IDS.map((term) => {
    const spec = TERMS[term];
    const text = input.explanations[term];
    const clauses = spec.clauses
      .map((id) => {
        const clause = clauseById(id);
        return `<p><strong>${clause.id}</strong> (${clause.sources.join(', ')}): ${escapeMarkup(clause.text)}</p>`;
      })
      .join('');
    const body =
      text === null
        ? `<p>${escapeMarkup(spec.meaning)} Ends: ${escapeMarkup(spec.ends)}.</p>${clauses}`
        : `<pre>${escapeMarkup(text)}</pre>`;
    return `<details id="explain-${term}"><summary>${term} (${spec.cited})</summary>${body}</details>`;
  });
  const note = input.explainNote ? `<p class="hint">${escapeMarkup(input.explainNote)}</p>` : '';
  return `<p>What <code>dealsim explain</code> says about each term on ${escapeMarkup(input.explainedAt)}, the date of the log's last event, with the clause text.</p>${note}${parts.join('')}`;
}

function breaches(input: ReportInput): string {
  const found = input.collected.findings.filter(([, verdict]) => verdict === 'breach');
  if (found.length === 0) return '<p>No breach in this future.</p>';
  const shown = found.slice(0, 200);
  const items = shown.map(
    ([ref, , clause, reason]) => `<li>${escapeMarkup(ref)}: <strong>${clause}</strong> ${escapeMarkup(reason)}</li>`,
  );
  const more = found.length > shown.length ? `<p>…and ${found.length - shown.length} more.</p>` : '';
  return `<ul>${items.join('')}</ul>${more}`;
}

/** The whole report as one HTML document. */
export function renderReport(input: ReportInput): string {
  const { replayed, steps } = input.collected;
  const agi = replayed.context.agi;
  const amendments = replayed.context.applied;
  const breachCount = input.collected.findings.filter(([, verdict]) => verdict === 'breach').length;
  const summary = [
    `${input.events.length} log event${input.events.length === 1 ? '' : 's'}, ${steps.length - 1} steps with calendar deadlines`,
    `AGI at the end: ${replayed.agi}${agi.verifiedOn ? ` (verified ${agi.verifiedOn})` : ''}`,
    `amendments: ${amendments.length === 0 ? 'none' : amendments.join(', ')}`,
    `${breachCount} breach${breachCount === 1 ? '' : 'es'}`,
  ].join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>dealsim report: ${escapeMarkup(input.file)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>dealsim report: <span class="mono">${escapeMarkup(input.file)}</span></h1>
${input.history === undefined ? '' : `<p><strong>${escapeMarkup(input.history)}</strong></p>\n`}<p>${escapeMarkup(summary)}</p>
<p>The Microsoft–OpenAI partnership agreement of 2025-10-28 as a statechart; clause IDs as in CLAUSES.md. Step with ← and → (Shift for bigger steps), Home and End, the buttons or the slider.</p>
</header>
<div class="controls" role="region" aria-label="Stepper">
<div class="bar">
<button type="button" id="step-first"><span aria-hidden="true">« </span>first step</button>
<button type="button" id="step-prev"><span aria-hidden="true">‹ </span>previous step</button>
<button type="button" id="step-next">next step<span aria-hidden="true"> ›</span></button>
<button type="button" id="step-last">last step<span aria-hidden="true"> »</span></button>
<input type="range" id="step-slider" min="0" max="${steps.length - 1}" value="0" step="1" aria-label="step through the log">
<span id="step-count" aria-live="polite"></span>
</div>
</div>
<main>
<div class="grid">
<section class="panel" aria-labelledby="step-heading">
<h2 id="step-heading">This step: <span id="step-date"></span></h2>
<div id="step-event"></div>
<dl id="event-fields"></dl>
<ul id="step-findings" aria-label="findings"></ul>
<p id="no-findings" class="hint">No finding at this step.</p>
</section>
<section aria-labelledby="terms-heading">
<h2 id="terms-heading" class="sr-only">Terms</h2>
${termsTable()}
</section>
</div>
<h2>Statechart: the active states of this step</h2>
<div class="chart" id="chart">${inlineSvg(input.chartSvg)}</div>
<h2>Rights timeline</h2>
<div class="timeline" id="timeline">${inlineSvg(input.timelineSvg)}</div>
<h2>Breaches</h2>
${breaches(input)}
<h2>Each term explained</h2>
${explanations(input)}
<h2>Assumptions used</h2>
${assumptionsTable(replayed.context.assumptions)}
</main>
<footer>Generated by dealsim report. Self-contained: works offline, makes no requests.</footer>
<script type="application/json" id="report-data">${jsonForScript(pageData(input))}</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
