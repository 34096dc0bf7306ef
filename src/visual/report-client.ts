/**
 * The report's script, inlined (and hashed into the Content-Security-Policy). It reads the step
 * data from the page's JSON block and, on every step, updates only what changed: the active
 * state of each region whose state moved, the rows of terms whose status moved, the step panel
 * and the timeline cursor. User strings reach the page through `textContent` only.
 */
export const REPORT_JS = `(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const steps = data.steps;
  const last = steps.length - 1;
  const byId = (id) => document.getElementById(id);
  const slider = byId('step-slider');
  const count = byId('step-count');
  const dateEl = byId('step-date');
  const eventEl = byId('step-event');
  const fieldsEl = byId('event-fields');
  const findingsEl = byId('step-findings');
  const noFindings = byId('no-findings');
  const stateEls = data.regions.map((region) => region.states.map((state) => byId('state:' + state.id)));
  const rows = data.regions.map((region) => region.term === null ? null : {
    row: byId('term-' + region.term),
    status: byId('term-status-' + region.term),
    interval: byId('term-interval-' + region.term),
    intervals: data.intervals[region.term] || [],
  });
  const cursor = byId('timeline-cursor');
  const svg = cursor ? cursor.ownerSVGElement : null;
  const day0 = svg ? Number(svg.dataset.day0) : 0;
  const pxPerDay = svg ? Number(svg.dataset.pxPerDay) : 0;
  const plotRight = svg ? Number(svg.dataset.right) : 0;
  const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
  let current = -1;
  let shownCodes = null;
  const changed = new Set();

  function intervalText(intervals, date) {
    for (const [from, until, endedBy] of intervals) {
      if (from <= date && (until === null || date < until)) {
        return from + ' → ' + (until === null ? 'no end date' : until + (endedBy ? ' (' + endedBy + ')' : ''));
      }
    }
    const before = intervals.filter((interval) => interval[0] <= date).pop();
    return before ? 'held ' + before[0] + ' → ' + before[1] : 'not yet held';
  }

  function showEvent(step) {
    fieldsEl.replaceChildren();
    if (step[1] < 0) return;
    const logged = data.events[step[1]];
    const add = (name, value) => {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value;
      fieldsEl.append(dt, dd);
    };
    add('line', logged.line);
    for (const [key, value] of Object.entries(logged.event)) {
      if (key !== 'date') add(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }

  function showFindings(step) {
    findingsEl.replaceChildren();
    for (let i = step[4]; i < step[4] + step[5]; i++) {
      const [, verdict, clause, reason] = data.findings[i];
      const li = document.createElement('li');
      const badge = document.createElement('span');
      badge.className = 'verdict verdict-' + verdict;
      badge.textContent = verdict;
      const text = document.createElement('span');
      text.textContent = clause + ': ' + reason;
      li.append(badge, text);
      findingsEl.append(li);
    }
    noFindings.hidden = step[5] > 0;
  }

  function render(index) {
    const i = Math.max(0, Math.min(last, index));
    if (i === current) return;
    const step = steps[i];
    const codes = step[3];
    const previousCodes = i > 0 ? steps[i - 1][3] : codes;
    for (let r = 0; r < codes.length; r++) {
      const code = parseInt(codes[r], 36);
      const old = shownCodes === null ? -1 : parseInt(shownCodes[r], 36);
      if (old !== code) {
        if (old >= 0 && stateEls[r][old]) stateEls[r][old].classList.remove('active');
        if (stateEls[r][code]) stateEls[r][code].classList.add('active');
      }
      const term = rows[r];
      if (term === null) continue;
      if (old !== code) {
        const status = data.regions[r].states[code].status;
        term.row.dataset.status = status;
        const key = data.regions[r].states[code].key;
        term.status.textContent = key === status ? status : status + ' (' + key + ')';
      }
      const isChanged = previousCodes[r] !== codes[r];
      if (isChanged !== changed.has(r)) {
        term.row.classList.toggle('changed', isChanged);
        if (isChanged) changed.add(r); else changed.delete(r);
      }
      if (current < 0 || steps[current][0] !== step[0] || old !== code) {
        term.interval.textContent = intervalText(term.intervals, step[0]);
      }
    }
    shownCodes = codes;
    dateEl.textContent = step[0];
    eventEl.textContent = (step[1] < 0 ? '' : data.events[step[1]].line + ': ') + step[2];
    showEvent(step);
    showFindings(step);
    count.textContent = 'step ' + i + ' of ' + last;
    if (Number(slider.value) !== i) slider.value = String(i);
    slider.setAttribute('aria-valuetext', step[0] + ': ' + step[2]);
    if (cursor) {
      const x = Math.min(plotRight, Number(svg.dataset.left) + (dayOf(step[0]) - day0) * pxPerDay).toFixed(1);
      cursor.setAttribute('x1', x);
      cursor.setAttribute('x2', x);
    }
    current = i;
    document.body.dataset.step = String(i);
  }

  let pending = -1;
  function schedule(index) {
    if (pending < 0) requestAnimationFrame(() => { const next = pending; pending = -1; render(next); });
    pending = index;
  }

  slider.max = String(last);
  slider.addEventListener('input', () => schedule(Number(slider.value)));
  byId('step-first').addEventListener('click', () => render(0));
  byId('step-prev').addEventListener('click', () => render(current - 1));
  byId('step-next').addEventListener('click', () => render(current + 1));
  byId('step-last').addEventListener('click', () => render(last));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target === slider && !event.shiftKey) return; // the slider steps itself and fires 'input'
    // Left and right step (with Shift, a twentieth of the log); up and down still scroll the page.
    const size = event.shiftKey ? Math.max(10, Math.round(steps.length / 20)) : 1;
    if (event.key === 'ArrowRight') render(current + size);
    else if (event.key === 'ArrowLeft') render(current - size);
    else if (event.key === 'Home') render(0);
    else if (event.key === 'End') render(last);
    else return;
    event.preventDefault();
  });
  render(0);
})();
`;
