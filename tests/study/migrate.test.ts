/**
 * `npm run migrate` turns a study folder of the old format, which the loader refuses with
 * one located message per file, into one the loader accepts, and leaves files already in
 * the current format as they are.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { countProblems } from '../../src/study/diagnostics.ts';
import { fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';
import { repoRoot } from '../helpers/build-site.ts';

describe('npm run migrate', () => {
  it('converts an old-format folder so that it loads, keeping its durations, rows and journal', async () => {
    const dir = await studyWithCase(join(fixturesDir, 'errors', 'old-format'));
    const before = await loadStudy(dir);
    expect(before.study).toBeUndefined();
    expect(before.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['old-format', 'old-format']);
    const untouched = await readFile(join(dir, 'sessions', '2.json'), 'utf8');
    const oldRows = (JSON.parse(await readFile(join(dir, 'sessions', '1.json'), 'utf8')) as { sequence: { id: string }[] }).sequence.map((row) => row.id);

    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'migrate-study.ts'), dir], { encoding: 'utf8', cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const after = await loadStudy(dir);
    expect(countProblems(after.files).errors).toBe(0);
    const study = after.study!;
    expect(study.meta.publication).toEqual({ type: 'article', journal: { name: 'Journal of Test Fixtures', volume: 1, issue: 2 } });
    expect(study.meta.vocabulary.unit).toEqual({ singular: 'session', plural: 'sessions' });
    expect(study.sessionIndex.get(1)!.steps.map((row) => row.id)).toEqual(oldRows);
    expect(study.sessionIndex.get(1)!.durations!['total']).toEqual({ text: '50:00', seconds: 3000 });
    expect(study.meta.timing!.phases[1]!.children.find((phase) => phase.id === 'talk')!.note).toBe('Synthetic footnote.');
    expect(await readFile(join(dir, 'sessions', '2.json'), 'utf8')).toBe(untouched);
  });
});
