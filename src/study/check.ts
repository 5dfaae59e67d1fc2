/**
 * Everything `npm run check` checks, and `npm run build` before it builds: the study's
 * data files (load.ts) and its MDX prose (prose/check.ts), every problem in one report.
 */
import { loadStudy, type LoadResult } from './load.ts';
import { checkProse, proseTargets, teachingIds } from './prose/check.ts';

export async function checkStudyFolder(dir: string): Promise<LoadResult> {
  const loaded = await loadStudy(dir);
  const targets = loaded.study ? proseTargets(loaded.study, await teachingIds(dir)) : undefined;
  const prose = loaded.files.some((file) => file.messages.some((message) => message.ruleId === 'missing-folder')) ? [] : await checkProse(dir, targets);
  const files = [...loaded.files, ...prose];
  const study = prose.some((file) => file.messages.some((message) => message.fatal)) ? undefined : loaded.study;
  return { ...loaded, study, files };
}
