/**
 * The conventions table a study printed, read against the generator's symbol table, with
 * an example for each row taken from the study's own transcripts: the first line, in the
 * study's order, in which the CA engine reads that symbol.
 */
import { getSymbol, parseTranscript, usedSymbols, type SymbolEntry, type SymbolId } from '../ca/index.ts';
import type { Study } from '../study/index.ts';
import { transcriptLines, transcriptMode } from '../study/transcripts.ts';

export interface PrintedRow {
  /** Row in the printed table, from 1. */
  order: number;
  printed: string;
  meaning: string;
  entry: SymbolEntry;
  /** A line of the study's own transcripts that uses the symbol, if any does. */
  example: { excerpt: string; title: string; text: string } | undefined;
}

export function printedConventions(study: Study): PrintedRow[] {
  const conventions = study.meta.conventions;
  if (!conventions) return [];
  // Each transcript line once, labelled as printed, with the symbols the engine reads in it.
  const lines = study.excerpts
    .filter((excerpt) => transcriptMode(excerpt, study.sources) === 'transcript')
    .flatMap((excerpt) =>
      transcriptLines(excerpt, study.participants)
        .filter((line) => line.kind === 'turn')
        .map((line) => {
          // A continuation line is parsed under a stand-in label; it is shown as printed, without one.
          const { tree } = parseTranscript([{ ...line, speaker: line.speaker ?? 'X' }], { mode: 'transcript' });
          return { excerpt, text: line.speaker === undefined ? line.text : `${line.speaker}: ${line.text}`, used: new Set(usedSymbols(tree).map((entry) => entry.id)) };
        }),
    );
  return conventions.rows.map((row, index) => {
    const entry = getSymbol(row.symbol as SymbolId);
    // The line must also show the symbol's own marks (a `]`, a `↑`), not only imply it, e.g. an overlap left open.
    const marks = [...entry.symbol].filter((character) => !/[\p{L}\s]/u.test(character));
    const found = lines.find((line) => line.used.has(entry.id) && (marks.length === 0 || marks.some((mark) => line.text.includes(mark))));
    return { order: index + 1, printed: row.printed, meaning: row.meaning, entry, example: found && { excerpt: found.excerpt.id, title: found.excerpt.title, text: found.text } };
  });
}
