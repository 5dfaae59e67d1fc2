/**
 * Runs the CA engine over every excerpt so malformed Jefferson notation is reported at
 * its place in the content file, like any other content problem.
 *
 * The engine is lenient, as real transcripts vary; here its findings are graded for
 * publication: notation that cannot be read as intended (an unclosed `°`, a stray `)`)
 * is an error, because the site would render it wrongly; an overlap bracket left open is
 * common in published CA and stays a warning; readings the engine is sure of (info) are
 * not reported.
 */
import { parseTranscript } from '../ca/index.ts';
import { report } from './diagnostics.ts';
import type { Loaded } from './crossref.ts';
import { placeInString } from './json-source.ts';
import type { Excerpt, Participant } from './schemas/index.ts';

const WARNING_RULES = new Set(['unclosed-overlap', 'unopened-overlap', 'lone-overlap', 'lookalike-character']);

/** How the CA engine reads punctuation: commentaries are verbatim speech, not Jefferson talk. */
export function transcriptMode(excerpt: Pick<Excerpt, 'source'>): 'transcript' | 'commentary' {
  return excerpt.source === 'participant-commentary' ? 'commentary' : 'transcript';
}

/** The engine's input for an excerpt: participant ids become the labels printed in the article. */
export function transcriptLines(excerpt: Pick<Excerpt, 'lines'>, participants: ReadonlyMap<string, Participant> | readonly Participant[]) {
  const byId = participants instanceof Map ? participants : new Map((participants as readonly Participant[]).map((p) => [p.id, p]));
  return excerpt.lines.map((line) =>
    line.kind === 'turn' && line.speaker !== undefined
      ? { kind: line.kind, speaker: byId.get(line.speaker)?.label ?? line.speaker, text: line.text }
      : { kind: line.kind, text: line.text },
  );
}

export function checkTranscripts(excerpts: Loaded<Excerpt>[], participants: Participant[]): void {
  for (const { source, data } of excerpts) {
    const { messages } = parseTranscript(transcriptLines(data, participants), { mode: transcriptMode(data) });
    for (const message of messages) {
      if (message.fatal !== false) continue; // info: a confident reading, nothing to fix
      const lineIndex = (message.line ?? 1) - 1;
      const column = (message.column ?? 1) - 1;
      report(source.file, {
        reason: `CA notation: ${message.reason}`,
        rule: `ca/${message.ruleId ?? 'notation'}`,
        severity: WARNING_RULES.has(message.ruleId ?? '') ? 'warning' : 'error',
        place: placeInString(source, ['lines', lineIndex, 'text'], column),
        fix: message.note ?? `See the "${message.ruleId}" entry under Errors in src/ca/README.md.`,
      });
    }
  }
}
