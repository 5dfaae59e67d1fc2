/**
 * The teaching collection, checked against the study: every excerpt and code a page's
 * frontmatter names must exist, or the build stops and names the file. Pages read the
 * collection only through here, so no page can skip the check.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Study } from '../../study/index.ts';
import { UnknownReferenceError } from '../mdx/errors.ts';
import { byOrder } from './teaching-paths.ts';

export type TeachingEntry = CollectionEntry<'teaching'>;

export function checkTeachingReferences(entry: Pick<TeachingEntry, 'id' | 'data' | 'filePath'>, study: Study): void {
  const where = `${entry.filePath ?? `teaching/${entry.id}.mdx`} (frontmatter)`;
  for (const id of entry.data.excerpts) {
    if (!study.excerptIndex.has(id)) throw new UnknownReferenceError('frontmatter', 'excerpts', id, [...study.excerptIndex.keys()], where);
  }
  for (const code of entry.data.codes) {
    if (!study.codeIndex.has(code)) throw new UnknownReferenceError('frontmatter', 'codes', code, [...study.codeIndex.keys()], where);
  }
}

export async function teachingEntries(study: Study): Promise<TeachingEntry[]> {
  const entries = await getCollection('teaching');
  for (const entry of entries) checkTeachingReferences(entry, study);
  return entries.sort(byOrder);
}
