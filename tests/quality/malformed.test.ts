/**
 * Bad content stops both `npm run check` and `npm run build` with a located diagnostic
 * and a non-zero exit, and the build never leaves a partial site: the previous dist/
 * stays exactly as it was and no staging folder is left behind.
 *
 * Which diagnostic each class of bad content gets is proved in-process, where it is cheap:
 * tests/study/errors.test.ts (every fixture of tests/fixtures/errors, its report pinned in
 * expected.txt) and tests/study/hostile-input.test.ts (every case of
 * tests/helpers/hostile-inputs.ts: files too deep, too large, not UTF-8, control
 * characters, a named pipe, links out of the study, an unreadable file, a folder in place
 * of a file, a chapter naming an unknown excerpt). Both commands reach that report through
 * the same call (`checkStudyFolder`, src/cli/check.ts and src/cli/build.ts) and stop on any
 * error whatever its class, so the commands themselves are run here on two cases: a
 * fixture error in a JSON file and a hostile file (a named pipe, which a command that read
 * it would wait on forever).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';
import { hostileCases, hostileStudy, removeOutsideFolders } from '../helpers/hostile-inputs.ts';
import { runCli } from '../cli/run-cli.ts';

/** Every file under a folder with its content: the whole state a reader of dist/ could see. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Object.fromEntries(names.map((entry) => [join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

const fixtureCase = join(fixturesDir, 'errors', 'json-syntax');
const pipeCase = hostileCases.find((entry) => entry.name === 'a named pipe called x.json')!;

const cases = [
  {
    name: 'a JSON syntax error (tests/fixtures/errors/json-syntax)',
    prepare: async () => ({
      dir: await studyWithCase(fixtureCase),
      diagnostics: readFileSync(join(fixtureCase, 'expected.txt'), 'utf8')
        .split('\n')
        .filter((line) => /^\S+\s{2}error\s{2}/.test(line)),
    }),
  },
  { name: `hostile input: ${pipeCase.name}`, prepare: () => hostileStudy(pipeCase) },
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
  for (const entry of cases) {
    it(`${entry.name}: check and build fail with the located diagnostic and leave dist/ as it was`, async () => {
      const { dir: study, diagnostics } = await entry.prepare();
      try {
        expect(diagnostics).not.toEqual([]);
        const env = { STUDY_DIR: study, CASEBOOK_DIST: dist };
        const check = runCli('check', [], env);
        expect(check.status, check.output).toBe(1);
        for (const line of diagnostics) expect(check.output).toContain(line);
        expect(check.output).not.toMatch(/^\s+at /m);
        const build = runCli('build', [], env);
        expect(build.status, build.output).toBe(1);
        for (const line of diagnostics) expect(build.output).toContain(line);
        expect(build.output).not.toMatch(/^\s+at /m);
        expect(build.output).toContain(`${dist} is unchanged`);
        expect(await snapshot(dist)).toEqual(previous);
        expect((await readdir(work)).sort()).toEqual(['dist']);
      } finally {
        await rm(study, { recursive: true, force: true });
      }
    });
  }
});
