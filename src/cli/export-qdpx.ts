/**
 * `npm run export:qdpx [-- out.qdpx]`: writes the study as a REFI-QDA project that NVivo,
 * ATLAS.ti, MAXQDA or QualCoder can open (default study.qdpx in the working directory).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatReport } from '../study/diagnostics.ts';
import { loadStudy, studyDir } from '../study/load.ts';
import { studyToQda, zipQdpx } from '../interchange/qda/write.ts';
import { refusePublishing } from '../study/published-scan.ts';

const out = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? 'study.qdpx');
const { study, files } = await loadStudy(studyDir());
if (!study) {
  console.error(formatReport(files));
  console.error('The study has errors; fix them (npm run check) before exporting.');
  process.exit(1);
}
const exported = studyToQda(study);
// The check above read the study folder; this reads what would leave it (see published-scan.ts).
const texts = [{ path: out, entry: 'project.qde', text: exported.qde }, ...[...exported.sources].map(([name, text]) => ({ path: out, entry: `sources/${name}`, text }))];
if (await refusePublishing(texts, studyDir())) {
  console.error(`Nothing was written to ${out}.`);
  process.exit(1);
}
await writeFile(out, zipQdpx(exported));
console.log(`wrote ${study.codes.length} codes and ${study.excerpts.length} excerpts (one text source each) to ${out}`);
