/**
 * `npm run export:qdpx [-- out.qdpx]`: writes the study as a REFI-QDA project that NVivo,
 * ATLAS.ti, MAXQDA or QualCoder can open (default study.qdpx in the working directory).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatReport } from '../study/diagnostics.ts';
import { loadStudy, studyDir } from '../study/load.ts';
import { studyToQda, zipQdpx } from '../interchange/qda/write.ts';

const out = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? 'study.qdpx');
const { study, files } = await loadStudy(studyDir());
if (!study) {
  console.error(formatReport(files));
  console.error('The study has errors; fix them (npm run check) before exporting.');
  process.exit(1);
}
const exported = studyToQda(study);
await writeFile(out, zipQdpx(exported));
console.log(`wrote ${study.codes.length} codes and ${study.excerpts.length} excerpts (one text source each) to ${out}`);
