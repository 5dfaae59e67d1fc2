/**
 * Step sequence, in words: the chart's description and its data table, which says in text
 * all the chart draws (the table is what a screen reader and a print reader get).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import type { StepTable } from '../study/schemas/steps.ts';
import { phaseLabel, type Step, type StepCell } from './sequence.ts';
import { chartColumns, lower } from './step-sequence-layout.ts';
import { excerptHref } from './urls.ts';

interface Words {
  unit: string;
  work: string;
}

export function unplacedNote(count: number, words: Words): string {
  return `${count} excerpt${count === 1 ? '' : 's'} from this ${words.unit} ${count === 1 ? 'is' : 'are'} not placed on a step by the ${words.work}, so ${count === 1 ? 'it is' : 'they are'} not drawn on the timeline.`;
}

export function describe(declared: StepTable, unitTitle: string, steps: Step[], unplaced: Excerpt[], words: Words): string {
  const stepCount = steps.filter((step) => step.kind === 'step').length;
  const events = steps.filter((step) => step.kind === 'event');
  const placed = steps.reduce((sum, step) => sum + step.excerpts.length, 0);
  const { marks, text: textColumns } = chartColumns(declared);
  const parts = [`names its ${lower(declared.labelName ?? declared.labelHeading)}`];
  if (marks) parts.push(`marks the ${lower(marks.legend ?? marks.heading)} with a shape each and lists other ${lower(marks.heading)} as notes`);
  for (const column of textColumns) {
    parts.push(
      column.display === 'band'
        ? `shows the ${lower(column.heading)} beside a band that tells ${[column.otherLabel, ...column.categories.map((category) => category.label)]
            .filter(Boolean)
            .map((label) => lower(label!))
            .join(' from ')} apart`
        : `lists the ${lower(column.heading)}`,
    );
  }
  return [
    `The ${stepCount} step${stepCount === 1 ? '' : 's'} of ${unitTitle} in the order the ${words.work} gives them, from top to bottom; the table gives no durations, so rows show order only.`,
    `Each row ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.`,
    events.length > 0 ? `Events between steps: ${events.map((event) => event.label).join('; ')}.` : '',
    `${placed} excerpt${placed === 1 ? ' is' : 's are'} placed on a step.`,
    unplaced.length > 0 ? unplacedNote(unplaced.length, words) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function excerptLinks(excerpts: Excerpt[], base: string): ElementContent[] {
  if (excerpts.length === 0) return [];
  return [
    h(
      'ul',
      { className: ['cb-plain-list'] },
      excerpts.map((excerpt) => h('li', [h('a', { href: excerptHref(base, excerpt.id), dataCode: excerpt.codes[0] }, excerpt.title), ` (${excerpt.codes.join(', ')})`])),
    ),
  ];
}

function cellContent(cell: StepCell): ElementContent[] {
  if (cell.column.display === 'marks') {
    const parts: ElementContent[] = [
      ...(cell.categories.length > 0 ? [{ type: 'text' as const, value: cell.categories.map((category) => category.label).join(', ') }] : []),
      ...(cell.uncategorised.length > 0 ? [...(cell.categories.length > 0 ? [h('br')] : []), h('em', cell.uncategorised.join('; '))] : []),
    ];
    return parts.length > 0 ? parts : [{ type: 'text', value: '—' }];
  }
  if (cell.values.length === 0) return [{ type: 'text', value: '(none printed)' }];
  return [{ type: 'text', value: `${cell.values.map((value) => value.text).join('; ')}${cell.continued && !cell.unresolved ? ' (as above)' : ''}` }];
}

export function dataTableOf(declared: StepTable, unitTitle: string, steps: Step[], unplaced: Excerpt[], base: string, words: Words): Element {
  const width = declared.columns.length + 3;
  const groups: Element[] = [];
  let body: ElementContent[] = [];
  const flush = () => {
    if (body.length > 0) groups.push(h('tbody', body));
    body = [];
  };
  for (const step of steps) {
    if (step.phaseStart) {
      flush();
      body.push(h('tr', { className: ['cb-phase-row'] }, [h('th', { scope: 'rowgroup', colSpan: width }, phaseLabel(declared, step.phase))]));
    }
    if (step.kind === 'event') {
      body.push(
        h('tr', { className: ['cb-event-row'], dataStep: step.id }, [h('th', { scope: 'row' }, '—'), h('td', { colSpan: width - 2 }, h('em', step.label)), h('td', excerptLinks(step.excerpts, base))]),
      );
      continue;
    }
    body.push(
      h('tr', { dataStep: step.id }, [
        h('th', { scope: 'row' }, String(step.number)),
        h('td', step.label),
        ...step.cells.map((cell) => h('td', cellContent(cell))),
        h('td', excerptLinks(step.excerpts, base)),
      ]),
    );
  }
  flush();
  const headings = declared.columns.map((column) => (column.display === 'marks' && column.legend ? `${column.legend} and ${lower(column.heading)}` : column.heading));
  const captionParts = declared.columns.map((column) =>
    column.display === 'marks' ? `${lower(column.legend ?? column.heading)}, other ${lower(column.heading)} (in italics)` : lower(column.heading),
  );
  return h('table', { className: ['cb-data-table'] }, [
    h('caption', `${declared.title} of ${unitTitle}: ${[...captionParts, 'placed excerpts'].join(', ').replace(/, ([^,]*)$/, ' and $1')}, step by step`),
    h(
      'thead',
      h(
        'tr',
        ['Step', declared.labelName ?? declared.labelHeading, ...headings, 'Excerpts placed here'].map((column) => h('th', { scope: 'col' }, column)),
      ),
    ),
    ...groups,
    ...(unplaced.length > 0
      ? [h('tfoot', h('tr', [h('th', { scope: 'row' }, 'Not placed'), h('td', { colSpan: width - 2 }, unplacedNote(unplaced.length, words)), h('td', excerptLinks(unplaced, base))]))]
      : []),
  ]);
}
