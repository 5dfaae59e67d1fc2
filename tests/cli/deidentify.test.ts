import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findIdentifiers, parseAllowances, parseIdentifiers } from '../../src/study/deidentify.ts';
import { baseStudy } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

describe('identifier matching', () => {
  const matches = (term: string, text: string) => findIdentifiers(text, parseIdentifiers(term)).map((hit) => hit.found);

  it('ignores case, also outside ASCII', () => {
    expect(matches('Zoë', 'ZOË and zoë')).toEqual(['ZOË', 'zoë']);
    expect(matches('Σοφία', 'η ΣΟΦΊΑ είπε')).toEqual(['ΣΟΦΊΑ']);
  });

  it('matches whole words only, with letters of any script as word characters', () => {
    expect(matches('boat', 'boathouse, a boat, boat-shed, rowboat')).toEqual(['boat', 'boat']);
    expect(matches('Zoë', 'Zoëlla and Zoë.')).toEqual(['Zoë']);
    expect(matches('Ana', 'Anaïs and Ana')).toEqual(['Ana']);
  });

  it('matches a phrase across any whitespace, including a line break', () => {
    expect(matches('Zoë Ortiz', 'met Zoë\n  Ortiz there')).toEqual(['Zoë\n  Ortiz']);
  });

  it('reads the lists: comments, blank lines, scoped allowances', () => {
    const identifiers = parseIdentifiers('# real names\n\nZoë Ortiz  # the client\r\nPort Fairy\n');
    expect(identifiers.map((identifier) => [identifier.term, identifier.line])).toEqual([
      ['Zoë Ortiz', 3],
      ['Port Fairy', 4],
    ]);
    expect(parseAllowances('Melbourne\nstudy.json: Port Fairy\n# note')).toEqual([
      { term: 'Melbourne', file: undefined },
      { term: 'Port Fairy', file: 'study.json' },
    ]);
    expect(findIdentifiers('a\nthe port fairy b', identifiers).map((hit) => [hit.line, hit.column, hit.found])).toEqual([[2, 5, 'port fairy']]);
  });
});

describe('npm run check and build with a private identifiers list', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function study(identifiers?: string, allowed?: string): Promise<string> {
    const dir = await copyStudy(baseStudy);
    temps.push(dir);
    await mkdir(join(dir, 'chapters'), { recursive: true });
    await writeFile(join(dir, 'chapters', 'intro.mdx'), '---\ntitle: Intro\ndescription: How we met.\norder: 9\n---\n\nWe met Zoë Ortiz at the Boathouse.\n');
    if (identifiers !== undefined) {
      await mkdir(join(dir, 'private'));
      await writeFile(join(dir, 'private', 'identifiers.txt'), identifiers);
      if (allowed !== undefined) await writeFile(join(dir, 'private', 'allowed.txt'), allowed);
    }
    return dir;
  }

  it('says that nothing was checked when there is no list, and passes', async () => {
    const result = runCli('check', [], { STUDY_DIR: await study() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ 14 files checked, no problems\nidentifiers: not checked (no ');
  });

  it('reports every hit in JSON and MDX at its line and column', async () => {
    const dir = await study('# names\nZoë Ortiz\nboathouse\n');
    // The fixture names its boathouse in study.json's "setting".
    const settingLine = (await readFile(join(dir, 'study.json'), 'utf8')).split('\n').findIndex((line) => line.includes('"setting"')) + 1;
    const result = runCli('check', [], { STUDY_DIR: dir }, dir);
    expect(result.status).toBe(1);
    const hits = result.stdout.split('\n').filter((line) => line.includes('[identifier]'));
    expect(hits).toEqual([
      'chapters/intro.mdx:7:8  error  Identifying term "Zoë Ortiz" (listed in private/identifiers.txt line 2) must not be published  [identifier]',
      'chapters/intro.mdx:7:25  error  Identifying term "Boathouse" (listed in private/identifiers.txt line 3) must not be published  [identifier]',
      expect.stringMatching(/^references\.json:5:\d+  error  Identifying term "Boathouse" /),
      expect.stringMatching(new RegExp(`^study\\.json:${settingLine}:\\d+  error  Identifying term "boathouse" `)),
    ]);
    expect(result.stdout).toContain('identifiers: 2 terms from private/identifiers.txt searched in 14 files, 4 hits, 0 allowed');
  });

  it('lets allowed hits through, everywhere or in one file', async () => {
    const dir = await study('Zoë Ortiz\nboathouse\n', 'boathouse\nchapters/intro.mdx: Zoë Ortiz\n');
    const result = runCli('check', [], { STUDY_DIR: dir }, dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 hits, 4 allowed');
  });

  it('stops the build before anything is built', async () => {
    const dir = await study('Zoë Ortiz\n');
    const dist = `${dir}-dist`;
    const result = runCli('build', [], { STUDY_DIR: dir, CASEBOOK_DIST: dist });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Identifying term "Zoë Ortiz"');
    expect(result.stderr).toContain('Nothing was built');
    expect(existsSync(dist)).toBe(false);
  });

  it('refuses a build whose pages or downloads would publish a name the study folder does not hold as written, located in the file it would publish', async () => {
    // The chapter writes the name as an MDX expression, which only the rendered page holds;
    // the site's address (CASEBOOK_SITE) reaches every page and the /data/ downloads
    // without being in the study folder at all.
    const dir = await study('Cosima\nQuillfeather Harbour\n');
    await writeFile(join(dir, 'chapters', 'intro.mdx'), "---\ntitle: Intro\ndescription: How we met.\norder: 9\n---\n\nWe met {['Co', 'sima'].join('')} at the boathouse.\n");
    const check = runCli('check', [], { STUDY_DIR: dir }, dir);
    expect(check.output).toContain('0 hits');
    const dist = `${dir}-dist`;
    temps.push(dist);
    const result = runCli('build', [], { STUDY_DIR: dir, CASEBOOK_DIST: dist, CASEBOOK_SITE: 'https://quillfeather-harbour.example.org' });
    expect(result.status).toBe(1);
    const published = result.stderr.split('\n').filter((line) => line.includes('[identifier-published]'));
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The path it would be published at (relative to the working directory), line and column.
    const at = (path: string, term: string) =>
      new RegExp(`^\\S*${escape(`${basename(dist)}/${path}`)}:\\d+:\\d+  error  Identifying term "${term}" \\(listed in private/identifiers\\.txt line \\d\\) would be published here, written `);
    expect(published).toContainEqual(expect.stringMatching(at('chapters/intro/index.html', 'Cosima')));
    expect(published).toContainEqual(expect.stringMatching(at('chapters/intro/index.html', 'Quillfeather Harbour')));
    expect(published).toContainEqual(expect.stringMatching(at('data/study.json', 'Quillfeather Harbour')));
    expect(result.stderr).toContain('fix: Replace it in the study folder with a pseudonym or a role');
    expect(result.stderr).toContain('Nothing was published');
    // Nothing half-written: no site, no staging folder.
    expect(existsSync(dist)).toBe(false);
    expect((await readdir(dirname(dist))).filter((name) => name.startsWith(basename(dist)))).toEqual([]);
  });
});
