/**
 * Every excerpt and code a teaching page's frontmatter names must exist in the study,
 * or the build stops and names the file. Kept free of `astro:content` so it can be
 * tested on its own.
 */
import type { Study } from '../../study/index.ts';
import { UnknownReferenceError } from '../mdx/errors.ts';

export interface TeachingReferences {
  id: string;
  filePath?: string | undefined;
  data: { excerpts: string[]; codes: string[] };
}

export function checkTeachingReferences(entry: TeachingReferences, study: Study): void {
  const where = `${entry.filePath ?? `teaching/${entry.id}.mdx`} (frontmatter)`;
  for (const id of entry.data.excerpts) {
    if (!study.excerptIndex.has(id)) throw new UnknownReferenceError('frontmatter', 'excerpts', id, [...study.excerptIndex.keys()], where);
  }
  for (const code of entry.data.codes) {
    if (!study.codeIndex.has(code)) throw new UnknownReferenceError('frontmatter', 'codes', code, [...study.codeIndex.keys()], where);
  }
}
