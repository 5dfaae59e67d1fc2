/**
 * The teaching collection, checked against the study (see teaching-references.ts).
 * Pages read the collection only through here, so no page can skip the check.
 */
import type { CollectionEntry } from 'astro:content';
import { proseEntries } from '../../site/prose-entries.ts';
import type { Study } from '../../study/index.ts';
import { UnknownReferenceError } from '../mdx/errors.ts';
import { checkTeachingReferences } from './teaching-references.ts';
import { byOrder } from './teaching-paths.ts';

export type TeachingEntry = CollectionEntry<'teaching'>;

export async function teachingEntries(study: Study): Promise<TeachingEntry[]> {
  const entries = await proseEntries('teaching');
  for (const entry of entries) checkTeachingReferences(entry, study);
  return entries.sort(byOrder);
}

/** The teaching page a component names by its file name; an unknown name stops the build with the names there are. */
export async function teachingEntry(component: string, prop: string, id: string, pagePath: string): Promise<TeachingEntry> {
  const entries = await proseEntries('teaching');
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry)
    throw new UnknownReferenceError(
      component,
      prop,
      id,
      entries.map((candidate) => candidate.id),
      pagePath,
    );
  return entry;
}
