import { verdictCss } from './verdict-marks.ts';

/** The report's stylesheet, inlined (and hashed into the Content-Security-Policy). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #555; --line: #d0d0d0; --accent: #1f4e8c; --breach: #b00020; --ok: #1b6e2e; --open: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fafafa; }
header, main { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
header h1 { font-size: 21px; margin: 18px 0 4px; }
header p { margin: 2px 0; color: var(--muted); }
h2 { font-size: 17px; margin: 26px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
.controls { position: sticky; top: 0; z-index: 2; background: #ffffff; border-bottom: 1px solid var(--line); box-shadow: 0 1px 4px rgba(0,0,0,.06); }
.controls .bar { max-width: 1400px; margin: 0 auto; padding: 8px 20px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.controls button { font: inherit; padding: 4px 10px; border: 1px solid #888; border-radius: 4px; background: #f4f4f4; cursor: pointer; }
.controls button:focus-visible, #step-slider:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
#step-slider { flex: 1 1 320px; min-width: 200px; }
#step-count { min-width: 11em; text-align: right; font-variant-numeric: tabular-nums; }
#step-date { font-weight: bold; font-variant-numeric: tabular-nums; }
.hint { color: var(--muted); font-size: 12px; }
.grid { display: grid; grid-template-columns: minmax(380px, 1fr) minmax(420px, 1.1fr); gap: 20px; align-items: start; }
@media (max-width: 1000px) { .grid { grid-template-columns: 1fr; } }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.panel h2 { margin: 0 0 6px; font-size: 15px; border: 0; padding: 0; }
#step-event { font-weight: bold; }
#event-fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; }
#event-fields dt { color: var(--muted); }
#event-fields dd { margin: 0; overflow-wrap: anywhere; }
#step-findings { list-style: none; padding: 0; margin: 8px 0 0; }
#step-findings li { padding: 4px 0; border-top: 1px dotted var(--line); }
.verdict { display: inline-block; min-width: 6.5em; font-weight: bold; }
${verdictCss()}
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
.status { font-weight: bold; }
tr[data-status="holding"] .status { color: var(--ok); }
tr[data-status="holding"] .status::before { content: "■ "; }
tr[data-status="suspended"] .status { color: #8a5a00; }
tr[data-status="suspended"] .status::before { content: "◐ "; }
tr[data-status="ended"] .status { color: var(--muted); }
tr[data-status="ended"] .status::before { content: "□ "; }
tr.changed td { background: #fff4c2; }
tr.changed .status::after { content: " (changed)"; font-weight: normal; color: var(--ink); }
.chart { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.chart svg { width: 100%; height: auto; min-width: 900px; }
.chart g.state.active path, .chart g.state.active polygon { fill: #ffd54a; stroke: #000; stroke-width: 2.5px; }
.chart g.state.active text { font-weight: bold; }
.timeline { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
.timeline svg { width: 100%; height: auto; min-width: 900px; display: block; }
details { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin: 6px 0; }
details summary { cursor: pointer; font-weight: 600; }
details pre { white-space: pre-wrap; margin: 8px 0; }
.nondefault { font-weight: bold; }
.nondefault::after { content: " (changed)"; font-weight: normal; color: var(--muted); }
footer { max-width: 1400px; margin: 30px auto; padding: 0 20px; color: var(--muted); font-size: 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
