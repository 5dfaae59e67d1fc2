/**
 * One vignette's excerpts are read as one text: their line numbers run on in the order the
 * page's frontmatter lists them, on the page, its projector view and its handout, so
 * "at which line…" names the same line in every copy.
 */
import type { Study } from '../../study/index.ts';
import { transcriptLines, transcriptMode } from '../../study/transcripts.ts';
import { continuedNumbering } from '../ca/transcript-html.ts';

export function excerptFirstLines(study: Study, excerptIds: readonly string[]): Map<string, number> {
  return continuedNumbering(
    excerptIds.flatMap((id) => {
      const excerpt = study.excerptIndex.get(id);
      return excerpt ? [{ id, lines: transcriptLines(excerpt, study.participants), mode: transcriptMode(excerpt, study.sources) }] : [];
    }),
  );
}
