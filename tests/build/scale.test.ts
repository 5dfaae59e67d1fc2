/**
 * A study larger than the article keeps its pages proportionate: a code with many excerpts
 * lists them by title instead of printing each in full, a session page compares its
 * session with its neighbours rather than with every session, and a pre-filtered excerpt
 * list holds only its own excerpts. Built from the benchmark's seeded generator.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStudy, writeStudy } from '../../bench/generate.ts';
import { buildSite } from '../helpers/build-site.ts';
import { fullTextLimit } from '../../src/site/listing.ts';

interface GeneratedExcerpt {
  id: string;
  session: number | null;
  codes: string[];
}

let work: string;
let dist: string;
let build: { status: number | null; output: string };
const files = generateStudy({ name: 'T', sessions: 12, themes: 2, subthemesPerTheme: 2, excerpts: 130 });
const excerpts = [...files].filter(([path]) => path.startsWith('excerpts/')).map(([, value]) => value as GeneratedExcerpt);
const coded = (code: string) => excerpts.filter((excerpt) => excerpt.codes.includes(code));
const inSession = (number: number) => excerpts.filter((excerpt) => excerpt.session === number);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-scale-'));
  await writeStudy(join(work, 'study'), files);
  dist = join(work, 'dist');
  build = buildSite({ STUDY_DIR: join(work, 'study'), CASEBOOK_DIST: dist });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('a study of 130 excerpts over 12 sessions', () => {
  it('builds', () => {
    expect(build.output).toContain('Built');
    expect(build.status).toBe(0);
  });

  it('lists a subtheme’s excerpts by title when there are more than can be printed in full', async () => {
    expect(coded('1.1').length).toBeGreaterThan(fullTextLimit);
    const html = await page('themes/theme-1/subtheme-1-1');
    expect(count(html, /class="excerpt-summary"/g)).toBe(coded('1.1').length);
    expect(html).not.toContain('class="ca-figure"');
    expect(html).toContain('href="/excerpts/code/1-1/"');
  });

  it('prints a session’s excerpts in full when they are few', async () => {
    const few = [1, 2, 3, 4, 5, 6].find((number) => inSession(number).length > 0 && inSession(number).length <= fullTextLimit)!;
    const html = await page(`sessions/${few}`);
    expect(count(html, /<figure class="ca-figure"/g)).toBe(inSession(few).length);
  });

  it('draws a session beside its six neighbours and points to the chart of all twelve', async () => {
    const html = await page('sessions/12');
    const chart = html.slice(html.indexOf('cb-session-phases'), html.indexOf('</svg>', html.indexOf('cb-session-phases')));
    const labelled = [...chart.matchAll(/class="cb-session-label[^"]*"[^>]*data-session="(\d+)"/g)].map((match) => Number(match[1]));
    expect(labelled).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(html).toContain('Phases of sessions 6–12 of 12, in minutes');
    expect(html).toContain('All 12 sessions are drawn on one axis');
    expect(count(await page(''), /class="cb-session-label[^"]*"/g)).toBe(12);
  });

  it('writes pre-filtered excerpt lists that hold only their own excerpts', async () => {
    const html = await page('excerpts/session/3');
    const listed = [...html.matchAll(/data-excerpt="([^"]+)"/g)].map((match) => match[1]);
    expect(listed).toEqual(inSession(3).map((excerpt) => excerpt.id));
    expect(count(await page('excerpts'), /data-excerpt="/g)).toBe(130);
  });
});
