/**
 * The studio page: one self-contained HTML document. The script, the style and the statechart
 * SVG are inline; the Content-Security-Policy allows only the page's own hashed script and
 * style, images from data: and blob: URLs, and the Monte Carlo worker from a blob: URL: no
 * request can leave the page, and nothing can `eval`. Pure: the caller supplies the bundled
 * script and the rendered chart.
 */
import { createHash } from 'node:crypto';
import { inlineSvg } from '../visual/report.ts';

export interface StudioParts {
  /** The bundled page script (an IIFE). */
  readonly script: string;
  readonly css: string;
  /** The statechart as SVG (Graphviz output); state nodes carry `id="state:<id>"`. */
  readonly chartSvg: string;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy: the page's own script and style by hash, data:/blob: images, a blob: worker, nothing else. */
export function studioPolicy(parts: Pick<StudioParts, 'script' | 'css'>): string {
  return [
    "default-src 'none'",
    `script-src ${hash(parts.script)}`,
    `style-src ${hash(parts.css)}`,
    'img-src data: blob:',
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole page. */
export function studioHtml(parts: StudioParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${studioPolicy(parts)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>dealsim studio: the Microsoft–OpenAI deal in your browser</title>
<style>${parts.css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the answers</a>
<header>
<h1>dealsim studio</h1>
<p>What happens to whose rights, when, if…? The Microsoft–OpenAI partnership agreement of 2025-10-28 and its amendments as a statechart, replayed in this page: add events to the future and watch the rights move. Clause IDs as in CLAUSES.md. Nothing you type leaves this page.</p>
<p id="view-error" class="error" role="alert" hidden></p>
</header>
<div class="layout">
<section id="editor" aria-labelledby="editor-heading">
<h2 id="editor-heading">The future</h2>
<fieldset class="choice">
<legend>History before your events</legend>
<label><input type="radio" name="history" id="history-real" value="real" checked> the real history (today's deal)</label>
<label><input type="radio" name="history" id="history-none" value="none"> none (the deal as signed on 2025-10-28)</label>
</fieldset>
<details id="history-panel" open>
<summary>The real history: <span id="history-count"></span> events on the public record (read-only)</summary>
<section class="scroll" tabindex="0" aria-label="The real history">
<table><thead><tr><th scope="col">date</th><th scope="col">event</th><th scope="col">status</th><th scope="col">source</th></tr></thead><tbody id="history-table"></tbody></table>
</section>
</details>
<h3>Your events</h3>
<p id="future-empty" class="hint">None yet: add one below, load an example or import a .jsonl file.</p>
<section class="scroll" tabindex="0" aria-label="Your events">
<table id="future-table"><thead><tr><th scope="col">line</th><th scope="col">date</th><th scope="col">event</th><th scope="col">status</th><th scope="col"><span class="sr-only">actions</span></th></tr></thead><tbody id="future-body"></tbody></table>
</section>
<form id="event-form" novalidate>
<h3 id="form-heading">Add an event</h3>
<label for="event-type">Event type</label>
<select id="event-type"></select>
<p id="event-type-help" class="hint"></p>
<div id="event-fields"></div>
<p id="event-error" class="error" role="alert" hidden></p>
<div class="buttons">
<button type="submit" id="event-submit">Add the event</button>
<button type="button" id="event-cancel" hidden>Cancel the edit</button>
</div>
</form>
<h3>Load, import, export, share</h3>
<div class="buttons">
<label for="examples">Shipped future</label>
<select id="examples"></select>
<button type="button" id="load-example">Load it</button>
</div>
<div id="drop-zone" class="drop">
<label for="import-file">Import a .jsonl future (or drop the file here)</label>
<input type="file" id="import-file" accept=".jsonl,.json,.txt,application/jsonl,text/plain">
</div>
<p id="import-error" class="error" role="alert" hidden></p>
<div class="buttons">
<button type="button" id="export">Export .jsonl</button>
<button type="button" id="share">Link to this view</button>
<button type="button" id="clear-future">Remove all my events</button>
</div>
<label for="share-url" class="block">Link (the whole view is in the part after #)</label>
<input type="text" id="share-url" readonly>
<h3 id="assumptions-heading">Assumptions</h3>
<p class="hint">Readings of ambiguous text and undisclosed figures; the default is first. Each change replays the future.</p>
<div id="assumptions"></div>
</section>
<main id="main" tabindex="-1">
<h2>Where the deal stands</h2>
<div class="cursor">
<label for="at-slider">Date</label>
<input type="range" id="at-slider" min="0" max="1" step="1" value="0">
<input type="text" id="at-date" inputmode="numeric" aria-label="Date (YYYY-MM-DD)" size="10">
</div>
<p id="at-summary" aria-live="polite"></p>
<p id="status" class="hint" aria-live="polite"></p>
<h3>Terms</h3>
<section class="scroll" tabindex="0" aria-label="Terms">
<table id="terms"><thead><tr><th scope="col">term</th><th scope="col">holder</th><th scope="col">clauses</th><th scope="col">on the date</th><th scope="col">intervals [from, until) and what ended each</th></tr></thead><tbody id="terms-body"></tbody></table>
</section>
<h3>Statechart: the active states on the date</h3>
<section class="chart" id="chart" tabindex="0" aria-label="Statechart">${inlineSvg(parts.chartSvg)}</section>
<h3>Rights timeline</h3>
<section class="timeline" id="timeline" tabindex="0" aria-label="Rights timeline"></section>
<h3>Findings</h3>
<p id="findings-empty" class="hint">No conduct events: nothing to judge.</p>
<section class="scroll" tabindex="0" aria-label="Findings">
<table id="findings"><thead><tr><th scope="col">line</th><th scope="col">date</th><th scope="col">event</th><th scope="col">verdict</th><th scope="col">clause</th><th scope="col">reason</th><th scope="col">record</th></tr></thead><tbody id="findings-body"></tbody></table>
</section>
<p id="ledger"></p>
<h3>Explain a term</h3>
<div class="buttons">
<label for="explain-term">Term</label>
<select id="explain-term"></select>
<label for="explain-date">on</label>
<input type="text" id="explain-date" inputmode="numeric" size="10">
</div>
<div id="explain-out" aria-live="polite"></div>
<h2 id="compare-heading">Compare</h2>
<div class="buttons">
<label for="compare-mode">Compare this view with</label>
<select id="compare-mode">
<option value="off">nothing</option>
<option value="assume">the same future under other assumptions</option>
<option value="future">another future</option>
</select>
</div>
<div id="compare-assume" hidden></div>
<div id="compare-future" hidden>
<label for="compare-example" class="block">The other future: a shipped one, or your own text below</label>
<select id="compare-example"></select>
<label for="compare-text" class="block">JSON Lines of the other future</label>
<textarea id="compare-text" rows="5" spellcheck="false"></textarea>
</div>
<p id="compare-error" class="error" role="alert" hidden></p>
<div id="compare-out"></div>
<h2 id="mc-heading">Monte Carlo: distributions of futures</h2>
<p class="hint">Runs in a background worker with the same sampling code as <code>dealsim montecarlo</code>.</p>
<div class="buttons">
<label for="mc-example">Spec</label>
<select id="mc-example"></select>
<label for="mc-futures">futures</label>
<input type="text" id="mc-futures" inputmode="numeric" value="20000" size="8">
<label for="mc-seed">seed</label>
<input type="text" id="mc-seed" inputmode="numeric" value="1" size="6">
</div>
<label for="mc-spec" class="block">The spec (JSON; edit it freely)</label>
<textarea id="mc-spec" rows="8" spellcheck="false"></textarea>
<div class="buttons">
<button type="button" id="mc-run">Run</button>
<button type="button" id="mc-stop" disabled>Stop</button>
<progress id="mc-progress" max="1" value="0" aria-label="Monte Carlo progress"></progress>
<span id="mc-status" aria-live="polite"></span>
</div>
<p id="mc-error" class="error" role="alert" hidden></p>
<div id="mc-results"></div>
<h2>The answer as data</h2>
<details>
<summary>What <code>dealsim simulate --json</code> prints for this view</summary>
<pre id="answers-json"></pre>
</details>
</main>
</div>
<footer>dealsim studio. Self-contained: works offline from file://, makes no requests, runs no remote code.</footer>
<script>${parts.script}</script>
</body>
</html>
`;
}
