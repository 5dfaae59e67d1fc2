/**
 * The generator is not tied to one study: building a different study folder through
 * STUDY_DIR yields that study's pages, and invalid content never touches dist/.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseStudy, fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';
import { buildSite } from '../helpers/build-site.ts';

let work: string;
let dist: string;
let firstBuild: { status: number | null; output: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-build-'));
  dist = join(work, 'dist');
  firstBuild = buildSite({ STUDY_DIR: baseStudy, CASEBOOK_DIST: dist });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');

describe('building another study with STUDY_DIR', () => {
  it('succeeds', () => {
    expect(firstBuild.output).toContain('Built');
    expect(firstBuild.status).toBe(0);
  });

  it("names that study's themes and subthemes with their counts", async () => {
    expect(await page('')).toContain('Harbour Fixture: A Synthetic Two-Session Study of Rowing Coaching');
    const codebook = (await page('codebook')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(codebook).toContain('1.0 Launching 3 excerpts');
    expect(codebook).toContain('1.2 Pushing off 2 excerpts');
    expect(codebook).toContain('2.0 Recovery 2 excerpts');
    expect(codebook).not.toContain('Separateness');
  });

  it('writes a page per theme, subtheme and unit with its excerpts, the units under the study’s own word', async () => {
    // Transcripts are rendered by the CA engine (symbols become marked-up spans), so the excerpt is found by its permalink.
    expect(await page('themes/launching/rigging')).toContain('href="/excerpts/oars-first/"');
    expect(await page('themes/recovery')).toContain('Felt good');
    const sessions = (await readdir(join(dist, 'outings'))).filter((name) => /^\d+$/.test(name)).sort();
    expect(sessions).toEqual(['1', '2']);
    expect(existsSync(join(dist, 'sessions'))).toBe(false);
    expect(await page('outings/2')).toContain('Cold water');
  });

  it('has no teaching section when the study has no teaching folder: no pages, handouts, projector views, documents or nav link', async () => {
    expect(existsSync(join(baseStudy, 'teaching'))).toBe(false);
    expect(existsSync(join(dist, 'teaching'))).toBe(false);
    expect(await page('')).not.toMatch(/href="\/teaching\//);
    expect(firstBuild.output).not.toContain('course pack');
  });

  it('turns a ```ca block in a chapter into an annotated transcript (the remark plugin ran in the Astro build)', async () => {
    const html = await page('chapters/notes');
    expect(html).toContain('class="ca-transcript');
    expect(html).toMatch(/<span class="ca-sr">pause, 2 seconds<\/span>/);
    expect(html).not.toContain('<code class="language-ca">');
  });

  it('leaves the previous dist/ untouched when the content is invalid', async () => {
    const marker = join(dist, 'marker.txt');
    await writeFile(marker, 'previous build');
    const broken = await studyWithCase(join(fixturesDir, 'errors', 'several'));
    try {
      const result = buildSite({ STUDY_DIR: broken, CASEBOOK_DIST: dist });
      expect(result.status).toBe(1);
      expect(result.output).toContain('Unknown code "9.9"');
      expect(result.output).toContain('is unchanged');
      expect(await readFile(marker, 'utf8')).toBe('previous build');
      const leftovers = (await readdir(work)).filter((name) => name.includes('.staging-'));
      expect(leftovers).toEqual([]);
    } finally {
      await rm(broken, { recursive: true });
    }
  });

  it('does not create dist/ at all when the first build has invalid content', async () => {
    const fresh = join(work, 'never');
    await mkdir(join(work, 'empty-study'));
    const result = buildSite({ STUDY_DIR: join(work, 'empty-study'), CASEBOOK_DIST: fresh });
    expect(result.status).toBe(1);
    expect(result.output).toContain('study.json  error  Missing file  [missing-file]');
    expect(existsSync(fresh)).toBe(false);
  });
});
