/**
 * The study as the site sees it: loaded once per build from `STUDY_DIR`, and only if it
 * is valid. An invalid study stops the build with the same report `npm run check` prints.
 */
import { formatReport } from './diagnostics.ts';
import { loadStudy, studyDir } from './load.ts';
import type { Study } from './model.ts';

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

/** Forgets the loaded study, so the dev server shows content edits without a restart. */
export function invalidateStudy(): void {
  cached = undefined;
}

export type { CodeInfo, SessionKey, Study } from './model.ts';
