/** `npm run check`: validates the study folder without building; exit 1 on any error. */
import { countProblems, formatReport } from '../study/diagnostics.ts';
import { checkStudyFolder } from '../study/check.ts';
import { studyDir } from '../study/load.ts';
import { describeIdentifierStatus } from '../study/deidentify.ts';

const started = performance.now();
const { files, identifiers } = await checkStudyFolder(studyDir());
console.log(formatReport(files));
if (identifiers) console.log(describeIdentifierStatus(identifiers));
console.log(`checked ${studyDir()} in ${Math.round(performance.now() - started)} ms`);
process.exitCode = countProblems(files).errors > 0 ? 1 : 0;
