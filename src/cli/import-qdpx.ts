/**
 * `npm run import:qdpx -- project.qdpx [--prune] [--dry-run]`: reads a REFI-QDA project
 * (.qdpx, or a bare .qde) or codebook (.qdc) into the study: the code tree becomes the
 * codebook, coded text selections become excerpts. Everything is validated with the
 * study's own checks before anything is written; problems name the code or source.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { countProblems, formatReport, report } from '../study/diagnostics.ts';
import { studyDir } from '../study/load.ts';
import { readExistingStudy } from '../interchange/existing.ts';
import { readQdaFile } from '../interchange/qda/read.ts';
import { projectToStudy, type ImportedRecord } from '../interchange/qda/to-study.ts';
import { readSpeakers } from '../interchange/speakers.ts';
import { applyChanges, describeChanges, stageAndValidate, type Origin } from '../interchange/stage.ts';

const args = process.argv.slice(2);
const input = args.find((arg) => !arg.startsWith('-'));
if (!input) {
  console.error('Usage: npm run import:qdpx -- project.qdpx|project.qde|codebook.qdc [--prune] [--dry-run]');
  process.exit(2);
}
const path = resolve(input);
const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot read ${path}: ${error.code ?? error.message}`);
  process.exit(2);
});
const dir = studyDir();
const file = new VFile({ path });
const { project, notices } = readQdaFile(bytes, path);
const imported = project ? projectToStudy(project, await readExistingStudy(dir), await readSpeakers(dir), notices) : undefined;
for (const notice of notices) report(file, { ...notice, place: notice.place });
if (!imported || countProblems([file]).errors > 0) {
  console.error(formatReport([file]));
  console.error('Nothing was written.');
  process.exit(1);
}
const origin = (entry: ImportedRecord): Origin => ({ file, locate: (jsonPath) => ({ place: undefined, detail: entry.describe(jsonPath) }) });
const result = await stageAndValidate({
  dir,
  codebook: imported.codebook && { record: imported.codebook.record, origin: origin(imported.codebook) },
  excerpts: imported.excerpts.map((entry) => ({ record: entry.record, origin: origin(entry) })),
  prune: args.includes('--prune') && project?.kind === 'project',
});
console.log(formatReport(result.files));
if (countProblems(result.files).errors > 0) {
  console.error('Nothing was written.');
  process.exit(1);
}
for (const adjustment of imported.adjustments) console.log(`adjusted: ${adjustment}`);
if (args.includes('--dry-run')) console.log(`dry run, nothing written; the import would change:\n${describeChanges(result.changes, result.kept)}`);
else {
  await applyChanges(result.changes);
  console.log(describeChanges(result.changes, result.kept));
}
