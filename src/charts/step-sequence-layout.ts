/**
 * Step sequence, its layout: which columns the chart draws, how tall each row is for its
 * wrapped text, how excerpt markers share a row. Sizes are viewBox units.
 */
import type { Excerpt } from '../study/schemas/excerpt.ts';
import type { StepColumn, StepTable } from '../study/schemas/steps.ts';
import type { CellValue, SegmentStep, Step, StepCell } from './sequence.ts';
import { charWidth, textWidth, wrap } from './text-layout.ts';

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

export type Shading = 'solid' | 'hatched' | 'sparse';

/** The columns the chart draws: the first "marks" column as marks, the others as text beside an optional band. */
export function chartColumns(table: StepTable): { marks: StepColumn | undefined; text: StepColumn[] } {
  const marks = table.columns.find((column) => column.display === 'marks');
  return { marks, text: table.columns.filter((column) => column !== marks) };
}

export function shadingOf(value: CellValue): Shading {
  return value.category?.shading ?? 'solid';
}

export function bandName(column: StepColumn, value: CellValue): string {
  return value.category?.label ?? column.otherLabel ?? column.legend ?? column.heading;
}

/** Characters that fit in a width at the chart's font size. */
function fits(width: number): number {
  return Math.max(4, Math.floor(width / (charWidth * defaults.fontSize)));
}

export interface TextLine {
  text: string;
  /** Index of the cell among the text columns, and of the value within it. */
  cell: number;
  value: number;
}

export interface RowLayout {
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

export function markCell(step: SegmentStep, marks: StepColumn | undefined): StepCell | undefined {
  return marks === undefined ? undefined : step.cells.find((cell) => cell.column === marks);
}

export function textCells(step: SegmentStep, marks: StepColumn | undefined): StepCell[] {
  return step.cells.filter((cell) => cell.column !== marks);
}

function cellLines(cell: StepCell, index: number, chars: number): TextLine[] {
  if (cell.continued && !cell.unresolved) return [{ text: `↑ ${cell.printed[0] ?? ''}`, cell: index, value: 0 }];
  return cell.values.flatMap((value, v) => wrap(value.text, chars).map((line) => ({ text: line, cell: index, value: v })));
}

export function layoutRows(steps: Step[], marks: StepColumn | undefined): RowLayout[] {
  const { columns: c, width, lineHeight, rowPadding, eventHeight, phaseHeight, fontSize } = defaults;
  const labelChars = fits(c.marks - c.label - 4);
  const noteChars = fits(c.band - c.marks - 6);
  const textWidthAvailable = width - c.text;
  const textChars = fits(textWidthAvailable);
  const layout: RowLayout[] = [];
  for (const step of steps) {
    if (step.phaseStart)
      layout.push({ key: `phase-${step.phase ?? ''}`, kind: 'phase', step: undefined, phase: step.phase, height: phaseHeight, labelLines: [], noteLines: [], textLines: [], excerptLines: [] });
    if (step.kind === 'event') {
      const excerptLines = excerptRows(step.excerpts, textWidthAvailable, fontSize);
      layout.push({
        key: step.id,
        kind: 'event',
        step,
        phase: step.phase,
        height: eventHeight + excerptLines.length * lineHeight,
        labelLines: [step.label],
        noteLines: [],
        textLines: [],
        excerptLines,
      });
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
export function markerWidth(excerpt: Excerpt, fontSize: number): number {
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

export function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
