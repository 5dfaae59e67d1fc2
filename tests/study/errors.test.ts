/**
 * One fixture folder per class of content error. Each case is the base fixture study with
 * a planted problem; `expected.txt` pins the exact report, with file, line and column.
 * A missing expected.txt fails; `UPDATE=1` writes them all (vitest.config.ts).
 */
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countProblems, formatReport } from '../../src/study/diagnostics.ts';
import { checkStudyFolder } from '../../src/study/check.ts';
import { fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';

const errorsDir = join(fixturesDir, 'errors');
const cases = readdirSync(errorsDir).sort();

describe('content errors', () => {
  it('has a fixture for every error class the loader promises', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'json-syntax',
        'missing-field',
        'wrong-type',
        'unknown-code',
        'duplicate-id',
        'duration-sum',
        'unknown-key',
        'unknown-session',
        'missing-file',
        'several',
        'old-format',
        'unknown-source',
        'nested-duration-sum',
        'mdx-frontmatter',
        'mdx-components',
      ]),
    );
  });

  for (const name of cases) {
    it(`reports ${name} with its place and fails`, async () => {
      const dir = await studyWithCase(join(errorsDir, name));
      try {
        const { study, files } = await checkStudyFolder(dir);
        const actual = `${formatReport(files, dir)}\n`;
        await expect(actual).toMatchFileSnapshot(join(errorsDir, name, 'expected.txt'));
        expect(study).toBeUndefined();
        expect(countProblems(files).errors).toBeGreaterThan(0);
      } finally {
        await rm(dir, { recursive: true });
      }
    });
  }
});
