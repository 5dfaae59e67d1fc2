/**
 * Hostile and broken study files are refused with one located error each and never crash,
 * hang or get published (tests/helpers/hostile-inputs.ts; tests/quality/malformed.test.ts
 * runs the same cases through `npm run check` and `npm run build`).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countProblems, formatReport } from '../../src/study/diagnostics.ts';
import { checkStudyFolder } from '../../src/study/check.ts';
import { baseStudy, studyWithCase } from '../helpers/fixture-study.ts';
import { hostileCases, hostileStudy, removeOutsideFolders } from '../helpers/hostile-inputs.ts';

afterAll(removeOutsideFolders);

describe('hostile study files', () => {
  for (const entry of hostileCases) {
    it(`${entry.name}: a located error with its fix, and no study`, async () => {
      const { dir, diagnostics } = await hostileStudy(entry);
      try {
        const { study, files } = await checkStudyFolder(dir);
        const report = formatReport(files, dir);
        const problems = report.split('\n').filter((line) => / {2}(error|warning) {2}/.test(line));
        expect(problems).toEqual(diagnostics);
        // Every error says how to fix it.
        expect(report.split('\n').filter((line) => line.startsWith('    fix: ')).length).toBe(diagnostics.length);
        expect(study).toBeUndefined();
        expect(countProblems(files).errors).toBe(diagnostics.length);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('accepts a byte-order mark at the start of a JSON file and of a chapter', async () => {
    const dir = await studyWithCase(baseStudy);
    try {
      for (const name of ['study.json', 'excerpts/steady.json', 'chapters/notes.mdx']) {
        await writeFile(join(dir, name), `\uFEFF${await readFile(join(dir, name), 'utf8')}`);
      }
      const { study, files } = await checkStudyFolder(dir);
      expect(formatReport(files, dir)).toBe('✔ 13 files checked, no problems');
      expect(study?.excerptIndex.get('steady')?.title).toBe('Steady');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
