/**
 * `npm run check` finds a private name in the study folder however it is written there
 * (issue #12 §4: names behind JSON escapes, under emphasis, in another normalisation, with
 * invisible characters inside, as MDX character references and in file names were missed),
 * each at its file, line and column. Unit tier: it checks, it does not build.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseStudy } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

describe('npm run check with names written in other ways', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('reports each at its place', async () => {
    const dir = await copyStudy(baseStudy);
    temps.push(dir);
    await mkdir(join(dir, 'private'));
    await writeFile(join(dir, 'private', 'identifiers.txt'), 'Cosima\nZoë\n');
    // A JSON escape in a transcript line, and a name in NFD with a zero-width space inside.
    const excerpt = join(dir, 'excerpts', 'cold-water.json');
    const json = await readFile(excerpt, 'utf8');
    await writeFile(excerpt, json.replace('it’s s’posed to be cold', 'it’s \\u0043osima’s, Zoe\u0308 and Zo\u200be said'));
    await mkdir(join(dir, 'chapters'), { recursive: true });
    await writeFile(join(dir, 'chapters', 'intro.mdx'), '---\ntitle: Intro\ndescription: How we met.\norder: 9\n---\n\nWe met _Cosima_, &#67;osima and Co<em>sima</em>.\n');
    await writeFile(join(dir, 'chapters', 'with-cosima.mdx'), '---\ntitle: More\ndescription: More.\norder: 10\n---\n\nNothing here.\n');
    const result = runCli('check', [], { STUDY_DIR: dir }, dir);
    expect(result.status).toBe(1);
    const hits = result.stdout.split('\n').filter((line) => line.includes('[identifier]'));
    expect(hits).toEqual([
      'chapters/intro.mdx:7:9  error  Identifying term "Cosima" (listed in private/identifiers.txt line 1) must not be published  [identifier]',
      'chapters/intro.mdx:7:18  error  Identifying term "&#67;osima" (listed in private/identifiers.txt line 1) must not be published  [identifier]',
      'chapters/intro.mdx:7:33  error  Identifying term "Co<em>sima" (listed in private/identifiers.txt line 1) must not be published  [identifier]',
      'chapters/with-cosima.mdx  error  The file name "chapters/with-cosima.mdx" holds the identifying term "cosima" (listed in private/identifiers.txt line 1); it would be published in an address  [identifier]',
      expect.stringMatching(/^excerpts\/cold-water\.json:5:\d+  error  Identifying term "\\u0043osima" /),
      expect.stringMatching(/^excerpts\/cold-water\.json:5:\d+  error  Identifying term "Zoe\u0308" /),
      expect.stringMatching(/^excerpts\/cold-water\.json:5:\d+  error  Identifying term "Zo\u200be" /),
    ]);
  });
});
