import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseStudy, fixturesDir } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function harbour(): Promise<string> {
  const dir = await copyStudy(baseStudy);
  temps.push(dir);
  return dir;
}

describe('npm run import:qdpx / export:qdpx', () => {
  it('imports a project: codebook replaced, coded selections as excerpts, adjustments reported', async () => {
    const dir = await harbour();
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'standard.qdpx'), '--prune'], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('warning  Code "Launching › Pushing off › … › Oar check" is nested deeper than a subtheme');
    expect(result.stdout).toContain('adjusted: theme "Recovery": colour #FFCC00 darkened to');
    expect((await readdir(join(dir, 'excerpts'))).sort()).toEqual(['dock-talk.json', 'river-talk-okay.json', 'river-talk-ye-s-steady.json', 'river-talk.json']);
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('refuses a selection outside its text and writes nothing', async () => {
    const dir = await harbour();
    const before = await readFile(join(dir, 'codebook.json'), 'utf8');
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'out-of-range.qdpx')], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('out-of-range.qdpx  error  Selection in source "dock-talk" runs from 25 to 999, but the text has only 39 characters (Unicode code points)  [qdpx-selection-range]');
    expect(result.stderr).toContain('Nothing was written.');
    expect(await readFile(join(dir, 'codebook.json'), 'utf8')).toBe(before);
  });

  it('reports what the study checks find, naming the QDA item', async () => {
    const dir = await harbour();
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'lenient.qdpx')], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    // The lenient project's only code is a theme without description problems, but harbour's
    // excerpts are still coded 1.1/1.2, which the imported codebook no longer has.
    expect(result.stdout).toMatch(/steady\.json:\d+:\d+  error  Unknown code "1\.1"/);
  });

  it('exports a study that imports back with no change', async () => {
    const dir = await harbour();
    const out = `${dir}.qdpx`;
    temps.push(out);
    const exported = runCli('export-qdpx', [out], { STUDY_DIR: dir });
    expect(exported.stdout).toContain('wrote 4 codes and 4 excerpts (one text source each)');
    const result = runCli('import-qdpx', [out], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no content file changed');
  });
});
