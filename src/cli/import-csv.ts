/**
 * `npm run import:csv -- file.csv [--prune] [--dry-run]`: reads the spreadsheet back into
 * excerpts/<id>.json. Everything is validated first, with the same schemas and checks as
 * `npm run check`; any error is reported at its row and column and nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { countProblems, formatReport, report } from '../study/diagnostics.ts';
import { studyDir } from '../study/load.ts';
import { readExcerptCsv } from '../interchange/csv.ts';
import { readSpeakers } from '../interchange/speakers.ts';
import { readExistingStudy } from '../interchange/existing.ts';
import { applyChanges, describeChanges, stageAndValidate } from '../interchange/stage.ts';

const args = process.argv.slice(2);
const input = args.find((arg) => !arg.startsWith('-'));
if (!input) {
  console.error('Usage: npm run import:csv -- file.csv [--prune] [--dry-run]');
  process.exit(2);
}
const path = resolve(input);
const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot read ${path}: ${error.code ?? error.message}`);
  process.exit(2);
});
const dir = studyDir();
const file = new VFile({ path, value: text });
const { rows, problems, absent } = readExcerptCsv(text, await readSpeakers(dir));
// A sheet without the "not loud" column (written before it existed) leaves each excerpt's list as its file has it.
if (absent?.includes('notLoud')) {
  const { excerpts } = await readExistingStudy(dir);
  for (const row of rows) {
    const notLoud = excerpts.get(String(row.excerpt.id))?.notLoud;
    if (notLoud !== undefined) row.excerpt.notLoud = notLoud;
  }
}
for (const problem of problems) report(file, problem);
if (countProblems([file]).errors > 0) {
  console.error(formatReport([file]));
  console.error('Nothing was written.');
  process.exit(1);
}
const result = await stageAndValidate({
  dir,
  // The rows are handed over (stageAndValidate lets each record go once it is staged), not kept here as well.
  excerpts: rows.splice(0).map((row) => ({ record: row.excerpt, origin: { file, locate: row.locate } })),
  prune: args.includes('--prune'),
});
const failed = countProblems(result.files).errors > 0;
console.log(formatReport(result.files));
if (failed) {
  console.error('Nothing was written.');
  process.exit(1);
}
if (args.includes('--dry-run')) console.log(`dry run, nothing written; the import would change:\n${describeChanges(result.changes, result.kept)}`);
else {
  await applyChanges(result.changes);
  console.log(describeChanges(result.changes, result.kept));
}
