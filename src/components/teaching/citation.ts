/** The article's citation as handouts print it. */
import type { StudyMeta } from '../../study/schemas/index.ts';

export function articleCitation(meta: StudyMeta): string {
  const authors = meta.authors.map((person) => `${person.family} ${person.given.split(/\s+/).map((name) => name[0]).join('')}`).join(', ');
  const pages = meta.journal.pages ? `, ${meta.journal.pages}` : '';
  const doi = meta.doi ? `. https://doi.org/${meta.doi}` : '';
  return `${authors} (${meta.year}). ${meta.title}. ${meta.journal.name}, ${meta.journal.volume}(${meta.journal.issue})${pages}${doi}`;
}

/** A short form for page margins, e.g. "Clark (2019), The Psychotherapeutic Relationship in Massage Therapy". */
export function shortCitation(meta: StudyMeta): string {
  return `${meta.authors.map((person) => person.family).join(' & ')} (${meta.year}), ${meta.title}`;
}
