/**
 * Transcript lines as plain text, one printed line per text line, the way a researcher
 * types them in a spreadsheet cell and the way a QDA tool shows a text source:
 *
 *     Caller: I rang earlier about my dad
 *     [he’s still not eating]                ← continues the previous speaker's turn
 *     Nurse: [okay that’s fine]
 *     (5.0)                                  ← a timed silence
 *     ……………..                               ← lines the quoting author left out
 *
 *
 * A line the source numbers starts with its number, as CA transcripts print it:
 * `95 DR: so what brings you in`, `96 (0.5)`; a line without one counts on from the line
 * before. An unnumbered continuation whose talk starts with a number and a space is written
 * with its tag, `{turn} 20 years ago`, so the number is not read as the line's.
 *
 * The grammar is documented in docs/import-export.md ("Lines"). Reading is lenient
 * (labels match a participant's label or id, any case; blank lines are ignored) and
 * writing is exact: every valid line is written so that reading it back gives the same
 * line. Where the plain form would read back differently (a continuation that starts
 * with "Client:", a continuation that looks like "(5.0)", an omission that is not dots),
 * the line is written with an explicit tag, `{turn} …` or `{omission} …`, and a
 * backslash escapes what a line cannot hold: `\\` a backslash, `\n` a line break,
 * `\r` a carriage return.
 */
import type { Line } from '../study/schemas/index.ts';
import { omissionLine, silenceLine } from '../ca/line-grammar.ts';

export interface Speaker {
  id: string;
  label: string;
}

/** A line read back from text, with where its words sit in the entry (UTF-16 units). */
export interface ReadLine {
  line: Line;
  /** Offset in the entry where the line's text starts (after any label or tag). */
  textStart: number;
}

const tagPattern = /^\{(turn|omission)\} ?/;
/** The source's own line number, first on the line: digits, then spaces or a tab. */
const numberPattern = /^(\d{1,9})[ \t]+(?=\S)/;

export function escapeEntry(text: string): string {
  return text.replace(/[\\\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\n' ? '\\n' : '\\r'));
}

/** Undoes {@link escapeEntry}; a backslash before any other character is kept as typed. */
export function unescapeEntry(text: string): string {
  return text.replace(/\\([\\nr])/g, (_, char: string) => (char === '\\' ? '\\' : char === 'n' ? '\n' : '\r'));
}

/** Reads one text line; blank lines are not transcript lines. */
export function readEntry(entry: string, speakers: readonly Speaker[]): ReadLine | undefined {
  if (entry.trim() === '') return undefined;
  const numbered = numberPattern.exec(entry);
  if (numbered) {
    const read = readUnnumbered(entry.slice(numbered[0].length), speakers);
    if (!read) return undefined;
    // An omission carries no number: the number stays part of what was typed.
    if (read.line.kind === 'omission') return readUnnumbered(entry, speakers);
    return { line: { ...read.line, number: Number(numbered[1]) }, textStart: read.textStart + numbered[0].length };
  }
  return readUnnumbered(entry, speakers);
}

function readUnnumbered(entry: string, speakers: readonly Speaker[]): ReadLine | undefined {
  if (entry.trim() === '') return undefined;
  const tag = tagPattern.exec(entry);
  if (tag) {
    const text = unescapeEntry(entry.slice(tag[0].length));
    const line: Line = tag[1] === 'turn' ? { kind: 'turn', text } : { kind: 'omission', text };
    return { line, textStart: tag[0].length };
  }
  if (silenceLine.test(entry)) return { line: { kind: 'silence', text: entry }, textStart: 0 };
  if (omissionLine.test(entry)) return { line: { kind: 'omission', text: entry }, textStart: 0 };
  const labelled = speakerOf(entry, speakers);
  if (labelled) {
    const textStart = labelled.prefixLength + (entry[labelled.prefixLength] === ' ' ? 1 : 0);
    return { line: { kind: 'turn', speaker: labelled.id, text: unescapeEntry(entry.slice(textStart)) }, textStart };
  }
  return { line: { kind: 'turn', text: unescapeEntry(entry) }, textStart: 0 };
}

/** The participant whose label (preferred) or id starts the entry, followed by ":". */
function speakerOf(entry: string, speakers: readonly Speaker[]): { id: string; prefixLength: number } | undefined {
  const colon = entry.indexOf(':');
  if (colon <= 0) return undefined;
  const name = entry.slice(0, colon).trim().toLowerCase();
  const match = speakers.find((speaker) => speaker.label.toLowerCase() === name) ?? speakers.find((speaker) => speaker.id.toLowerCase() === name);
  return match ? { id: match.id, prefixLength: colon + 1 } : undefined;
}

/** Writes one line so that {@link readEntry} gives it back unchanged. */
export function writeEntry(line: Line, speakers: readonly Speaker[]): string {
  const candidates: string[] = [];
  if (line.kind === 'turn' && line.speaker !== undefined) {
    const speaker = speakers.find((candidate) => candidate.id === line.speaker);
    if (speaker) candidates.push(`${speaker.label}: ${escapeEntry(line.text)}`);
    candidates.push(`${line.speaker}: ${escapeEntry(line.text)}`);
  } else {
    candidates.push(line.kind === 'silence' ? line.text : escapeEntry(line.text));
    if (line.kind !== 'silence') candidates.push(`{${line.kind}} ${escapeEntry(line.text)}`);
  }
  const number = line.kind !== 'omission' && line.number !== undefined ? `${String(line.number)} ` : '';
  const exact = candidates.map((candidate) => number + candidate).find((candidate) => sameLine(readEntry(candidate, speakers)?.line, line));
  if (exact === undefined) throw new Error(`Cannot write line ${JSON.stringify(line)}: speaker "${(line as { speaker?: string }).speaker}" is not a participant with a usable label or id`);
  return exact;
}

function sameLine(a: Line | undefined, b: Line): boolean {
  if (!a || a.kind !== b.kind || a.text !== b.text) return false;
  if ((a.kind === 'omission' ? undefined : a.number) !== (b.kind === 'omission' ? undefined : b.number)) return false;
  return a.kind !== 'turn' || b.kind !== 'turn' || a.speaker === b.speaker;
}

/** Writes lines as text, one per text line (LF). */
export function writeLines(lines: readonly Line[], speakers: readonly Speaker[]): string {
  return lines.map((line) => writeEntry(line, speakers)).join('\n');
}

/** A line read from a block of text, with the block's text line it came from (0-based). */
export interface LocatedLine extends ReadLine {
  /** Index of the text line in the block. */
  row: number;
  /** Offset of the text line in the block (UTF-16 units). */
  offset: number;
  /** The text line as written (without its line break). */
  entry: string;
}

/** Reads a block of text (LF, CRLF or CR line breaks) into lines, skipping blank ones. */
export function readLines(text: string, speakers: readonly Speaker[]): LocatedLine[] {
  const located: LocatedLine[] = [];
  const breaks = /\r\n|\n|\r/g;
  let offset = 0;
  let row = 0;
  for (;;) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    const entry = text.slice(offset, end);
    const read = readEntry(entry, speakers);
    if (read) located.push({ ...read, row, offset, entry });
    if (!found) break;
    offset = end + found[0].length;
    row += 1;
  }
  return located;
}
