/**
 * The study as the site sees it: loaded once per build from `STUDY_DIR`, and only if it
 * is valid. An invalid study stops the build with the same report `npm run check` prints.
 */
import { formatReport } from './diagnostics.ts';
import { loadStudy, studyDir } from './load.ts';
import type { Study } from './model.ts';
import { readProseUses, type ProseUses } from './prose/uses.ts';

export class StudyLoadError extends Error {
  constructor(readonly report: string) {
    super(`The study content has errors; nothing was built.\n${report}`);
    this.name = 'StudyLoadError';
  }
}

let cached: Promise<Study> | undefined;

export function getStudy(): Promise<Study> {
  cached ??= loadStudy(studyDir()).then(({ study, files }) => {
    if (!study) throw new StudyLoadError(formatReport(files));
    return study;
  });
  return cached;
}

let cachedUses: Promise<ProseUses> | undefined;

/** Where the prose names each record (for backlinks), read once per build. */
export function getProseUses(): Promise<ProseUses> {
  cachedUses ??= readProseUses(studyDir());
  return cachedUses;
}

/** Forgets the loaded study and its prose, so the dev server shows content edits without a restart. */
export function invalidateStudy(): void {
  cached = undefined;
  cachedUses = undefined;
}

export type { CodeInfo, SessionKey, Study } from './model.ts';
export type { ProsePlace, ProseUses } from './prose/uses.ts';
