/**
 * Where each teaching entry is published. The hub is the section's index and the course
 * pack has its own page; every other entry lives at `teaching/<file name>/`.
 */
import type { CollectionEntry } from 'astro:content';

type Entry = Pick<CollectionEntry<'teaching'>, 'id' | 'data'>;

export function teachingPath(entry: { id: string; data: Pick<Entry['data'], 'kind'> | { kind: string | undefined } }): string {
  if (entry.data.kind === 'hub') return 'teaching/';
  if (entry.data.kind === 'course-pack') return 'teaching/course-pack/';
  return `teaching/${entry.id}/`;
}

/** Order of the sections the hub lists, and their headings. */
export const kindSections = [
  { kind: 'lesson-plan', heading: 'Lesson plans' },
  { kind: 'vignette', heading: 'Case vignettes' },
  { kind: 'questions', heading: 'Discussion questions' },
  { kind: 'module', heading: 'Modules' },
  { kind: 'course-pack', heading: 'Printable course pack' },
] as const;

export function byOrder(a: Entry, b: Entry): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}
