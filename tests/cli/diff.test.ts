import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { baseStudy, fixturesDir } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

const diffDir = join(fixturesDir, 'diff');
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('npm run diff', () => {
  it('prints aligned sections against a folder and exits 0', async () => {
    const result = runCli('diff', [join(diffDir, 'before')], { STUDY_DIR: join(diffDir, 'after') }, diffDir);
    expect(result.status).toBe(0);
    expect(result.stdout.replace(/^Coding of .*$/m, 'Coding of tests/fixtures/diff/after compared with tests/fixtures/diff/before')).toBe(await readFile(join(diffDir, 'expected.txt'), 'utf8'));
  });

  it('prints JSON with --json', () => {
    const result = runCli('diff', [join(diffDir, 'before'), '--json'], { STUDY_DIR: join(diffDir, 'after') });
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(Object.keys(diff.codes)).toEqual(['added', 'removed', 'renamed', 'renumbered', 'merged', 'split']);
    expect(diff.excerpts.recoded).toHaveLength(3);
  });

  it('compares with the study folder at a git ref', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'casebook-diff-repo-'));
    temps.push(repo);
    const git = (...args: string[]) =>
      expect(
        spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).status,
      ).toBe(0);
    await cp(join(diffDir, 'before'), join(repo, 'study'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first edition');
    await rm(join(repo, 'study'), { recursive: true });
    await cp(join(diffDir, 'after'), join(repo, 'study'), { recursive: true });
    const result = runCli('diff', ['HEAD'], { STUDY_DIR: join(repo, 'study') }, repo);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Coding of study compared with git HEAD');
    expect(result.stdout).toContain('  merged      1.2 A2 + 1.3 A3 → 1.2 A2');
    const bad = runCli('diff', ['no-such-ref'], { STUDY_DIR: join(repo, 'study') }, repo);
    expect(bad.stderr).toContain('"no-such-ref" is neither a folder nor a git commit, branch or tag');
  });
});

describe('npm run diff -- --record', () => {
  /** A throw-away copy of the harbour study to record into; compared with diff/before, its coding has changes of every kind. */
  async function study(): Promise<string> {
    const dir = await copyStudy(baseStudy);
    temps.push(dir);
    return dir;
  }

  it('writes history/<id>.json that the study loads, holding the diff as --json prints it', async () => {
    const dir = await study();
    const result = runCli('diff', [join(diffDir, 'before'), '--record', 'second-coding', '--label', 'Second coding', '--summary', 'Why we recoded.', '--date', '2025-03-14'], { STUDY_DIR: dir });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/Recorded edition "second-coding" in .*history\/second-coding\.json$/m);
    const file = JSON.parse(await readFile(join(dir, 'history', 'second-coding.json'), 'utf8'));
    const json = JSON.parse(runCli('diff', [join(diffDir, 'before'), '--json'], { STUDY_DIR: dir }).stdout);
    expect(file).toEqual({
      $schema: '../../../../../public/schemas/edition.schema.json',
      id: 'second-coding',
      label: 'Second coding',
      date: '2025-03-14',
      summary: 'Why we recoded.',
      comparedWith: 'folder before',
      changes: json,
    });
    const { study: loaded, files } = await loadStudy(dir);
    expect(files.flatMap((vfile) => vfile.messages.map(String))).toEqual([]);
    expect(loaded!.editions.map((edition) => edition.label)).toEqual(['Second coding']);
  });

  it('records against a git ref by its commit, with a default label and today as the date', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'casebook-record-repo-'));
    temps.push(repo);
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    await cp(baseStudy, join(repo, 'study'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first edition');
    const commit = git('rev-parse', '--short', 'HEAD').stdout.trim();
    const result = runCli('diff', ['HEAD', '--record', 'unchanged', '--json'], { STUDY_DIR: join(repo, 'study') }, repo);
    expect(result.status, result.output).toBe(0);
    expect(JSON.parse(result.stdout).codes.added).toEqual([]);
    expect(result.stderr).toContain('Recorded edition "unchanged"');
    const file = JSON.parse(await readFile(join(repo, 'study', 'history', 'unchanged.json'), 'utf8'));
    expect(file.comparedWith).toBe(`git ${commit}`);
    expect(file.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.label).toBe(`Recoding of ${file.date}`);
  });

  it('never overwrites an existing edition', async () => {
    const dir = await study();
    expect(runCli('diff', [join(diffDir, 'before'), '--record', 'second-coding', '--label', 'First'], { STUDY_DIR: dir }).status).toBe(0);
    const before = await readFile(join(dir, 'history', 'second-coding.json'), 'utf8');
    const again = runCli('diff', [join(diffDir, 'before'), '--record', 'second-coding', '--label', 'Second'], { STUDY_DIR: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/history\/second-coding\.json already exists, so nothing was written/);
    expect(await readFile(join(dir, 'history', 'second-coding.json'), 'utf8')).toBe(before);
  });

  it('writes nothing for an id that is not a slug or an edition that would not be valid, and says which field', async () => {
    const dir = await study();
    const badId = runCli('diff', [join(diffDir, 'before'), '--record', '../outside'], { STUDY_DIR: dir });
    expect(badId.status).toBe(1);
    expect(badId.stderr).toContain('--record "../outside": an edition id is a slug');
    const badDate = runCli('diff', [join(diffDir, 'before'), '--record', 'dated', '--date', '14/03/2025'], { STUDY_DIR: dir });
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toMatch(/history\/dated\.json:5:11 {2}error {2}Invalid value for "date": expected a date written YYYY-MM-DD/);
    expect(badDate.stderr).toContain('Nothing was written.');
    expect(await readdir(dir)).not.toContain('history');
  });
});
