/**
 * Excerpts as a spreadsheet: one row per excerpt, one column per field, the transcript
 * lines in one cell (one printed line per line of the cell, see lines-text.ts). Writing
 * then reading gives back the same excerpts; reading never validates beyond the cell
 * format — the caller validates the result with the study's own schemas and cross-checks,
 * so a spreadsheet is checked exactly like the JSON it becomes.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Excerpt } from '../study/schemas/index.ts';
import type { JsonPath } from '../study/json-source.ts';
import { escapeEntry, readLines, unescapeEntry, writeLines, type Speaker } from './lines-text.ts';
import { neutraliseFormula, restoreFormula } from './formula.ts';
import { optional, placementRecord } from './content-files.ts';

/** The columns, in the order they are written; headers are matched case-insensitively. */
export const csvColumns = [
  { key: 'id', header: 'id' },
  { key: 'title', header: 'title' },
  { key: 'session', header: 'session' },
  { key: 'step', header: 'step' },
  { key: 'source', header: 'source' },
  { key: 'lines', header: 'lines' },
  { key: 'codes', header: 'codes' },
  { key: 'leadIn', header: 'lead-in' },
  { key: 'interpretation', header: 'interpretation' },
  { key: 'section', header: 'article section' },
  { key: 'page', header: 'article page' },
  { key: 'order', header: 'article order' },
  { key: 'notes', header: 'notes' },
  { key: 'notLoud', header: 'not loud' },
] as const;

/**
 * Columns a sheet may lack: one written by an earlier Casebook has no "not loud". Where it
 * is absent the import leaves each excerpt's value as its file has it (import-csv.ts).
 */
export const optionalCsvColumns: ReadonlySet<CsvColumnKey> = new Set(['notLoud']);

export type CsvColumnKey = (typeof csvColumns)[number]['key'];

const BOM = '\uFEFF';

/**
 * The spreadsheet: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF rows, every cell quoted
 * where needed, and no cell a spreadsheet would run as a formula (see formula.ts).
 */
export function excerptsToCsv(excerpts: readonly Excerpt[], speakers: readonly Speaker[]): string {
  const rows = excerpts.map((excerpt) => {
    const cells: Record<CsvColumnKey, string> = {
      id: excerpt.id,
      title: excerpt.title,
      session: excerpt.session === null ? '' : String(excerpt.session),
      step: excerpt.step ?? '',
      source: excerpt.source,
      lines: writeLines(excerpt.lines, speakers),
      codes: excerpt.codes.join('; '),
      leadIn: excerpt.leadIn ?? '',
      interpretation: excerpt.interpretation ?? '',
      section: excerpt.article?.section ?? '',
      page: excerpt.article?.page === undefined ? '' : String(excerpt.article.page),
      order: excerpt.article?.order === undefined ? '' : String(excerpt.article.order),
      notes: excerpt.notes.map(escapeEntry).join('\n'),
      notLoud: (excerpt.notLoud ?? []).join('; '),
    };
    return csvColumns.map((column) => neutraliseFormula(cells[column.key]));
  });
  return BOM + stringify([csvColumns.map((column) => column.header), ...rows], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** Where a problem in the spreadsheet is: 1-based row (the header is row 1) and column, as a spreadsheet numbers them. */
export interface CellPlace {
  line: number;
  column: number;
}

export interface CsvProblem {
  reason: string;
  rule: string;
  severity: 'error' | 'warning';
  place: CellPlace;
  fix: string;
}

/** One data row read into the shape of an excerpt file (not yet validated). */
export interface CsvRow {
  /** Spreadsheet row number (the header is 1). */
  row: number;
  /** The excerpt as the content file would hold it: the input side of the schema. */
  excerpt: Record<string, unknown>;
  /** Where a value of the excerpt came from, for reporting the validator's findings. */
  locate(path: JsonPath): { place: CellPlace; detail: string };
}

export interface CsvReadResult {
  rows: CsvRow[];
  problems: CsvProblem[];
  /** Optional columns the sheet does not have. */
  absent?: CsvColumnKey[];
}

/** Reads the spreadsheet (with or without a BOM, CRLF or LF) into excerpt-shaped rows. */
export function readExcerptCsv(text: string, speakers: readonly Speaker[]): CsvReadResult {
  const problems: CsvProblem[] = [];
  // Each record becomes its row as it is parsed (csv-parse's on_record), so the sheet's
  // cells are never all held at once: for 100,000 rows that was some hundreds of megabytes.
  let header: string[] | undefined;
  const indexOf = new Map<CsvColumnKey, number>();
  let complete = true;
  const rows: CsvRow[] = [];
  let row = 0;
  const readHeader = (names: string[]) => {
    names.forEach((name, index) => {
      const column = csvColumns.find((candidate) => candidate.header === name.trim().toLowerCase());
      if (column && !indexOf.has(column.key)) indexOf.set(column.key, index);
      else if (name.trim() !== '') {
        problems.push({
          reason: `Unknown column "${name.trim()}" is ignored`,
          rule: 'csv-unknown-column',
          severity: 'warning',
          place: { line: 1, column: index + 1 },
          fix: `Remove the column, or rename it to one of: ${csvColumns.map((c) => c.header).join(', ')}.`,
        });
      }
    });
    const missing = csvColumns.filter((column) => !indexOf.has(column.key) && !optionalCsvColumns.has(column.key));
    if (missing.length === 0) return;
    complete = false;
    problems.push({
      reason: `Missing column${missing.length === 1 ? '' : 's'} ${missing.map((column) => `"${column.header}"`).join(', ')} in the header row`,
      rule: 'csv-missing-column',
      severity: 'error',
      place: { line: 1, column: names.length + 1 },
      fix: `The first row names the columns: ${csvColumns.map((c) => c.header).join(', ')} (any order). Start from the file npm run export:csv writes.`,
    });
  };
  const readRecord = (record: string[]): undefined => {
    row += 1;
    if (header === undefined) {
      header = record;
      readHeader(record);
      return undefined;
    }
    if (!complete || record.every((cell) => cell.trim() === '')) return undefined;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        reason: `Row ${row} has ${record.length} cells but the header names ${header.length} columns; the extra cells are ignored`,
        rule: 'csv-extra-cells',
        severity: 'warning',
        place: { line: row, column: header.length + 1 },
        fix: 'Move the values into a named column or delete them.',
      });
    }
    rows.push(readRow(record, row, indexOf, speakers));
    return undefined;
  };
  try {
    parse(text.startsWith(BOM) ? text.slice(1) : text, { relax_column_count: true, skip_empty_lines: false, on_record: readRecord });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({
      reason: `Unreadable CSV: ${(error as Error).message.replace(/^Invalid [^:]*: /, '')}`,
      rule: 'csv-syntax',
      severity: 'error',
      place: { line, column: 1 },
      fix: 'Save the sheet again as CSV (UTF-8) from the spreadsheet program; a quote inside a cell must be doubled ("").',
    });
    return { rows: [], problems: problems.filter((problem) => problem.rule === 'csv-syntax') };
  }
  if (header === undefined) readHeader([]);
  if (!complete) return { rows: [], problems };
  const absent = [...optionalCsvColumns].filter((key) => !indexOf.has(key));
  return { rows, problems, absent };
}

function readRow(record: string[], row: number, indexOf: Map<CsvColumnKey, number>, speakers: readonly Speaker[]): CsvRow {
  const cell = (key: CsvColumnKey) => (indexOf.has(key) ? restoreFormula(record[indexOf.get(key)!] ?? '') : '');
  const lines = readLines(cell('lines'), speakers);
  const notes = readLines(cell('notes'), []);
  const page = numberOrText(cell('page'));
  const step = cell('step').trim();
  const excerpt: Record<string, unknown> = {
    id: cell('id').trim(),
    title: cell('title'),
    session: numberOrText(cell('session')) ?? null,
    ...(step === '' ? {} : { step }),
    source: cell('source').trim(),
    lines: lines.map((located) => located.line),
    codes: cell('codes')
      .split(/[;,\r\n]/)
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    ...(cell('leadIn') === '' ? {} : { leadIn: cell('leadIn') }),
    // An empty cell leaves it unwritten rather than an empty text.
    ...(cell('interpretation').trim() === '' ? {} : { interpretation: cell('interpretation') }),
    ...optional('article', placementRecord(cell('section'), page, numberOrText(cell('order')))),
    notes: notes.map((located) => unescapeEntry(located.entry)),
  };
  const notLoud = cell('notLoud')
    .split(/[;,\r\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  if (notLoud.length > 0) excerpt.notLoud = notLoud;
  return {
    row,
    excerpt,
    locate: locator(
      row,
      indexOf,
      lines.map((located) => located.row),
      notes.map((located) => located.row),
    ),
  };
}

/**
 * Where a value of a row's excerpt came from. It keeps only the row number and the cell
 * line of each transcript line and note, not the row's cells: for 100,000 rows, holding
 * every cell until the check was done was some hundreds of megabytes.
 */
function locator(row: number, indexOf: Map<CsvColumnKey, number>, lineRows: number[], noteRows: number[]): CsvRow['locate'] {
  return (path) => {
    const [first, second] = path;
    const key: CsvColumnKey = first === 'article' ? (second === 'page' ? 'page' : second === 'order' ? 'order' : 'section') : isColumnKey(first) ? first : 'id';
    const place = { line: row, column: indexOf.get(key)! + 1 };
    if ((key === 'lines' || key === 'notes') && typeof second === 'number') {
      const cellLine = (key === 'lines' ? lineRows : noteRows)[second];
      if (cellLine !== undefined) return { place, detail: ` (line ${cellLine + 1} of the cell)` };
    }
    return { place, detail: '' };
  };
}

function isColumnKey(value: unknown): value is CsvColumnKey {
  return csvColumns.some((column) => column.key === value);
}

/** A whole number as a number, an empty cell as undefined, anything else as typed (the schema reports it). */
function numberOrText(cell: string): number | string | undefined {
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function columnHeader(key: CsvColumnKey): string {
  return csvColumns.find((column) => column.key === key)!.header;
}
