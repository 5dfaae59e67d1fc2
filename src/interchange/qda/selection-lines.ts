/**
 * The words of a stretch of a source text as transcript lines: a selection that covers
 * part of a turn keeps the turn's speaker and the covered words.
 */
import type { Line } from '../../study/schemas/index.ts';
import { unescapeEntry, type LocatedLine } from '../lines-text.ts';
import type { QdaSelection } from './model.ts';

export interface Span {
  /** UTF-16 offsets in the LF-normalised text. */
  start: number;
  end: number;
  selections: QdaSelection[];
  codeGuids: string[];
}

/** The lines of a stretch of the source: partly covered turns keep their speaker and the covered words. */
export function linesOf(located: readonly LocatedLine[], span: { start: number; end: number }): { lines: Line[]; whole: boolean } {
  // Binary search for the first line that ends after the span starts: sources run to 600,000 characters.
  let low = 0;
  let high = located.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const entry = located[middle]!;
    if (entry.offset + entry.entry.length <= span.start) low = middle + 1;
    else high = middle;
  }
  const lines: Line[] = [];
  let whole = low === 0;
  let index = low;
  for (; index < located.length && located[index]!.offset < span.end; index += 1) {
    const entry = located[index]!;
    const entryEnd = entry.offset + entry.entry.length;
    const textStart = entry.offset + entry.textStart;
    if (entry.line.kind !== 'turn' || (span.start <= textStart && span.end >= entryEnd)) {
      lines.push(entry.line);
      continue;
    }
    whole = false;
    let piece = entry.entry.slice(Math.max(span.start, textStart) - entry.offset, Math.min(span.end, entryEnd) - entry.offset);
    if (span.start > textStart) piece = piece.trimStart();
    if (span.end < entryEnd) piece = piece.trimEnd();
    if (piece === '') continue;
    lines.push({ ...entry.line, text: unescapeEntry(piece) });
  }
  if (index < located.length) whole = false;
  return { lines, whole };
}

export function firstWords(lines: readonly Line[], count: number): string {
  const words = lines.flatMap((line) => line.text.split(/\s+/)).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}
