/**
 * Recorded editions of the coding (history/<id>.json): optional, loaded newest first,
 * checked against the schema like every other file (tests/fixtures/errors/edition pins the
 * located messages) and against each other.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/study/diagnostics.ts';
import { loadStudy } from '../../src/study/load.ts';
import { baseStudy, fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';

const historyCase = join(fixturesDir, 'history');
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function historyStudy(): Promise<string> {
  const dir = await studyWithCase(historyCase);
  temps.push(dir);
  return dir;
}

describe('editions of the coding', () => {
  it('are optional: a study without history/ loads with none', async () => {
    const { study } = await loadStudy(baseStudy);
    expect(study?.editions).toEqual([]);
  });

  it('load from history/, newest first, with the recorded changes', async () => {
    const dir = await historyStudy();
    const { study, files } = await loadStudy(dir);
    expect(formatReport(files, dir)).toBe('✔ 14 files checked, no problems');
    expect(study!.editions.map((edition) => `${edition.date} ${edition.id}`)).toEqual(['2024-09-10 second-coding', '2024-05-02 pilot-recoding']);
    const [latest] = study!.editions;
    expect(latest!.changes.codes.merged.map(({ from, into }) => `${from.map((code) => code.code).join('+')}→${into.code}`)).toEqual(['1.2+1.3→1.2']);
    expect(latest!.changes.excerpts.removed.map((excerpt) => excerpt.id)).toEqual(['false-start']);
  });

  it('report a duplicate id or label at the second file and an id that differs from its file name', async () => {
    const dir = await historyStudy();
    const second = JSON.parse(await readFile(join(dir, 'history', 'second-coding.json'), 'utf8')) as { id: string };
    await writeFile(join(dir, 'history', 'third.json'), JSON.stringify({ ...second, id: 'second-coding' }, null, 2));
    const { study, files } = await loadStudy(dir);
    const report = formatReport(files, dir);
    expect(report).toContain('history/third.json:3:9  error  Duplicate edition id "second-coding": already used at second-coding.json:3  [duplicate-id]');
    expect(report).toContain('history/third.json:3:9  warning  Edition id "second-coding" differs from its file name "third.json"  [id-file-mismatch]');
    expect(report).toContain('history/third.json:4:12  error  Duplicate edition label "Second coding": already used at second-coding.json:4  [duplicate-id]');
    expect(study).toBeUndefined();
  });

  it('report problems in several edition files together with problems elsewhere', async () => {
    const dir = await studyWithCase(join(fixturesDir, 'errors', 'edition'));
    temps.push(dir);
    await cp(join(fixturesDir, 'errors', 'unknown-code', 'overlay'), dir, { recursive: true });
    const report = formatReport((await loadStudy(dir)).files, dir);
    expect(report).toMatch(/^excerpts\/.*Unknown code/m);
    expect(report).toMatch(/^history\/first\.json:5:11 {2}error {2}Invalid value for "date"/m);
    expect(report).toMatch(/^history\/second\.json:1:1 {2}error {2}Missing required field "label"/m);
    expect(report).toMatch(/^✖ 6 errors/m);
  });
});
