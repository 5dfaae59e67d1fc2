/**
 * The study's prose collections (chapters, teaching pages) for pages and components.
 * Chapters and teaching pages are optional folders. Astro's `getCollection` warns that a
 * collection "does not exist or is empty" every time it reads one without entries, which
 * would print dozens of lines a researcher can do nothing about; so a folder without .mdx
 * files is answered here, by the same listing `npm run check` reads, and Astro is asked
 * only about folders that have some.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { studyDir } from '../study/load.ts';
import { mdxFiles } from '../study/prose/check.ts';

export type ProseCollection = 'chapters' | 'teaching';

export async function proseEntries<C extends ProseCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  if ((await mdxFiles(studyDir(), collection)).length === 0) return [];
  return getCollection(collection);
}

/** Whether the study has teaching pages, which decides whether the teaching section exists. */
export async function hasTeaching(): Promise<boolean> {
  return (await mdxFiles(studyDir(), 'teaching')).length > 0;
}
