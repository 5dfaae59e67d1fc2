/**
 * Runs the CA engine over every excerpt so malformed Jefferson notation is reported at
 * its place in the content file, like any other content problem.
 *
 * The engine is lenient, as real transcripts vary; here its findings are graded for
 * publication. Notation as the transcriber wrote it (an unclosed `°` or `>`, a stray `)`,
 * a lookalike character) is published as written, so it is a warning and never a reason
 * to refuse the study. A stored line that contradicts its own kind (a `silence` line that
 * is not a timed pause, an empty line of talk) is a data-entry mistake, so it is an
 * error. Readings the engine is sure of (info) are not reported.
 */
import { parseTranscript, type TranscriptLineInput } from '../ca/index.ts';
import { report } from './diagnostics.ts';
import type { Loaded } from './crossref.ts';
import { placeInString, placeOf } from './json-source.ts';
import type { Excerpt, ExcerptSource, Line, Participant, StudyMeta } from './schemas/index.ts';

const ERROR_RULES = new Set(['invalid-silence', 'invalid-omission', 'empty-turn', 'unknown-line-kind']);

/** How the CA engine reads punctuation: a source the study transcribes verbatim is plain speech, not Jefferson talk. */
export function transcriptMode(excerpt: Pick<Excerpt, 'source'>, sources: ReadonlyMap<string, ExcerptSource> | readonly ExcerptSource[]): 'transcript' | 'commentary' {
  const source = sources instanceof Map ? sources.get(excerpt.source) : (sources as readonly ExcerptSource[]).find((candidate) => candidate.id === excerpt.source);
  return source?.transcription === 'verbatim' ? 'commentary' : 'transcript';
}

/** Acronyms that are not loud talk in an excerpt: the study's and the excerpt's own. */
export function notLoudFor(excerpt: Pick<Excerpt, 'notLoud'>, meta: Pick<StudyMeta, 'notLoud'>): string[] {
  return [...(meta.notLoud ?? []), ...(excerpt.notLoud ?? [])];
}

/** The engine's input for an excerpt: participant ids become the labels the study prints. */
export function transcriptLines(excerpt: Pick<Excerpt, 'lines'>, participants: ReadonlyMap<string, Participant> | readonly Participant[]): TranscriptLineInput[] {
  const byId = participants instanceof Map ? participants : new Map((participants as readonly Participant[]).map((p) => [p.id, p]));
  return excerpt.lines.map((line) => {
    const input: TranscriptLineInput =
      line.kind === 'turn' && line.speaker !== undefined ? { kind: line.kind, speaker: byId.get(line.speaker)?.label ?? line.speaker, text: line.text } : { kind: line.kind, text: line.text };
    if (line.kind !== 'omission' && line.number !== undefined) input.number = line.number;
    return input;
  });
}

/**
 * The number each line is printed with, as the CA engine numbers them: a line's own
 * `number` (the source's), else one more than the line before, the first line 1; a mark
 * of omitted lines has none.
 */
export function printedNumbers(lines: readonly Line[]): (number | undefined)[] {
  let previous = 0;
  return lines.map((line) => {
    if (line.kind === 'omission') return undefined;
    previous = line.number ?? previous + 1;
    return previous;
  });
}

/** Whether the excerpt carries its source's own line numbers. */
export function hasSourceNumbers(lines: readonly Line[]): boolean {
  return lines.some((line) => line.kind !== 'omission' && line.number !== undefined);
}

/** Line numbers that do not rise: each is reported where it is written, an error (a citation by line would name two lines). */
function checkLineNumbers(source: Loaded<Excerpt>['source'], lines: readonly Line[]): void {
  let previous = 0;
  lines.forEach((line, index) => {
    if (line.kind === 'omission') return;
    if (line.number !== undefined && line.number <= previous) {
      report(source.file, {
        reason: `Line number ${String(line.number)} does not come after ${String(previous)}, the number of the line before it`,
        rule: 'line-number-order',
        severity: 'error',
        place: placeOf(source, ['lines', index, 'number']),
        fix: `Give each line the number the source prints, rising: ${String(previous + 1)} or more here, or leave "number" out to count on from the line before.`,
      });
    }
    previous = line.number ?? previous + 1;
  });
}

export function checkTranscripts(excerpts: Loaded<Excerpt>[], meta: Pick<StudyMeta, 'participants' | 'sources' | 'notLoud'>): void {
  for (const { source, data } of excerpts) {
    checkLineNumbers(source, data.lines);
    // Texts nobody speaks are not transcripts of talk: there is no notation to check.
    if (meta.sources.find((declared) => declared.id === data.source)?.speakers === false) continue;
    const { messages } = parseTranscript(transcriptLines(data, meta.participants), { mode: transcriptMode(data, meta.sources), notLoud: notLoudFor(data, meta) });
    for (const message of messages) {
      if (message.fatal !== false) continue; // info: a confident reading, nothing to fix
      const lineIndex = (message.line ?? 1) - 1;
      const column = (message.column ?? 1) - 1;
      report(source.file, {
        reason: `CA notation: ${message.reason}`,
        rule: `ca/${message.ruleId ?? 'notation'}`,
        severity: ERROR_RULES.has(message.ruleId ?? '') ? 'error' : 'warning',
        place: placeInString(source, ['lines', lineIndex, 'text'], column),
        fix: message.note ?? `See the "${message.ruleId}" entry under Errors in src/ca/README.md.`,
      });
    }
  }
}
