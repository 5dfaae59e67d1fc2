/**
 * Entry points: stored lines or a fenced block's text → tree + located messages.
 */
import type { Position } from 'unist';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { build, columnFrom, type SourceLine } from './build.ts';
import { type Finding, problem, report } from './diagnostics.ts';
import { omissionLine, silenceLine } from './line-grammar.ts';
import { mediaLinks } from './tokenize.ts';
import type { Mode, Transcript, TranscriptLineInput } from './types.ts';

/** Options for both parsers. */
export interface ParseOptions {
  /** File to add messages to (a new one otherwise); its `path` then appears in reports. */
  file?: VFile;
  /** How to read punctuation: Jefferson `transcript` (default) or verbatim `commentary`. */
  mode?: Mode;
  /** Words written in capitals that are not loud talk (acronyms such as `GP`, `ICU`), as the study or excerpt declares them. */
  notLoud?: readonly string[];
}

/** Result of parsing. */
export interface ParseResult {
  /** The syntax tree. */
  tree: Transcript;
  /** What looked odd, in source order; none is fatal. */
  messages: VFileMessage[];
}

/**
 * Parse stored lines. Positions: `line` is the 1-based index into `lines`,
 * `column` the 1-based column within that line's `text`, `offset` relative to
 * that text. Never throws, even on malformed input from untyped callers.
 */
export function parseTranscript(lines: readonly TranscriptLineInput[], options: ParseOptions = {}): ParseResult {
  const findings: Finding[] = [];
  const sources = (Array.isArray(lines) ? lines : []).map((line: unknown, index) => sourceFromInput(line, index + 1, findings));
  return finish(sources, findings, options);
}

/**
 * Parse a fenced ```` ```ca ```` block: `Label: talk` per line, a line without
 * a label continues the previous speaker, a bare `(5.0)` is a silence, a row of
 * dots or `[…]` an omission; blank lines are skipped. Positions are relative to
 * `text`.
 */
export function parseTranscriptText(text: string, options: ParseOptions = {}): ParseResult {
  const findings: Finding[] = [];
  return finish(splitText(typeof text === 'string' ? text : '', findings), findings, options);
}

function finish(sources: readonly SourceLine[], early: readonly Finding[], options: ParseOptions): ParseResult {
  const { tree, findings } = build(sources, { mode: options.mode ?? 'transcript', notLoud: new Set(options.notLoud ?? []) });
  const file = options.file ?? new VFile();
  const all = [...early, ...findings].sort((a, b) => compare(startOf(a.place), startOf(b.place)));
  return { tree, messages: all.map((finding) => report(file, finding)) };
}

function sourceFromInput(line: unknown, number: number, findings: Finding[]): SourceLine {
  const record: Partial<Record<keyof TranscriptLineInput, unknown>> = typeof line === 'object' && line !== null ? line : {};
  const text = typeof record.text === 'string' ? record.text : '';
  const position: Position = {
    start: { line: number, column: 1, offset: 0 },
    end: { line: number, column: text.length + 1, offset: text.length },
  };
  let kind: SourceLine['kind'] = 'turn';
  if (record.kind === 'silence' || record.kind === 'omission' || record.kind === 'turn') kind = record.kind;
  else findings.push({ problem: problem['unknown-line-kind'](String(record.kind)), place: position });
  const speaker = typeof record.speaker === 'string' ? record.speaker : undefined;
  // The source's own number for the line; an omission is never numbered.
  const printed = kind !== 'omission' && Number.isSafeInteger(record.number) && (record.number as number) > 0 ? (record.number as number) : undefined;
  return { kind, speaker, text, textStart: position.start, position, column: 0, ...(printed === undefined ? {} : { printed }) };
}

// How transcripts print the start of a line, in the order tried. Each yields an
// optional printed line number and a speaker label; what follows is the talk.
//   `01 Tom: …`, `95  DR: …`, `1. KAY: …`, `1.D: …`, `Client: …`, `(Dan): …`
//   `4\tN:\t…`, `4.\tLiz\t…` (columns: the tab makes a colon unnecessary)
//   `*KAT:\t…`, `*STU\t…`, `*(STU):\t…` (CLAN tiers)
//   `|1 |J: |…|` (a table pasted as text)
const lineNumber = String.raw`(?<number>\d{1,5})(?:[.:)]|(?=\s))?`;
const name = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}_.’'-]{0,31}`;
const layouts: readonly RegExp[] = [
  // CLAN tier: `*` + code, colon optional before the tab.
  /^\*(?<paren>\()?(?<speaker>[\p{L}\p{N}_-]{1,16})\)?:?[ \t]+/u,
  // A table row: cells between bars.
  new RegExp(String.raw`^\|[ \t]*(?:${lineNumber}[ \t]*\|[ \t]*)?(?<paren>\()?(?<speaker>${name})\)?[ \t]*:?[ \t]*\|`, 'u'),
  // Number, then a label with a colon (any case: the number makes the layout clear).
  new RegExp(String.raw`^[ \t]*${lineNumber}[ \t]*(?<paren>\()?(?<speaker>${name})\)?[ \t]*:(?![:ː])`, 'u'),
  // Columns separated by tabs: number, label, talk.
  new RegExp(String.raw`^[ \t]*${lineNumber}[ \t]*\t[ \t]*(?<paren>\()?(?<speaker>${name})\)?[ \t]*\t`, 'u'),
  // A label with a colon, capitalised (lowercase words before a colon, `well: yes`, are talk).
  /^[ \t]*(?<paren>\()?(?<speaker>\p{Lu}[\p{L}\p{M}\p{N}_.’'-]{0,31})\)?[ \t]*:(?![:ː])/u,
  // Sacks’s early style: one capital and a full stop, `A. I started …`.
  /^[ \t]*(?<speaker>\p{Lu})\.[ \t]+(?=\S)/u,
];
// A number and a silence, `12 (0.5)`, has no speaker; a number and talk with no label is ambiguous.
const numberOnly = new RegExp(String.raw`^[ \t]*${lineNumber}[ \t]+(?=\S)`, 'u');

function splitText(text: string, findings: Finding[]): SourceLine[] {
  const sources: SourceLine[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  let number = 1;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const line = text.slice(offset, end);
    if (line.trim() !== '') sources.push(sourceFromText(line, number, offset, findings));
    if (!match) break;
    offset = match.index + match[0].length;
    number++;
  }
  return sources;
}

function sourceFromText(line: string, number: number, offset: number, findings: Finding[]): SourceLine {
  const position: Position = {
    start: { line: number, column: 1, offset },
    end: { line: number, column: line.length + 1, offset: offset + line.length },
  };
  const found = layouts.map((layout) => layout.exec(line)).find((match) => match?.groups?.['speaker'] !== undefined);
  const unlabelled = found ? undefined : numberOnly.exec(line);
  const after = unlabelled ? line.slice(unlabelled[0].length) : '';
  if (unlabelled && !silenceLine.test(after.replace(mediaLinks, ''))) {
    const end = unlabelled[0].trimEnd().length;
    findings.push({
      problem: problem['ambiguous-label'](unlabelled[0].trim()),
      place: { start: { line: number, column: 1, offset }, end: { line: number, column: end + 1, offset: offset + end } },
    });
  }
  const skip = (found ?? unlabelled)?.[0].length ?? 0;
  const printed = (found ?? unlabelled)?.groups?.['number'];
  let talk = line.slice(skip);
  // A table row's closing bar is layout, not talk.
  if (found && line.startsWith('|')) talk = talk.replace(/[ \t]*\|[ \t]*$/, '');
  const textStart = { line: number, column: skip + 1, offset: offset + skip };
  const base = { text: talk, textStart, position, column: columnFrom(0, line.slice(0, skip)), ...(printed === undefined ? {} : { printed: Number(printed) }) };
  const bare = talk.replace(mediaLinks, '');
  if (!found && silenceLine.test(bare)) return { ...base, kind: 'silence', speaker: undefined };
  if (!found && omissionLine.test(bare)) return { ...base, kind: 'omission', speaker: undefined };
  if (!found) return { ...base, kind: 'turn', speaker: undefined };
  const speaker = found.groups?.['speaker'];
  const label = line.startsWith('|') || speaker === undefined ? undefined : printedLabel(found, speaker);
  return { ...base, kind: 'turn', speaker, ...(found.groups?.['paren'] ? { uncertainSpeaker: true } : {}), ...(label === undefined ? {} : { label }) };
}

/**
 * The label as printed, without the line number and the space around it, when it is not
 * simply `speaker:`: a CLAN tier's `*KAT:`, `(Dan):`, `A.`. A label printed without a colon
 * or a stop (tab columns, `*STU<tab>`) is shown with a colon, which keeps it apart from the talk.
 */
function printedLabel(found: RegExpExecArray, speaker: string): string | undefined {
  let printed = found[0];
  if (found.groups?.['number'] !== undefined) printed = printed.replace(/^[ \t]*\d{1,5}[.:)]?/u, '');
  printed = printed.trim();
  if (!/[:.]$/u.test(printed)) printed = `${printed.replace(/[ \t]+$/u, '')}:`;
  return printed === `${speaker}:` ? undefined : printed;
}

function startOf(place: Finding['place']): { line: number; column: number } {
  return 'start' in place ? place.start : place;
}

function compare(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}
