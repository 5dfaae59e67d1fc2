/**
 * Words the site derives from a study's data rather than from any one study: what the
 * published work is called, and the study's own name for its units.
 */
import type { StudyMeta } from './schemas/index.ts';

const workNouns = {
  article: 'article',
  thesis: 'thesis',
  report: 'report',
  preprint: 'preprint',
  chapter: 'chapter',
  'teaching-case': 'teaching case',
  unpublished: 'study',
} as const satisfies Record<StudyMeta['publication']['type'], string>;

/** What the site calls the published work: "article" only for an edition of an article. */
export function workNoun(meta: Pick<StudyMeta, 'publication'>): string {
  return workNouns[meta.publication.type];
}

/** The study's name for its units, singular or plural by count. */
export function unitWord(meta: Pick<StudyMeta, 'vocabulary'>, count = 1): string {
  return count === 1 ? meta.vocabulary.unit.singular : meta.vocabulary.unit.plural;
}

/** "3 interviews", "1 call". */
export function unitCount(meta: Pick<StudyMeta, 'vocabulary'>, count: number): string {
  return `${count} ${unitWord(meta, count)}`;
}

/** First letter in upper case, for headings and labels that start a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A URL segment from the study's words: "focus groups" → "focus-groups". */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'units'
  );
}

/** Names the excerpt browser already gives its other filters in URLs. */
const otherFilterParams = new Set(['code', 'speaker', 'source']);

/**
 * The unit filter's name in URLs (`?interview=2`, `/excerpts/interview/2/`): the study's own
 * word, or "unit" where that word is empty or already names another filter.
 */
export function unitParam(meta: Pick<StudyMeta, 'vocabulary'>): string {
  const word = slugify(meta.vocabulary.unit.singular);
  return word === 'units' || otherFilterParams.has(word) ? 'unit' : word;
}

/** The URL segment of the units' pages, e.g. "sessions", "interviews". */
export function unitsPath(meta: Pick<StudyMeta, 'vocabulary'>): string {
  return slugify(meta.vocabulary.unit.plural);
}
