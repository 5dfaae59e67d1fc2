/**
 * The study as the site sees it: read from Astro's content store, where src/study/
 * content-loader.ts puts it, and only if it is valid. An invalid study (in the dev server,
 * after an edit) makes every page show the report `npm run check` prints.
 */
import { getEntry } from 'astro:content';
import { buildStudy, type Study, type ValidatedContent } from './model.ts';
import { studyEntry } from './content-loader.ts';
import type { ProseUses } from './prose/uses.ts';

export class StudyLoadError extends Error {
  constructor(readonly report: string) {
    super(`The study content has errors; nothing was built.\n${report}`);
    this.name = 'StudyLoadError';
  }
}

// Indexed once per version of the store's content: a new load of the study is a new object.
const indexed = new WeakMap<object, Study>();

export async function getStudy(): Promise<Study> {
  const entry = await getEntry('study', studyEntry.content);
  if (!entry) {
    const problems = await getEntry('study', studyEntry.problems);
    throw new StudyLoadError(String(problems?.data['report'] ?? 'The study was not loaded.'));
  }
  let study = indexed.get(entry.data);
  if (!study) {
    // Validated and cross-checked by the loader before it was stored.
    study = buildStudy(entry.data['content'] as ValidatedContent);
    indexed.set(entry.data, study);
  }
  return study;
}

/** Where the prose names each record (for backlinks). */
export async function getProseUses(): Promise<ProseUses> {
  const entry = await getEntry('study', studyEntry.proseUses);
  if (entry) return entry.data['proseUses'] as ProseUses;
  await getStudy(); // throws, with the report when there is one
  throw new StudyLoadError('The study was not loaded.');
}

export type { CodeInfo, SessionKey, Study } from './model.ts';
export type { ProsePlace, ProseUses } from './prose/uses.ts';
