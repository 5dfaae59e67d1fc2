/**
 * The conventions table a study printed, read against the generator's symbol table, with
 * an example for each row taken from the study's own transcripts: the first line, in the
 * study's order, in which the CA engine reads that symbol, linked to that line.
 */
import { getSymbol, parseTranscript, symbols, usedSymbols, type SymbolEntry, type SymbolId } from '../ca/index.ts';
import type { Study } from '../study/index.ts';
import { printedNumbers, transcriptLines, transcriptMode } from '../study/transcripts.ts';
import { excerptHref } from './urls.ts';

/** A line of the study's own transcripts that uses a symbol. */
export interface SymbolExample {
  excerpt: string;
  title: string;
  /** The line as printed, with its label. */
  text: string;
  /** Its number on the excerpt's page (the source's own where the excerpt keeps them), the target of {@link exampleHref}. */
  line: number;
}

export interface PrintedRow {
  /** Row in the printed table, from 1. */
  order: number;
  printed: string;
  meaning: string;
  entry: SymbolEntry;
  /** A line of the study's own transcripts that uses the symbol, if any does. */
  example: SymbolExample | undefined;
}

interface ReadLine {
  excerpt: Study['excerpts'][number];
  text: string;
  line: number;
  used: Set<SymbolId>;
}

/** Each transcript line once, labelled as printed, with its number and the symbols the engine reads in it. */
function transcriptLinesRead(study: Study): ReadLine[] {
  return study.excerpts
    .filter((excerpt) => transcriptMode(excerpt, study.sources) === 'transcript')
    .flatMap((excerpt) => {
      const numbers = printedNumbers(excerpt.lines);
      return transcriptLines(excerpt, study.participants).flatMap((line, index) => {
        if (line.kind !== 'turn') return [];
        // A continuation line is parsed under a stand-in label; it is shown as printed, without one.
        const { tree } = parseTranscript([{ ...line, speaker: line.speaker ?? 'X' }], { mode: 'transcript' });
        return [
          { excerpt, text: line.speaker === undefined ? line.text : `${line.speaker}: ${line.text}`, line: numbers[index] ?? index + 1, used: new Set(usedSymbols(tree).map((entry) => entry.id)) },
        ];
      });
    });
}

/** The first line, in the study's order, that uses the symbol and shows its own marks (a `]`, a `↑`), not only implies it (an overlap left open). */
function firstUse(lines: readonly ReadLine[], entry: SymbolEntry): SymbolExample | undefined {
  const marks = [...entry.symbol].filter((character) => !/[\p{L}\s]/u.test(character));
  const found = lines.find((line) => line.used.has(entry.id) && (marks.length === 0 || marks.some((mark) => line.text.includes(mark))));
  return found && { excerpt: found.excerpt.id, title: found.excerpt.title, text: found.text, line: found.line };
}

/** The link to an example's line on its excerpt's page (the transcript's line anchor, ExcerptCard's `transcript-<id>`). */
export function exampleHref(example: SymbolExample): string {
  return `${excerptHref(example.excerpt)}#transcript-${example.excerpt}-line-${String(example.line)}`;
}

/** Every symbol of the table that the study's transcripts use, with the first line using it. */
export function symbolExamples(study: Study): Map<SymbolId, SymbolExample> {
  const lines = transcriptLinesRead(study);
  const examples = new Map<SymbolId, SymbolExample>();
  for (const entry of symbols) {
    const example = firstUse(lines, entry);
    if (example) examples.set(entry.id, example);
  }
  return examples;
}

export function printedConventions(study: Study): PrintedRow[] {
  const conventions = study.meta.conventions;
  if (!conventions) return [];
  const lines = transcriptLinesRead(study);
  return conventions.rows.map((row, index) => {
    const entry = getSymbol(row.symbol as SymbolId);
    return { order: index + 1, printed: row.printed, meaning: row.meaning, entry, example: firstUse(lines, entry) };
  });
}
