/**
 * The README's "Event reference", rendered from the same reference as `dealsim events` and kept
 * between `<!-- events:start -->` and `<!-- events:end -->`; `npm run docs:events` rewrites it and
 * a test fails when it is stale. Pure.
 */
import {
  commonFields,
  commonTypeText,
  type EventReference,
  type FieldReference,
  ownFields,
} from './event-reference.ts';

const START = '<!-- events:start -->';
const END = '<!-- events:end -->';

/** A table cell: pipes escaped, so enum types do not split the row. */
const cell = (text: string) => text.replaceAll('|', '\\|');
const code = (text: string) => `\`${cell(text)}\``;
const cited = (clauses: readonly string[]) => (clauses.length ? clauses.join(', ') : '—');

function fieldTable(fields: readonly FieldReference[], typeOf: (field: FieldReference) => string): string[] {
  return [
    '| field | type | required | clause | meaning |',
    '|---|---|---|---|---|',
    ...fields.map(
      (field) =>
        `| ${code(field.name)} | ${cell(typeOf(field))} | ${field.required ? 'yes' : 'no'} | ${cited(field.clauses)} | ${cell(field.meaning)} |`,
    ),
  ];
}

/** The generated part of the section, markers excluded. */
export function eventReferenceMarkdown(reference: readonly EventReference[]): string {
  const common = commonFields(reference);
  const out = ['### Fields every event takes', '', ...fieldTable(common, (field) => commonTypeText(field, reference))];
  for (const event of reference) {
    const own = ownFields(event, common);
    out.push('', `### \`${event.type}\` (${cited(event.clauses)})`, '', event.meaning, '');
    out.push(...(own.length ? fieldTable(own, (field) => field.type) : ['No fields besides those every event takes.']));
  }
  return `${out.join('\n')}\n`;
}

/** `readme` with its event reference replaced by a fresh one; throws when the markers are missing. */
export function withEventReference(readme: string, reference: readonly EventReference[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${START} … ${END} block. Fix: put the two markers where the reference goes`);
  }
  return `${readme.slice(0, start + START.length)}\n${eventReferenceMarkdown(reference)}${readme.slice(end)}`;
}
