/**
 * Step sequence: one unit's step table as an ordinal timeline that reads downwards, one row
 * per printed row. A step table gives the order of steps, not their durations, so the
 * vertical axis is steps: a row is as tall as its text needs, never as long as it lasted.
 *
 * Columns, as the study declares them: step number and label · the first "marks" column as
 * a column per category (a distinct shape each, with a legend) and its other values as
 * notes · the other columns as text, a "band" column beside a band filled by category,
 * continuations ("As above") drawn as such · excerpts the data places on the step. Events
 * (rows printed across the table) and group changes are divider rows.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { symbol as d3Symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTimes, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import type { Study } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import { rect } from './marks/rect.ts';
import { excerptHref } from './urls.ts';
import { ruleY } from './marks/rule.ts';
import { swatches, layoutSwatches, type SwatchItem } from './marks/swatches.ts';
import { symbol } from './marks/symbol.ts';
import { text } from './marks/text.ts';
import { dimensions as makeDimensions, plot } from './plot.ts';
import { identity, rows } from './scales.ts';
import { phaseLabel, sequenceSteps, type CellValue, type SegmentStep, type Step, type StepCell } from './sequence.ts';
import type { StepCategory, StepColumn, StepTable } from '../study/schemas/steps.ts';
import { textWidth, wrap, charWidth } from './text-layout.ts';
import type { ChartResult } from './types.ts';
import { workNoun } from '../study/words.ts';

export interface StepSequenceOptions {
  /** Site base for excerpt links in the data table, e.g. "/" or "/casebook/". Default "/". */
  base?: string;
  /** Prefix of the ids inside the SVG; must be unique on the page. */
  id?: string;
}

/** Sizes in viewBox units (14-unit text in a 400-unit viewBox stays ≥ 11 px on a 320 px column). */
export const defaults = {
  width: 400,
  fontSize: 14,
  lineHeight: 17,
  rowPadding: 6,
  eventHeight: 28,
  phaseHeight: 30,
  columns: { number: 18, label: 24, marks: 124, markStep: 15, band: 250, bandWidth: 9, text: 265 },
  colours: { dark: '#3f5f7f', hatchBackground: '#ffffff', hatchInk: '#3f5f7f', zebra: '#f2f3f5', muted: '#5b6169' },
} as const;

const shapes: Record<NonNullable<StepCategory['shape']>, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  diamond: symbolDiamond,
  triangle: symbolTriangle,
  wye: symbolWye,
  star: symbolStar,
  cross: symbolCross,
  times: symbolTimes,
};
/** Shapes drawn as lines, so stroked rather than filled. */
const strokedShapes = new Set(['times']);

type Shading = 'solid' | 'hatched' | 'sparse';

/** The columns the chart draws: the first "marks" column as marks, the others as text beside an optional band. */
function chartColumns(table: StepTable): { marks: StepColumn | undefined; text: StepColumn[] } {
  const marks = table.columns.find((column) => column.display === 'marks');
  return { marks, text: table.columns.filter((column) => column !== marks) };
}

function shadingOf(value: CellValue): Shading {
  return value.category?.shading ?? 'solid';
}

function bandName(column: StepColumn, value: CellValue): string {
  return value.category?.label ?? column.otherLabel ?? column.legend ?? column.heading;
}

/** Characters that fit in a width at the chart's font size. */
function fits(width: number): number {
  return Math.max(4, Math.floor(width / (charWidth * defaults.fontSize)));
}

interface TextLine {
  text: string;
  /** Index of the cell among the text columns, and of the value within it. */
  cell: number;
  value: number;
}

interface RowLayout {
  key: string;
  kind: 'phase' | 'step' | 'event';
  step: Step | undefined;
  phase: string | undefined;
  height: number;
  labelLines: string[];
  noteLines: string[];
  textLines: TextLine[];
  /** Excerpt markers, as lines of excerpts. */
  excerptLines: Excerpt[][];
}

function markCell(step: SegmentStep, marks: StepColumn | undefined): StepCell | undefined {
  return marks === undefined ? undefined : step.cells.find((cell) => cell.column === marks);
}

function textCells(step: SegmentStep, marks: StepColumn | undefined): StepCell[] {
  return step.cells.filter((cell) => cell.column !== marks);
}

function cellLines(cell: StepCell, index: number, chars: number): TextLine[] {
  if (cell.continued && !cell.unresolved) return [{ text: `↑ ${cell.printed[0] ?? ''}`, cell: index, value: 0 }];
  return cell.values.flatMap((value, v) => wrap(value.text, chars).map((line) => ({ text: line, cell: index, value: v })));
}

function layoutRows(steps: Step[], marks: StepColumn | undefined): RowLayout[] {
  const { columns: c, width, lineHeight, rowPadding, eventHeight, phaseHeight, fontSize } = defaults;
  const labelChars = fits(c.marks - c.label - 4);
  const noteChars = fits(c.band - c.marks - 6);
  const textWidthAvailable = width - c.text;
  const textChars = fits(textWidthAvailable);
  const layout: RowLayout[] = [];
  for (const step of steps) {
    if (step.phaseStart) layout.push({ key: `phase-${step.phase ?? ''}`, kind: 'phase', step: undefined, phase: step.phase, height: phaseHeight, labelLines: [], noteLines: [], textLines: [], excerptLines: [] });
    if (step.kind === 'event') {
      const excerptLines = excerptRows(step.excerpts, textWidthAvailable, fontSize);
      layout.push({ key: step.id, kind: 'event', step, phase: step.phase, height: eventHeight + excerptLines.length * lineHeight, labelLines: [step.label], noteLines: [], textLines: [], excerptLines });
      continue;
    }
    const labelLines = wrap(step.label, labelChars);
    const notes = markCell(step, marks)?.uncategorised ?? [];
    const categories = markCell(step, marks)?.categories ?? [];
    const noteLines = notes.flatMap((note) => (notes.length > 1 ? wrap(`• ${note}`, noteChars) : wrap(note, noteChars)));
    const textLines = textCells(step, marks).flatMap((cell, index) => cellLines(cell, index, textChars));
    const excerptLines = excerptRows(step.excerpts, textWidthAvailable, fontSize);
    const lines = Math.max(1, labelLines.length, (categories.length > 0 ? 1 : 0) + noteLines.length, textLines.length + excerptLines.length);
    layout.push({ key: step.id, kind: 'step', step, phase: step.phase, height: lines * lineHeight + 2 * rowPadding, labelLines, noteLines, textLines, excerptLines });
  }
  return layout;
}

/** Width of one excerpt marker: a dot and its first code. */
function markerWidth(excerpt: Excerpt, fontSize: number): number {
  return 14 + textWidth(excerpt.codes[0] ?? '', fontSize) + 8;
}

function excerptRows(excerpts: Excerpt[], width: number, fontSize: number): Excerpt[][] {
  const lines: Excerpt[][] = [];
  let used = Infinity;
  for (const excerpt of excerpts) {
    const w = markerWidth(excerpt, fontSize);
    if (used + w > width) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)!.push(excerpt);
    used += w;
  }
  return lines;
}

function patterns(id: string): Element[] {
  const c = defaults.colours;
  const hatch = (name: string, spacing: number) =>
    s('pattern', { id: `${id}-${name}`, patternUnits: 'userSpaceOnUse', width: spacing, height: spacing, patternTransform: 'rotate(45)' }, [
      s('rect', { className: ['cb-hatch-bg'], width: spacing, height: spacing, fill: c.hatchBackground }),
      s('line', { className: ['cb-hatch-ink'], x1: 0, y1: 0, x2: 0, y2: spacing, stroke: c.hatchInk, strokeWidth: 2.5 }),
    ]);
  return [hatch('hatched', 5), hatch('sparse', 10)];
}

function bandFill(id: string, shading: Shading): string {
  return shading === 'solid' ? defaults.colours.dark : `url(#${id}-${shading})`;
}

function bandClass(shading: Shading): string {
  return shading === 'solid' ? 'cb-shade-dark' : shading === 'hatched' ? 'cb-shade-hatched' : 'cb-shade-sparse';
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A sentence describing a step, for tooltips and the description. */
export function describeStep(step: Step): string {
  if (step.kind === 'event') return `${step.label}.`;
  const parts = [`Step ${step.number}, ${step.label}`];
  for (const cell of step.cells) {
    const name = lower(cell.column.heading);
    if (cell.column.display === 'marks') {
      if (cell.categories.length > 0) parts.push(`${lower(cell.column.legend ?? cell.column.heading)}: ${cell.categories.map((category) => category.label.toLowerCase()).join(', ')}`);
      if (cell.uncategorised.length > 0) parts.push(`also: ${cell.uncategorised.join('; ')}`);
      continue;
    }
    if (cell.values.length > 0) parts.push(`${cell.continued ? `${name} continued from above` : name}: ${cell.values.map((value) => value.text).join('; ')}`);
    else parts.push(`no ${name} printed`);
  }
  if (step.excerpts.length > 0) parts.push(`${step.excerpts.length} excerpt${step.excerpts.length === 1 ? '' : 's'} placed here`);
  return `${parts.join('; ')}.`;
}

export function stepSequence(study: Study, sessionNumber: number, options: StepSequenceOptions = {}): ChartResult {
  const base = options.base ?? '/';
  const id = options.id ?? `step-sequence-${sessionNumber}`;
  const { session, table: declared, steps, unplaced } = sequenceSteps(study, sessionNumber);
  const { width, fontSize, lineHeight, rowPadding, columns: c, colours } = defaults;
  const { marks, text: textColumns } = chartColumns(declared);
  const bandColumn = textColumns.find((column) => column.display === 'band');
  const categories = marks?.categories ?? [];
  const words = { unit: study.meta.vocabulary.unit.singular, work: workNoun(study.meta) };

  // Legends: categories of the marks column (shape) and of the band column (fill), then a column header row.
  const markItems: SwatchItem[] = categories.map((category) => ({
    label: category.label,
    path: d3Symbol(shapes[category.shape ?? 'circle'], 64)() ?? '',
    swatch: strokedShapes.has(category.shape ?? '') ? { fill: 'none', stroke: 'currentColor', strokeWidth: 2, className: ['cb-category'] } : { fill: 'currentColor', className: ['cb-category'] },
  }));
  const bandItems: SwatchItem[] = bandColumn
    ? [
        ...(bandColumn.otherLabel ? [{ label: bandColumn.otherLabel, shading: 'solid' as Shading }] : []),
        ...bandColumn.categories.map((category) => ({ label: category.label, shading: category.shading ?? ('solid' as Shading) })),
      ].map(({ label, shading }) => ({ label, swatch: { fill: bandFill(id, shading), stroke: colours.hatchInk, className: [bandClass(shading)] } }))
    : [];
  const legends = [
    ...(markItems.length > 0 ? [{ title: `${marks!.legend ?? marks!.heading} (shape)`, items: markItems }] : []),
    ...(bandItems.length > 0 ? [{ title: `${bandColumn!.legend ?? bandColumn!.heading} (band)`, items: bandItems }] : []),
  ];
  let legendBottom = 0;
  const placedLegends = legends.map((legend) => {
    const y = legendBottom + 22;
    const laid = layoutSwatches(legend.items, { x: 0, y, width, fontSize });
    legendBottom = y + laid.height + 4;
    return { ...legend, y };
  });
  const headerY = legendBottom + 18;
  const top = headerY + 10;

  const layout = layoutRows(steps, marks);
  const y = rows({ domain: layout.map((row) => row.key), sizes: layout.map((row) => row.height), start: top });
  const height = y.range[1] + 8;
  const rowTop = (key: string) => y.apply(key);
  const baseline = (key: string, line: number) => rowTop(key) + rowPadding + (line + 1) * lineHeight - 4;
  const stepLayouts = layout.filter((row) => row.kind === 'step');
  const stepRows = layout.filter((row) => row.step !== undefined);
  const segmentOf = (row: RowLayout) => row.step as SegmentStep;

  // Category marks: one per (step, category).
  const categoryMarks = stepLayouts.flatMap((row) => (markCell(segmentOf(row), marks)?.categories ?? []).map((category) => ({ row, category, column: categories.indexOf(category) })));
  // Band pieces: each value beside its own lines; a continued cell split evenly and joined to the band above.
  const bandPieces: { row: RowLayout; value: CellValue; y1: number; y2: number }[] = [];
  if (bandColumn) {
    const cellIndex = textColumns.indexOf(bandColumn);
    let lastBandBottom: number | undefined;
    for (const row of stepLayouts) {
      const cell = textCells(segmentOf(row), marks)[cellIndex]!;
      if (cell.values.length === 0) continue;
      const own = row.textLines.filter((line) => line.cell === cellIndex);
      const firstLine = row.textLines.findIndex((line) => line.cell === cellIndex);
      const top = rowTop(row.key) + rowPadding + firstLine * lineHeight;
      if (cell.continued && !cell.unresolved) {
        const bottom = rowTop(row.key) + row.height - rowPadding;
        const start = lastBandBottom ?? top;
        const share = (bottom - start) / cell.values.length;
        cell.values.forEach((value, i) => bandPieces.push({ row, value, y1: start + i * share, y2: start + (i + 1) * share }));
        lastBandBottom = bottom;
        continue;
      }
      cell.values.forEach((value, i) => {
        const first = own.findIndex((line) => line.value === i);
        const count = own.filter((line) => line.value === i).length;
        bandPieces.push({ row, value, y1: top + first * lineHeight + 1, y2: top + (first + count) * lineHeight - 1 });
      });
      lastBandBottom = top + own.length * lineHeight - 1;
    }
  }
  const valueOf = (row: RowLayout, line: TextLine) => textCells(segmentOf(row), marks)[line.cell]?.values[line.value];
  const texts = stepLayouts.flatMap((row) => row.textLines.map((line, i) => ({ row, line, i, value: valueOf(row, line), continued: textCells(segmentOf(row), marks)[line.cell]!.continued })));
  const excerptMarks = stepRows.flatMap((row) => {
    const firstLine = row.kind === 'event' ? 1 : row.textLines.length;
    return row.excerptLines.flatMap((line, n) => {
      let x = c.text;
      return line.map((excerpt) => {
        const at = { row, excerpt, x, line: firstLine + n };
        x += markerWidth(excerpt, fontSize);
        return at;
      });
    });
  });
  const codeOf = (excerpt: Excerpt) => study.codeIndex.get(excerpt.codes[0] ?? '');
  const excerptTitle = (excerpt: Excerpt) => `${excerpt.title} (${excerpt.codes.map((code) => `${code} ${study.codeIndex.get(code)?.name ?? ''}`.trim()).join(', ')})`;
  const isShaded = (value: CellValue | undefined) => value !== undefined && bandColumn !== undefined && shadingOf(value) !== 'solid';

  const title = `${declared.title} of ${session.title}`;
  const description = describe(declared, session.title, steps, unplaced, words);
  const firstText = textColumns[0];
  const svg = plot({
    id,
    title,
    description,
    dimensions: makeDimensions(width, height),
    scales: { x: identity([0, width]), y: identity([0, height]) },
    defs: patterns(id),
    className: 'cb-step-sequence',
    properties: { dataSession: sessionNumber },
    marks: [
      text(placedLegends, {
        x: 0,
        y: top,
        dy: (legend) => legend.y - 6 - top,
        text: (legend) => legend.title,
        className: 'cb-legend-title',
        attributes: { fontWeight: 'bold' },
      }),
      ...placedLegends.map((legend) => swatches(legend.items, { x: 0, y: legend.y, width })),
      // Column headers.
      text(['Step', ...(firstText ? [firstText.short ?? firstText.heading] : [])], {
        x: (_, i) => (i === 0 ? c.label : c.text),
        y: top,
        dy: headerY - top,
        text: (d) => d,
        className: 'cb-column-header',
        attributes: { fontWeight: 'bold' },
      }),
      symbol(categories, {
        x: (_, i) => c.marks + (i + 0.5) * c.markStep,
        y: top,
        dy: headerY - top - 5,
        symbol: (category) => shapes[category.shape ?? 'circle'],
        size: 40,
        fill: (category) => (strokedShapes.has(category.shape ?? '') ? 'none' : 'currentColor'),
        stroke: (category) => (strokedShapes.has(category.shape ?? '') ? 'currentColor' : 'none'),
        className: 'cb-category',
        title: (category) => category.label,
      }),
      // One background per printed row: the hover target, zebra-striped for steps.
      rect(stepRows, {
        x1: 0,
        x2: width,
        y1: (row) => rowTop(row.key),
        y2: (row) => rowTop(row.key) + row.height,
        fill: (row) => (row.kind === 'step' && segmentOf(row).number % 2 === 0 ? colours.zebra : 'transparent'),
        classes: (row) => ['cb-step', row.kind === 'step' && segmentOf(row).number % 2 === 0 ? 'cb-zebra' : ''].filter(Boolean).join(' '),
        attributes: (row) => ({ dataStep: row.key, dataKind: row.kind, dataPhase: row.phase, dataDetail: describeStep(row.step!) }),
        title: (row) => describeStep(row.step!),
      }),
      // Group changes: a rule and the group's name.
      ruleY(layout.filter((row) => row.kind === 'phase'), { y: (row) => rowTop(row.key), dy: 4, x1: 0, x2: width, className: 'cb-phase-rule', attributes: { strokeWidth: 1.5 } }),
      text(layout.filter((row) => row.kind === 'phase'), {
        x: 0,
        y: (row) => rowTop(row.key),
        dy: 21,
        text: (row) => phaseLabel(declared, row.phase),
        classes: 'cb-phase-label',
        attributes: (row) => ({ fontWeight: 'bold', dataPhase: row.phase }),
      }),
      // Events: a dashed rule with the printed text over it.
      ruleY(layout.filter((row) => row.kind === 'event'), { y: (row) => rowTop(row.key), dy: defaults.eventHeight / 2, x1: c.label, x2: width, strokeDasharray: '4 3', className: 'cb-event-rule' }),
      text(layout.filter((row) => row.kind === 'event'), {
        x: c.label,
        y: (row) => rowTop(row.key),
        dy: defaults.eventHeight / 2 + 5,
        text: (row) => `↻ ${row.labelLines[0]}`,
        classes: 'cb-event-label',
        attributes: { fontStyle: 'italic', stroke: colours.hatchBackground, strokeWidth: 5, paintOrder: 'stroke', strokeLinejoin: 'round' },
      }),
      // Step numbers and labels.
      text(stepLayouts, { x: c.number, y: (row) => rowTop(row.key), dy: (row) => baseline(row.key, 0) - rowTop(row.key), text: (row) => String(segmentOf(row).number), textAnchor: 'end', classes: 'cb-step-number', fill: colours.muted }),
      text(stepLayouts, { x: c.label, y: (row) => rowTop(row.key), dy: (row) => baseline(row.key, 0) - rowTop(row.key), text: (row) => row.labelLines, lineHeight, classes: 'cb-step-label', attributes: { fontWeight: 'bold' } }),
      // Category columns: faint guides, then the marks.
      rect(categories, {
        x1: (_, i) => c.marks + (i + 0.5) * c.markStep - 0.5,
        x2: (_, i) => c.marks + (i + 0.5) * c.markStep + 0.5,
        y1: top,
        y2: height - 8,
        fill: colours.zebra,
        classes: 'cb-guide',
      }),
      symbol(categoryMarks, {
        x: (d) => c.marks + (d.column + 0.5) * c.markStep,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, 0) - rowTop(d.row.key) - 5,
        symbol: (d) => shapes[d.category.shape ?? 'circle'],
        size: 64,
        fill: (d) => (strokedShapes.has(d.category.shape ?? '') ? 'none' : 'currentColor'),
        stroke: (d) => (strokedShapes.has(d.category.shape ?? '') ? 'currentColor' : 'none'),
        classes: (d) => `cb-category cb-category-${d.category.id}`,
        attributes: (d) => ({ dataStep: d.row.key, dataCategory: d.category.id, ...(strokedShapes.has(d.category.shape ?? '') ? { strokeWidth: 2 } : {}) }),
        title: (d) => `${segmentOf(d.row).label}: ${d.category.label}`,
      }),
      // Values of the marks column that are in no category, as notes.
      text(stepLayouts.filter((row) => row.noteLines.length > 0), {
        x: c.marks,
        y: (row) => rowTop(row.key),
        dy: (row) => baseline(row.key, (markCell(segmentOf(row), marks)?.categories.length ?? 0) > 0 ? 1 : 0) - rowTop(row.key),
        text: (row) => row.noteLines,
        lineHeight,
        classes: 'cb-note',
        fill: colours.muted,
        attributes: { fontStyle: 'italic' },
      }),
      // The band and the text columns.
      rect(bandPieces, {
        x1: c.band,
        x2: c.band + c.bandWidth,
        y1: (d) => d.y1,
        y2: (d) => d.y2,
        fill: (d) => bandFill(id, shadingOf(d.value)),
        stroke: colours.hatchInk,
        classes: (d) => `${bandClass(shadingOf(d.value))}${d.value.continued ? ' is-continued' : ''}`,
        attributes: (d) => ({ dataStep: d.row.key, dataCategory: d.value.category?.id ?? 'other', ...(d.value.continued ? { dataContinued: 'true' } : {}) }),
        title: (d) => `${bandName(bandColumn!, d.value)}: ${d.value.text}${d.value.continued ? ' (as above)' : ''}`,
      }),
      text(texts, {
        x: c.text,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.i) - rowTop(d.row.key),
        text: (d) => d.line.text,
        classes: (d) => ['cb-cell-text', d.continued ? 'is-continued' : '', isShaded(d.value) ? 'is-shaded' : ''].filter(Boolean).join(' '),
        fill: (d) => (d.continued ? colours.muted : 'currentColor'),
        attributes: (d) => (d.continued || isShaded(d.value) ? { fontStyle: 'italic' } : {}),
      }),
      // Excerpts placed on a step: a dot in the theme's colour and the code.
      symbol(excerptMarks, {
        x: (d) => d.x + 5,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.line) - rowTop(d.row.key) - 5,
        symbol: symbolCircle,
        size: 90,
        fill: (d) => codeOf(d.excerpt)?.theme.colour ?? 'currentColor',
        classes: 'cb-excerpt cb-code-fill',
        attributes: (d) => ({ dataCode: d.excerpt.codes[0], dataThemeCode: codeOf(d.excerpt)?.theme.code, dataExcerpt: d.excerpt.id, dataStep: d.row.key, dataDetail: `Excerpt: ${excerptTitle(d.excerpt)}` }),
        title: (d) => `Excerpt: ${excerptTitle(d.excerpt)}`,
      }),
      text(excerptMarks, {
        x: (d) => d.x + 14,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.line) - rowTop(d.row.key),
        text: (d) => d.excerpt.codes[0] ?? '',
        classes: 'cb-excerpt-code',
        attributes: (d) => ({ dataCode: d.excerpt.codes[0], dataThemeCode: codeOf(d.excerpt)?.theme.code }),
      }),
    ],
  });

  return {
    svg,
    table: dataTableOf(declared, session.title, steps, unplaced, base, words),
    title,
    description,
    notes: unplaced.length > 0 ? [unplacedNote(unplaced.length, words)] : [],
  };
}

interface Words {
  unit: string;
  work: string;
}

function unplacedNote(count: number, words: Words): string {
  return `${count} excerpt${count === 1 ? '' : 's'} from this ${words.unit} ${count === 1 ? 'is' : 'are'} not placed on a step by the ${words.work}, so ${count === 1 ? 'it is' : 'they are'} not drawn on the timeline.`;
}

function describe(declared: StepTable, unitTitle: string, steps: Step[], unplaced: Excerpt[], words: Words): string {
  const stepCount = steps.filter((step) => step.kind === 'step').length;
  const events = steps.filter((step) => step.kind === 'event');
  const placed = steps.reduce((sum, step) => sum + step.excerpts.length, 0);
  const { marks, text: textColumns } = chartColumns(declared);
  const parts = [`names its ${lower(declared.labelName ?? declared.labelHeading)}`];
  if (marks) parts.push(`marks the ${lower(marks.legend ?? marks.heading)} with a shape each and lists other ${lower(marks.heading)} as notes`);
  for (const column of textColumns) {
    parts.push(column.display === 'band' ? `shows the ${lower(column.heading)} beside a band that tells ${[column.otherLabel, ...column.categories.map((category) => category.label)].filter(Boolean).map((label) => lower(label!)).join(' from ')} apart` : `lists the ${lower(column.heading)}`);
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
  return [h('ul', { className: ['cb-plain-list'] }, excerpts.map((excerpt) => h('li', [h('a', { href: excerptHref(base, excerpt.id), dataCode: excerpt.codes[0] }, excerpt.title), ` (${excerpt.codes.join(', ')})`])))];
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

function dataTableOf(declared: StepTable, unitTitle: string, steps: Step[], unplaced: Excerpt[], base: string, words: Words): Element {
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
      body.push(h('tr', { className: ['cb-event-row'], dataStep: step.id }, [h('th', { scope: 'row' }, '—'), h('td', { colSpan: width - 2 }, h('em', step.label)), h('td', excerptLinks(step.excerpts, base))]));
      continue;
    }
    body.push(h('tr', { dataStep: step.id }, [h('th', { scope: 'row' }, String(step.number)), h('td', step.label), ...step.cells.map((cell) => h('td', cellContent(cell))), h('td', excerptLinks(step.excerpts, base))]));
  }
  flush();
  const headings = declared.columns.map((column) => (column.display === 'marks' && column.legend ? `${column.legend} and ${lower(column.heading)}` : column.heading));
  const captionParts = declared.columns.map((column) => (column.display === 'marks' ? `${lower(column.legend ?? column.heading)}, other ${lower(column.heading)} (in italics)` : lower(column.heading)));
  return h('table', { className: ['cb-data-table'] }, [
    h('caption', `${declared.title} of ${unitTitle}: ${[...captionParts, 'placed excerpts'].join(', ').replace(/, ([^,]*)$/, ' and $1')}, step by step`),
    h('thead', h('tr', ['Step', declared.labelName ?? declared.labelHeading, ...headings, 'Excerpts placed here'].map((column) => h('th', { scope: 'col' }, column)))),
    ...groups,
    ...(unplaced.length > 0 ? [h('tfoot', h('tr', [h('th', { scope: 'row' }, 'Not placed'), h('td', { colSpan: width - 2 }, unplacedNote(unplaced.length, words)), h('td', excerptLinks(unplaced, base))]))] : []),
  ]);
}
