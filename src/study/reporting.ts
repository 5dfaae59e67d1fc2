/**
 * The checks on reporting.json that its schema cannot make: every item of the chosen
 * checklist answered exactly once, no item the checklist lacks, an answer and a place in
 * the edition for every item the publication reports. Each problem at its value.
 */
import { report } from './diagnostics.ts';
import { placeOf, type JsonPath, type JsonSource } from './json-source.ts';
import { checklists } from './checklists.ts';
import type { Reporting } from './schemas/index.ts';

function error(source: JsonSource, path: JsonPath, reason: string, rule: string, fix: string): void {
  report(source.file, { reason, rule, severity: 'error', place: placeOf(source, path), fix });
}

export function checkReporting(loaded: { source: JsonSource; data: Reporting } | undefined): void {
  if (!loaded) return;
  const { source, data } = loaded;
  const checklist = checklists[data.checklist];
  const count = checklist.items.length;
  const seen = new Map<number, number>();
  data.items.forEach((entry, index) => {
    const item = checklist.items[entry.item - 1];
    if (!item) {
      error(
        source,
        ['items', index, 'item'],
        `${checklist.name} has no item ${entry.item}: its items are numbered 1 to ${count}`,
        'unknown-checklist-item',
        `Use the item’s number in ${checklist.name} (1–${count}), or set "checklist" to the checklist you are answering.`,
      );
      return;
    }
    const earlier = seen.get(entry.item);
    if (earlier !== undefined) {
      error(
        source,
        ['items', index, 'item'],
        `${checklist.name} item ${entry.item} (${item.label}) is answered twice: also at items[${earlier}]`,
        'duplicate-checklist-item',
        'Answer each item once: merge the two answers.',
      );
    } else seen.set(entry.item, index);
    if (entry.status !== 'not-reported' && entry.answer === undefined) {
      error(
        source,
        ['items', index, 'status'],
        `${checklist.name} item ${entry.item} (${item.label}) is "${entry.status}" but has no "answer"`,
        'missing-checklist-answer',
        'Add "answer": what the publication reports, in your own words.',
      );
    }
    if ((entry.status === 'reported' || entry.status === 'partly') && entry.where.length === 0) {
      error(
        source,
        ['items', index, 'status'],
        `${checklist.name} item ${entry.item} (${item.label}) is "${entry.status}" but "where" names no page of the edition`,
        'missing-checklist-place',
        'Add "where": [{ "path": "chapters/method/", "label": "Method" }] for each page that addresses it.',
      );
    }
  });
  const missing = checklist.items.filter((item) => !seen.has(item.number));
  if (missing.length > 0) {
    error(
      source,
      ['items'],
      `${checklist.name} has ${count} items; ${missing.length} ${missing.length === 1 ? 'is' : 'are'} not answered: ${missing.map((item) => `${item.number} (${item.label})`).join(', ')}`,
      'missing-checklist-item',
      'Answer every item; where the publication does not report one, write { "item": n, "status": "not-reported" }.',
    );
  }
}
