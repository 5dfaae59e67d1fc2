/**
 * `npm run import:qdpx -- project.qdpx [--prune] [--dry-run] [--codebook-only] [--positions utf-16|code-points] [--source <id>]`:
 * reads a REFI-QDA project (.qdpx, or a bare .qde) or codebook (.qdc) into the study: the
 * code tree becomes the codebook, coded text selections become excerpts. Everything is
 * validated with the study's own checks, and every reference to a renumbered or removed
 * code is followed or reported, before anything is written; problems name the code,
 * source or file.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { countProblems, formatReport, report } from '../study/diagnostics.ts';
import { studyDir } from '../study/load.ts';
import { readExistingStudy } from '../interchange/existing.ts';
import { followCodes } from '../interchange/follow-codes.ts';
import { excerptRecord } from '../interchange/content-files.ts';
import type { PositionUnit } from '../interchange/qda/positions.ts';
import { readQdaFile } from '../interchange/qda/read.ts';
import { projectToStudy, type ImportedRecord } from '../interchange/qda/to-study.ts';
import { readExcerptSources, readSpeakers } from '../interchange/speakers.ts';
import { applyChanges, describeChanges, stageAndValidate, type Origin } from '../interchange/stage.ts';

const usage = 'Usage: npm run import:qdpx -- project.qdpx|project.qde|codebook.qdc [--prune] [--dry-run] [--codebook-only] [--positions utf-16|code-points] [--source <id>]';
const args = process.argv.slice(2);
const positionsAt = args.indexOf('--positions');
const positionsArg = positionsAt === -1 ? undefined : args[positionsAt + 1];
if (positionsAt !== -1 && positionsArg !== 'utf-16' && positionsArg !== 'code-points') {
  console.error(`--positions takes utf-16 or code-points, not ${positionsArg ?? 'nothing'}\n${usage}`);
  process.exit(2);
}
const sourceAt = args.indexOf('--source');
const sourceArg = sourceAt === -1 ? undefined : args[sourceAt + 1];
if (sourceAt !== -1 && (sourceArg === undefined || sourceArg.startsWith('-'))) {
  console.error(`--source takes the id of a source declared in study.json\n${usage}`);
  process.exit(2);
}
const optionValues = new Set([positionsAt, sourceAt].filter((at) => at !== -1).map((at) => at + 1));
const input = args.find((arg, index) => !arg.startsWith('-') && !optionValues.has(index));
if (!input) {
  console.error(usage);
  process.exit(2);
}
const path = resolve(input);
const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot read ${path}: ${error.code ?? error.message}`);
  process.exit(2);
});
const dir = studyDir();
const file = new VFile({ path });
const prune = args.includes('--prune');
const codebookOnly = args.includes('--codebook-only');
const { project, notices } = readQdaFile(bytes, path);
const existing = await readExistingStudy(dir);
const imported = project
  ? projectToStudy(project, existing, await readSpeakers(dir), notices, {
      positions: positionsArg as PositionUnit | undefined,
      codebookOnly,
      excerptSources: await readExcerptSources(dir),
      source: sourceArg,
    })
  : undefined;
for (const notice of notices) report(file, { ...notice, place: notice.place });
if (!imported || countProblems([file]).errors > 0) {
  console.error(formatReport([file]));
  if (imported?.positions) console.error(`positions: ${imported.positions}`);
  console.error('Nothing was written.');
  process.exit(1);
}

// Excerpts the import does not bring stay (unless pruned); their codes, and every other reference to a code, follow the new numbers.
const importedIds = new Set(imported.excerpts.map((entry) => String(entry.record.id)));
const kept = project?.kind === 'codebook' || codebookOnly || !prune ? [...existing.excerpts.values()].filter((excerpt) => !importedIds.has(excerpt.id)) : [];
const follow = await followCodes(dir, kept, imported.renumbered, imported.removed);
const otherFiles = new Map<string, VFile>();
for (const problem of follow.problems) {
  const target = otherFiles.get(problem.path) ?? new VFile({ path: problem.path });
  otherFiles.set(problem.path, target);
  report(target, { severity: 'error', rule: 'qdpx-stale-code', reason: problem.reason, fix: problem.fix, place: problem.place });
}
if (follow.problems.length > 0) {
  console.error(formatReport([file, ...otherFiles.values()]));
  console.error('Nothing was written.');
  process.exit(1);
}

const origin = (entry: ImportedRecord): Origin => ({ file, locate: (jsonPath) => ({ place: undefined, detail: entry.describe(jsonPath) }) });
const followed = follow.excerpts.map((excerpt) => {
  const { $schema: _ref, ...record } = excerptRecord(excerpt, '');
  const excerptFile = new VFile({ path: join(dir, 'excerpts', `${excerpt.id}.json`) });
  return { record, origin: { file: excerptFile, locate: () => ({ place: undefined, detail: ' (recoded to the codebook’s new numbers)' }) } };
});
const result = await stageAndValidate({
  dir,
  codebook: imported.codebook && { record: imported.codebook.record, origin: origin(imported.codebook) },
  excerpts: [...imported.excerpts.map((entry) => ({ record: entry.record, origin: origin(entry) })), ...followed],
  prune: prune && project?.kind === 'project' && !codebookOnly,
  files: follow.files,
});
console.log(formatReport(result.files));
if (imported.positions) console.log(`positions: ${imported.positions}`);
if (countProblems(result.files).errors > 0) {
  console.error('Nothing was written.');
  process.exit(1);
}
for (const adjustment of imported.adjustments) console.log(`adjusted: ${adjustment}`);
for (const line of follow.followed) console.log(`follows the new number: ${line}`);
for (const line of follow.history) console.log(`history: ${line} (an edition records the coding as it was)`);
for (const line of imported.toFillIn) console.log(`to fill in: ${line}`);
if (args.includes('--dry-run')) console.log(`dry run, nothing written; the import would change:\n${describeChanges(result.changes, result.kept)}`);
else {
  await applyChanges(result.changes);
  console.log(describeChanges(result.changes, result.kept));
}
