#!/usr/bin/env node
/**
 * The score table of docs/mutation.md, counted from StrykerJS's JSON reports (the
 * mutation-testing-report schema): per file, mutants killed or timed out (detected), survived or
 * without coverage (undetected), and ignored, with why they were ignored; the score is detected
 * over detected + undetected, as StrykerJS counts it. A mutant that a later report also holds
 * (same file, place, mutator and replacement: a re-run of some mutants) takes the later result.
 * A file that a report's own configuration leaves out (a `!path` entry of its `mutate`) is not
 * counted from that report: StrykerJS's incremental mode carries a file's old results over after
 * it leaves `mutate`. Usage:
 *   node scripts/mutation-score.mjs reports/mutation/mutation.json reports/mutation/chart.json
 */
import { readFileSync } from 'node:fs';

/** Every mutant's latest result, by file and by what it changes where. */
const results = new Map();
for (const report of process.argv.slice(2)) {
  const { files, config } = JSON.parse(readFileSync(report, 'utf8'));
  const leftOut = new Set(
    (config?.mutate ?? []).filter((entry) => entry.startsWith('!')).map((entry) => entry.slice(1)),
  );
  for (const [file, { mutants }] of Object.entries(files)) {
    if (leftOut.has(file)) continue;
    const byPlace = results.get(file) ?? new Map();
    for (const mutant of mutants) {
      const { start, end } = mutant.location;
      byPlace.set(
        `${start.line}:${start.column}-${end.line}:${end.column} ${mutant.mutatorName} ${mutant.replacement}`,
        mutant,
      );
    }
    results.set(file, byPlace);
  }
}

const rows = new Map();
const ignoredWhy = new Map();
for (const [file, byPlace] of results) {
  const row = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const mutant of byPlace.values()) {
    if (mutant.status === 'Killed') row.killed++;
    else if (mutant.status === 'Timeout') row.timeout++;
    else if (mutant.status === 'Survived') row.survived++;
    else if (mutant.status === 'NoCoverage') row.noCoverage++;
    else if (mutant.status === 'Ignored') {
      row.ignored++;
      const why = /static/i.test(mutant.statusReason ?? '')
        ? 'static: module-level code of the core (catalogues, tables), which only a reload could test; the chart’s are scored by its own run'
        : /excluded mutation/i.test(mutant.statusReason ?? '')
          ? `excluded mutator ${mutant.mutatorName}`
          : 'a // Stryker disable comment with its reason';
      ignoredWhy.set(why, (ignoredWhy.get(why) ?? 0) + 1);
    } else row.errors++;
  }
  rows.set(file, row);
}

const score = (row) => {
  const detected = row.killed + row.timeout;
  const all = detected + row.survived + row.noCoverage;
  return all === 0 ? '—' : `${((100 * detected) / all).toFixed(1)}%`;
};
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
console.log('| file | killed | timed out | survived | no coverage | ignored | score |');
console.log('|---|---|---|---|---|---|---|');
for (const [file, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const key of Object.keys(total)) total[key] += row[key];
  console.log(
    `| ${file} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.ignored} | ${score(row)} |`,
  );
}
console.log(
  `| **all** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} | **${score(total)}** |`,
);
if (total.errors > 0) console.log(`\n${total.errors} mutants gave a compile or run-time error (not counted).`);
console.log('\nIgnored, by reason:');
for (const [why, count] of ignoredWhy) console.log(`- ${count}: ${why}`);
