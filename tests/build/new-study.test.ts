/**
 * `npm run new -- <folder>` writes a study folder that `npm run check` passes and that
 * builds, wherever the folder is; its "$schema" paths lead to this checkout's schemas, and
 * it never writes into a folder that has files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

let work: string;
let studyDir: string;
let made: ReturnType<typeof runCli>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-new-'));
  studyDir = join(work, 'my-study');
  made = runCli('new-study', [studyDir]);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every JSON file the command wrote, with the path its "$schema" resolves to. */
function schemaTargets(): { file: string; target: string }[] {
  return readdirSync(studyDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .map((path) => ({ file: path, target: resolve(studyDir, path, '..', (JSON.parse(readFileSync(join(studyDir, path), 'utf8')) as { $schema: string }).$schema) }));
}

describe('npm run new', () => {
  it('writes a study folder outside the checkout and says what to do next', () => {
    expect(made.status, made.output).toBe(0);
    expect(made.stdout).toContain(`STUDY_DIR=${studyDir} npm run check`);
    expect(readdirSync(studyDir).sort()).toEqual(['README.md', 'chapters', 'codebook.json', 'excerpts', 'sessions', 'study.json']);
  });

  it('names in "$schema" a path that leads from each file to the schema of its kind', () => {
    const targets = schemaTargets();
    expect(targets.map(({ file }) => file).sort()).toEqual(['codebook.json', join('sessions', '1.json'), 'study.json']);
    for (const { file, target } of targets) {
      expect(existsSync(target), `${file} → ${target}`).toBe(true);
      expect(target.startsWith(join(repoRoot, 'public', 'schemas'))).toBe(true);
    }
  });

  it('passes npm run check without a problem', () => {
    const check = runCli('check', [], { STUDY_DIR: studyDir });
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toMatch(/no problems/);
  });

  it('builds', () => {
    const dist = join(work, 'dist');
    const build = buildSite({ STUDY_DIR: studyDir, CASEBOOK_DIST: dist });
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(dist, 'interviews', '1', 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'chapters', 'introduction', 'index.html'))).toBe(true);
  }, 1_800_000);

  it('refuses a folder that already has files, and writes nothing', async () => {
    const before = readFileSync(join(studyDir, 'study.json'), 'utf8');
    await writeFile(join(studyDir, 'study.json'), '{"kept": true}\n');
    const again = runCli('new-study', [studyDir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has files in it; nothing was written');
    expect(readFileSync(join(studyDir, 'study.json'), 'utf8')).toBe('{"kept": true}\n');
    await writeFile(join(studyDir, 'study.json'), before);
  });
});
