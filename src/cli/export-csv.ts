/**
 * `npm run export:csv [-- out.csv]`: writes the study's excerpts as a spreadsheet, one row
 * per excerpt in article order (default excerpts.csv in the working directory).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatReport } from '../study/diagnostics.ts';
import { loadStudy, studyDir } from '../study/load.ts';
import { excerptsToCsv } from '../interchange/csv.ts';
import { refusePublishing } from '../study/published-scan.ts';

const out = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? 'excerpts.csv');
const { study, files } = await loadStudy(studyDir());
if (!study) {
  console.error(formatReport(files));
  console.error('The study has errors; fix them (npm run check) before exporting.');
  process.exit(1);
}
const speakers = [...study.participants.values()];
const csv = excerptsToCsv(study.excerpts, speakers);
// The check above read the study folder; this reads what would leave it (see published-scan.ts).
if (await refusePublishing([{ path: out, text: csv }], studyDir())) {
  console.error(`Nothing was written to ${out}.`);
  process.exit(1);
}
await writeFile(out, csv);
console.log(`wrote ${study.excerpts.length} excerpts to ${out}`);
