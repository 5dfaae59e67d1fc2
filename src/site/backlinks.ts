/**
 * Backlinks: from the places the prose names a record (src/study/prose/uses.ts) to links
 * a reader can follow, each to the section where the record is named.
 */
import type { ProsePlace } from '../study/index.ts';
import { teachingPath } from '../components/teaching/teaching-paths.ts';
import { href } from './urls.ts';

export interface Backlink {
  href: string;
  /** The page title, then the section, e.g. "Results › 1.1 Boundaries". */
  label: string;
  /** Whether it is in a chapter or a teaching page. */
  folder: ProsePlace['folder'];
}

export function backlink(place: ProsePlace): Backlink {
  const path = place.folder === 'chapters' ? `chapters/${place.page}/` : teachingPath({ id: place.page, data: { kind: place.kind } });
  const section = place.section && place.section.text !== place.title ? place.section : undefined;
  return { href: href(`${path}${section ? `#${section.slug}` : ''}`), label: section ? `${place.title} › ${section.text}` : place.title, folder: place.folder };
}

/** Links for one or more lists of places, in the edition's reading order, each section once. */
export function backlinks(...lists: (readonly ProsePlace[] | undefined)[]): Backlink[] {
  const seen = new Set<string>();
  return lists
    .flatMap((places) => places ?? [])
    .sort((a, b) => a.sequence - b.sequence)
    .map(backlink)
    .filter((link) => !seen.has(link.href) && (seen.add(link.href), true));
}
