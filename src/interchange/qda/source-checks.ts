/**
 * Checks made once per document of the project, before anything is staged, where the
 * study check would otherwise report the same problem once per excerpt.
 */
import type { Line } from '../../study/schemas/index.ts';
import type { Speaker } from '../lines-text.ts';
import type { DeclaredSource } from '../speakers.ts';
import type { QdaTextSource } from './model.ts';
import type { QdaNotice } from './read.ts';
import type { ImportedRecord } from './to-study.ts';

/**
 * What the study check would report once per excerpt, said once per document of the
 * project, before anything is staged: excerpts the project does not place when the study
 * has several sources to choose from, and excerpts whose turns nobody speaks when their
 * source is talk (the comments, documents and field notes of a real project have no
 * speaker labels).
 */
export function refuseUnplaceable(source: QdaTextSource, records: readonly ImportedRecord[], declared: readonly DeclaredSource[], notices: QdaNotice[]): void {
  const list = (ids: string[]) => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? `, and ${ids.length - 3} more` : ''}`;
  const ids = (entries: readonly ImportedRecord[]) => entries.map((entry) => String(entry.record.id));
  const unplaced = records.filter((entry) => entry.record.source === undefined);
  if (unplaced.length > 0) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-excerpt-source',
      reason: `Document "${source.name}": the project does not say which of the study's sources its ${unplaced.length} excerpt${unplaced.length === 1 ? '' : 's'} (${list(ids(unplaced))}) come from, and the study declares ${declared.length === 0 ? 'none' : declared.map((candidate) => `"${candidate.id}"`).join(' and ')}`,
      fix:
        declared.length === 0
          ? 'Declare the source of these texts in study.json "sources" and import again.'
          : 'Import again with --source <id> (one of the sources above), or give the document a variable "source" in the QDA program.',
    });
  }
  const bySource = new Map(declared.map((candidate) => [candidate.id, candidate]));
  const unspoken = records.filter((entry) => {
    const kind = bySource.get(String(entry.record.source));
    const firstTurn = (entry.record.lines as Line[]).find((line) => line.kind === 'turn');
    return kind?.speakers === true && firstTurn !== undefined && firstTurn.speaker === undefined;
  });
  if (unspoken.length > 0) {
    const kinds = [...new Set(unspoken.map((entry) => String(entry.record.source)))];
    notices.push({
      severity: 'error',
      rule: 'qdpx-no-speaker',
      reason: `Document "${source.name}": ${unspoken.length} of its excerpts (${list(ids(unspoken))}) start with words no participant is named as saying, and their source ${kinds.map((kind) => `"${kind}"`).join(', ')} is talk, where every turn has a speaker`,
      fix: 'If these texts are documents or written comments, declare their source with "speakers": false in study.json and import with --source <it>; if they are talk, start each turn with a participant\'s label ("Label: words") in the QDA program, or add the labels the text uses to study.json\'s participants.',
    });
  }
}

/**
 * Labels that start several lines of the texts ("Interviewer: …") but name no participant:
 * their turns are imported without a speaker, and the researcher is told which labels to
 * declare. Only reported: a label is not a participant until the study says so.
 */
export function speakerLabelsNotParticipants(texts: readonly string[], speakers: readonly Speaker[]): [string, number][] {
  const known = new Set(speakers.flatMap((speaker) => [speaker.label.toLowerCase(), speaker.id.toLowerCase()]));
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/^([\p{L}][\p{L}\p{N} .'-]{0,29}):[ \t]/gmu)) {
      const label = match[1]!.trim();
      if (!known.has(label.toLowerCase())) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, count]) => count >= 3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
}
