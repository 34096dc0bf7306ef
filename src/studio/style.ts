/** The studio's stylesheet, inlined and hashed into the Content-Security-Policy. */
export const STUDIO_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #555; --line: #d0d0d0; --accent: #1f4e8c; --breach: #b00020; --ok: #1b6e2e; --warn: #7a4f00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fafafa; }
header, footer { max-width: 1600px; margin: 0 auto; padding: 0 16px; }
header h1 { font-size: 22px; margin: 14px 0 4px; }
header p { margin: 2px 0 6px; color: var(--muted); max-width: 70em; }
footer { color: var(--muted); font-size: 13px; padding: 24px 16px; }
.layout { max-width: 1600px; margin: 0 auto; padding: 0 16px; display: grid; grid-template-columns: minmax(320px, 34rem) minmax(0, 1fr); gap: 24px; align-items: start; }
@media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } }
h2 { font-size: 18px; margin: 22px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15.5px; margin: 18px 0 6px; }
code, pre, .mono, textarea { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); padding: 8px; max-height: 30em; overflow: auto; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px 10px; z-index: 10; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.hint { color: var(--muted); font-size: 13px; }
.error { color: var(--breach); font-weight: 600; overflow-wrap: anywhere; }
.block { display: block; margin-top: 8px; }
button, select, input, textarea { font: inherit; }
button { padding: 5px 12px; border: 1px solid #777; border-radius: 4px; background: #f2f2f2; color: var(--ink); cursor: pointer; min-height: 36px; }
button:hover { background: #e6e6e6; }
button[disabled] { color: #767676; cursor: default; }
input[type="text"], select, textarea { border: 1px solid #767676; border-radius: 3px; padding: 5px 6px; background: #fff; color: var(--ink); min-height: 36px; max-width: 100%; }
textarea { width: 100%; }
#share-url { width: 100%; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
fieldset.choice { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 10px; }
fieldset.choice label { display: block; padding: 2px 0; }
.drop { border: 2px dashed #888; border-radius: 6px; padding: 10px; margin: 8px 0; }
.drop label { display: block; margin-bottom: 6px; }
.drop.over { background: #eef4ff; border-color: var(--accent); }
.field { margin: 6px 0; }
.field label { display: block; font-weight: 600; }
.field .req { color: var(--breach); font-weight: normal; }
.field .message { color: var(--breach); margin: 2px 0 0; font-size: 13.5px; }
.field input[aria-invalid="true"], .field select[aria-invalid="true"] { border-color: var(--breach); border-width: 2px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td { overflow-wrap: anywhere; }
td.actions { white-space: nowrap; }
td.actions button { min-height: 30px; padding: 2px 8px; margin: 1px; }
tr.editing td { background: #eef4ff; }
.status-official, .status-reported, .status-hypothetical { white-space: nowrap; }
.status-official { color: var(--ok); }
.status-reported { color: var(--warn); }
.status-hypothetical { color: var(--accent); }
.holding { color: var(--ok); font-weight: 700; }
.holding::before { content: "■ "; }
.suspended { color: var(--warn); font-weight: 700; }
.suspended::before { content: "◐ "; }
.ended { color: var(--muted); font-weight: 700; }
.ended::before { content: "□ "; }
.verdict-breach { color: var(--breach); font-weight: 700; }
.verdict-breach::before { content: "✕ "; }
.verdict-permitted { color: var(--ok); font-weight: 700; }
.verdict-permitted::before { content: "✓ "; }
.verdict-undetermined { color: var(--warn); font-weight: 700; }
.verdict-undetermined::before { content: "? "; }
.assume-fact { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-top: 4px; font-weight: normal; color: var(--ink); }
.assume-fact button { min-height: 30px; padding: 2px 8px; }
.verdict-info::before { content: "ℹ "; }
tr.differs td { background: #fff0f0; }
tr.differs td:first-child::before { content: "≠ "; color: var(--breach); font-weight: 700; }
ul.intervals { margin: 0; padding-left: 1.1em; }
.cursor { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; position: sticky; top: 0; z-index: 2; background: #fafafa; padding: 6px 0; border-bottom: 1px solid var(--line); }
.cursor label { font-weight: 700; }
#at-slider { flex: 1 1 240px; min-width: 160px; min-height: 36px; }
.chart, .timeline, .mc-chart { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.chart svg { width: 100%; height: auto; min-width: 820px; }
.timeline svg { width: 100%; height: auto; min-width: 760px; }
.chart g.state.active path, .chart g.state.active polygon, .chart g.state.active ellipse { fill: #ffd54a; stroke: #000; stroke-width: 2.5px; }
.mc-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
.mc-chart svg { width: 100%; height: auto; }
progress { width: 12em; height: 1.2em; }
dl.explain { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 12px; }
dl.explain dt { font-weight: 600; }
dl.explain dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { font-size: 16px; }
  .layout { padding: 0 8px; gap: 8px; }
  header { padding: 0 8px; }
  th, td { padding: 4px 5px; }
}
`;
