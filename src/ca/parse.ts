/**
 * Entry points: stored lines or a fenced block's text → tree + located messages.
 */
import type { Position } from 'unist';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { build, type SourceLine } from './build.ts';
import { type Finding, problem, report } from './diagnostics.ts';
import type { Mode, Transcript, TranscriptLineInput } from './types.ts';

/** Options for both parsers. */
export interface ParseOptions {
  /** File to add messages to (a new one otherwise); its `path` then appears in reports. */
  file?: VFile;
  /** How to read punctuation: Jefferson `transcript` (default) or verbatim `commentary`. */
  mode?: Mode;
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
  return finish(splitText(typeof text === 'string' ? text : ''), [], options);
}

function finish(sources: readonly SourceLine[], early: readonly Finding[], options: ParseOptions): ParseResult {
  const { tree, findings } = build(sources, options.mode ?? 'transcript');
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
  return { kind, speaker, text, textStart: position.start, position };
}

// A label is one capitalised token right before a colon that is not itself a
// lengthening (`A::` is a stretched "A", not speaker A). Lowercase words before
// a colon (`well: yes`) are talk.
const label = /^[^\S\r\n]*(\p{Lu}[\p{L}\p{M}\p{N}_.’'-]{0,31})[^\S\r\n]*:(?![:ː])/u;
const silenceLine = /^\s*\(\s*(?:\d+:)?\d+(?:\.\d*)?\s*\)\s*$/;
const omissionLine = /^\s*(?:[.…]*…[.…]*|\.{3,}|\[\s*[.…]+\s*\])\s*$/;

function splitText(text: string): SourceLine[] {
  const sources: SourceLine[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  let number = 1;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const line = text.slice(offset, end);
    if (line.trim() !== '') sources.push(sourceFromText(line, number, offset));
    if (!match) break;
    offset = match.index + match[0].length;
    number++;
  }
  return sources;
}

function sourceFromText(line: string, number: number, offset: number): SourceLine {
  const position: Position = {
    start: { line: number, column: 1, offset },
    end: { line: number, column: line.length + 1, offset: offset + line.length },
  };
  if (silenceLine.test(line)) return { kind: 'silence', speaker: undefined, text: line, textStart: position.start, position };
  if (omissionLine.test(line)) return { kind: 'omission', speaker: undefined, text: line, textStart: position.start, position };
  const labelled = label.exec(line);
  if (!labelled?.[1]) return { kind: 'turn', speaker: undefined, text: line, textStart: position.start, position };
  const skip = labelled[0].length;
  return {
    kind: 'turn',
    speaker: labelled[1],
    text: line.slice(skip),
    textStart: { line: number, column: skip + 1, offset: offset + skip },
    position,
  };
}

function startOf(place: Finding['place']): { line: number; column: number } {
  return 'start' in place ? place.start : place;
}

function compare(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}
