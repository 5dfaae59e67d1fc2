/**
 * Transcripts are published as the transcriber wrote them: notation the CA engine finds
 * odd (an unclosed `°`, a comment left open) is reported as a located warning, and the
 * study still loads and builds. `expected.txt` pins the exact report.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countProblems, formatReport } from '../../src/study/diagnostics.ts';
import { loadStudy } from '../../src/study/load.ts';
import { fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';

describe('content warnings', () => {
  it('reports unclosed CA notation with its place, as a warning, and still loads the study', async () => {
    const dir = await studyWithCase(join(fixturesDir, 'warnings', 'ca-notation'));
    try {
      const { study, files } = await loadStudy(dir);
      expect(`${formatReport(files, dir)}\n`).toBe(await readFile(join(fixturesDir, 'warnings', 'ca-notation', 'expected.txt'), 'utf8'));
      expect(study).toBeDefined();
      expect(countProblems(files)).toMatchObject({ errors: 0, warnings: 2 });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
