import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixture-study.ts';
import { runCli } from './run-cli.ts';

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
    const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).status).toBe(0);
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
