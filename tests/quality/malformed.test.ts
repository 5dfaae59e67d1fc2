/**
 * Every class of bad content stops both `npm run check` and `npm run build` with a
 * located diagnostic and a non-zero exit, and the build never leaves a partial site: the
 * previous dist/ stays exactly as it was and no staging folder is left behind.
 *
 * The classes are the error fixtures of tests/fixtures/errors (JSON syntax, schema,
 * cross-reference, duplicate id, missing file…; CA notation is published as written, with
 * warnings: tests/study/warnings.test.ts), plus cases the overlay
 * format cannot express: a file that cannot be read, a folder where a file should be,
 * and a chapter whose MDX names an unknown excerpt.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { baseStudy, fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';
import { hostileCases, hostileStudy, removeOutsideFolders } from '../helpers/hostile-inputs.ts';

const errorsDir = join(fixturesDir, 'errors');

function runCli(script: 'check' | 'build', env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), `src/cli/${script}.ts`], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under a folder with its content: the whole state a reader of dist/ could see. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Object.fromEntries(names.map((entry) => [join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

interface BadCase {
  name: string;
  /** Makes the broken study folder. */
  study(): Promise<string>;
  /** Diagnostics, `path:line:col  error  message` with the path relative to the study, that both commands must print. */
  diagnostics: string[];
}

const fixtureCases: BadCase[] = readdirSync(errorsDir)
  .sort()
  .map((name) => ({
    name,
    study: () => studyWithCase(join(errorsDir, name)),
    diagnostics: readFileSync(join(errorsDir, name, 'expected.txt'), 'utf8')
      .split('\n')
      .filter((line) => /^\S+\s{2}error\s{2}/.test(line)),
  }));

const runningAsRoot = process.getuid?.() === 0;

const extraCases: BadCase[] = [
  {
    // Root reads files whatever their mode, so there the same failure is provoked by a
    // folder where the file should be; elsewhere the file is made unreadable.
    name: runningAsRoot ? 'unreadable-file (a folder in its place, as root ignores permissions)' : 'unreadable-file (mode 000)',
    async study() {
      const dir = await studyWithCase(baseStudy);
      const target = join(dir, 'excerpts', 'steady.json');
      if (runningAsRoot) {
        await rm(target);
        await mkdir(target);
      } else {
        await chmod(target, 0o000);
      }
      return dir;
    },
    diagnostics: [`excerpts/steady.json  error  Cannot read file (${runningAsRoot ? 'EISDIR' : 'EACCES'})  [unreadable-file]`],
  },
  {
    name: 'folder-in-place-of-file',
    async study() {
      const dir = await studyWithCase(baseStudy);
      await rm(join(dir, 'codebook.json'));
      await mkdir(join(dir, 'codebook.json'));
      return dir;
    },
    diagnostics: ['codebook.json  error  Cannot read file (EISDIR)  [unreadable-file]'],
  },
  {
    name: 'chapter-unknown-excerpt',
    async study() {
      const dir = await studyWithCase(baseStudy);
      await mkdir(join(dir, 'chapters'), { recursive: true });
      await writeFile(join(dir, 'chapters', 'broken.mdx'), '---\ntitle: Broken\ndescription: Cites an excerpt that does not exist.\norder: 1\n---\n\n## Findings\n\n<Excerpt id="no-such-excerpt" />\n');
      return dir;
    },
    diagnostics: ['chapters/broken.mdx:9:10  error  Unknown excerpt "no-such-excerpt": there is no excerpts/no-such-excerpt.json  [unknown-excerpt]'],
  },
];

let work: string;
let dist: string;
let previous: Record<string, string>;

beforeAll(async () => {
  // Inside the repository: Astro keeps a build's prerender chunks in its outDir only when
  // that is under the working directory (see tests/setup/global-build.ts).
  work = await mkdtemp(join(repoRoot, '.test-dist-malformed-'));
  dist = join(work, 'dist');
  await mkdir(join(dist, 'themes'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>previous build</title>');
  await writeFile(join(dist, 'themes', 'index.html'), '<!doctype html><title>previous themes</title>');
  previous = await snapshot(dist);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await removeOutsideFolders();
});

describe('bad content', () => {
  it('has a case for every class of problem', () => {
    expect(fixtureCases.map((entry) => entry.name)).toEqual(expect.arrayContaining(['json-syntax', 'missing-field', 'wrong-type', 'unknown-code', 'duplicate-id', 'missing-file', 'script-url']));
    for (const entry of fixtureCases) expect(entry.diagnostics, entry.name).not.toEqual([]);
  });

  const hostile = hostileCases.map((entry) => ({ name: `hostile input: ${entry.name}`, prepare: () => hostileStudy(entry) }));
  const prepared = [...fixtureCases, ...extraCases].map((entry) => ({ name: entry.name, prepare: async () => ({ dir: await entry.study(), diagnostics: entry.diagnostics }) }));
  for (const entry of [...prepared, ...hostile]) {
    it(`${entry.name}: check and build fail with the located diagnostic and leave dist/ as it was`, async () => {
      const { dir: study, diagnostics } = await entry.prepare();
      try {
        const env = { STUDY_DIR: study, CASEBOOK_DIST: dist };
        const check = runCli('check', env);
        expect(check.status, check.output).toBe(1);
        for (const line of diagnostics) expect(check.output).toContain(line);
        expect(check.output).not.toMatch(/^\s+at /m);
        const build = runCli('build', env);
        expect(build.status, build.output).toBe(1);
        for (const line of diagnostics) expect(build.output).toContain(line);
        expect(build.output).not.toMatch(/^\s+at /m);
        expect(build.output).toContain(`${dist} is unchanged`);
        expect(await snapshot(dist)).toEqual(previous);
        expect((await readdir(work)).sort()).toEqual(['dist']);
      } finally {
        await chmod(join(study, 'excerpts', 'steady.json'), 0o644).catch(() => undefined);
        await rm(study, { recursive: true, force: true });
      }
    });
  }
});
