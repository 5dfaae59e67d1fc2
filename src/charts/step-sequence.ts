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
 * Layout (row heights, wrapped text) is in step-sequence-layout.ts; the description and data
 * table in step-sequence-table.ts.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { symbol as d3Symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTimes, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import type { Study } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import { rect } from './marks/rect.ts';
import { ruleY } from './marks/rule.ts';
import { swatches, layoutSwatches, type SwatchItem } from './marks/swatches.ts';
import { symbol } from './marks/symbol.ts';
import { text } from './marks/text.ts';
import { dimensions as makeDimensions, plot } from './plot.ts';
import { identity, rows } from './scales.ts';
import { phaseLabel, sequenceSteps, type CellValue, type SegmentStep, type Step } from './sequence.ts';
import type { StepCategory } from '../study/schemas/steps.ts';
import { bandName, chartColumns, defaults, layoutRows, lower, markCell, markerWidth, shadingOf, textCells, type RowLayout, type Shading, type TextLine } from './step-sequence-layout.ts';
import { dataTableOf, describe, unplacedNote } from './step-sequence-table.ts';
import type { ChartResult } from './types.ts';
import { workNoun } from '../study/words.ts';

export interface StepSequenceOptions {
  /** Site base for excerpt links in the data table, e.g. "/" or "/casebook/". Default "/". */
  base?: string;
  /** Prefix of the ids inside the SVG; must be unique on the page. */
  id?: string;
}

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
      ruleY(
        layout.filter((row) => row.kind === 'phase'),
        { y: (row) => rowTop(row.key), dy: 4, x1: 0, x2: width, className: 'cb-phase-rule', attributes: { strokeWidth: 1.5 } },
      ),
      text(
        layout.filter((row) => row.kind === 'phase'),
        {
          x: 0,
          y: (row) => rowTop(row.key),
          dy: 21,
          text: (row) => phaseLabel(declared, row.phase),
          classes: 'cb-phase-label',
          attributes: (row) => ({ fontWeight: 'bold', dataPhase: row.phase }),
        },
      ),
      // Events: a dashed rule with the printed text over it.
      ruleY(
        layout.filter((row) => row.kind === 'event'),
        { y: (row) => rowTop(row.key), dy: defaults.eventHeight / 2, x1: c.label, x2: width, strokeDasharray: '4 3', className: 'cb-event-rule' },
      ),
      text(
        layout.filter((row) => row.kind === 'event'),
        {
          x: c.label,
          y: (row) => rowTop(row.key),
          dy: defaults.eventHeight / 2 + 5,
          text: (row) => `↻ ${row.labelLines[0]}`,
          classes: 'cb-event-label',
          attributes: { fontStyle: 'italic', stroke: colours.hatchBackground, strokeWidth: 5, paintOrder: 'stroke', strokeLinejoin: 'round' },
        },
      ),
      // Step numbers and labels.
      text(stepLayouts, {
        x: c.number,
        y: (row) => rowTop(row.key),
        dy: (row) => baseline(row.key, 0) - rowTop(row.key),
        text: (row) => String(segmentOf(row).number),
        textAnchor: 'end',
        classes: 'cb-step-number',
        fill: colours.muted,
      }),
      text(stepLayouts, {
        x: c.label,
        y: (row) => rowTop(row.key),
        dy: (row) => baseline(row.key, 0) - rowTop(row.key),
        text: (row) => row.labelLines,
        lineHeight,
        classes: 'cb-step-label',
        attributes: { fontWeight: 'bold' },
      }),
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
      text(
        stepLayouts.filter((row) => row.noteLines.length > 0),
        {
          x: c.marks,
          y: (row) => rowTop(row.key),
          dy: (row) => baseline(row.key, (markCell(segmentOf(row), marks)?.categories.length ?? 0) > 0 ? 1 : 0) - rowTop(row.key),
          text: (row) => row.noteLines,
          lineHeight,
          classes: 'cb-note',
          fill: colours.muted,
          attributes: { fontStyle: 'italic' },
        },
      ),
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
        attributes: (d) => ({
          dataCode: d.excerpt.codes[0],
          dataThemeCode: codeOf(d.excerpt)?.theme.code,
          dataExcerpt: d.excerpt.id,
          dataStep: d.row.key,
          dataDetail: `Excerpt: ${excerptTitle(d.excerpt)}`,
        }),
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
