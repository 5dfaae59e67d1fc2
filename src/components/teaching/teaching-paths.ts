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

/** Whether the entry has a projector view: a vignette shows its excerpts, a lesson plan times its activities. */
export function hasProjector(entry: Entry): boolean {
  return (entry.data.kind === 'vignette' && entry.data.excerpts.length > 0) || entry.data.activities.length > 0;
}

/** The projector view of an entry that has one (`hasProjector`). */
export function projectorPath(entry: Entry): string {
  return `teaching/${entry.id}/projector/`;
}

/** Whether the entry has a student handout: a vignette, printed with answer space and without its analysis. */
export function hasHandout(entry: Entry): boolean {
  return entry.data.kind === 'vignette';
}

/** The student handout of an entry that has one (`hasHandout`). */
export function handoutPath(entry: Entry): string {
  return `teaching/${entry.id}/handout/`;
}

/** Which editable documents an entry downloads as: its page (vignettes and lesson plans) and a vignette's handout. */
export function docxVariants(entry: Entry): ('page' | 'handout')[] {
  if (entry.data.kind === 'vignette') return ['page', 'handout'];
  if (entry.data.kind === 'lesson-plan') return ['page'];
  return [];
}

/** The DOCX of an entry's page or handout, e.g. "teaching/vignette-rupture-handout.docx". */
export function docxPath(entry: Entry, variant: 'page' | 'handout'): string {
  return `teaching/${docxName(entry, variant)}.docx`;
}

export function docxName(entry: Pick<Entry, 'id'>, variant: 'page' | 'handout'): string {
  return variant === 'handout' ? `${entry.id}-handout` : entry.id;
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
