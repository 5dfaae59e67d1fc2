/** The study's citation as handouts print it. */
import { apaWork, plainText } from '../../site/citation.ts';
import type { StudyMeta } from '../../study/schemas/index.ts';

/** The full reference as plain text, without its closing full stop (the handout footer's sentence adds one). */
export function workCitation(meta: StudyMeta): string {
  return plainText(apaWork(meta)).replace(/\.$/u, '');
}

/** A short form for page margins: "Author (Year), Title". */
export function shortCitation(meta: StudyMeta): string {
  return `${meta.authors.map((person) => person.family).join(' & ')} (${meta.year}), ${meta.title}`;
}
