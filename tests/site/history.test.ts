/**
 * The coding-history page: a study with recorded editions lists them newest first with
 * what each changed, linking what still has a page and naming what no longer does; the
 * bundled study, which has none, says its coding is the published one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Nodes } from 'hast';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { fixturesDir, studyWithCase } from '../helpers/fixture-study.ts';
import { serveStatic } from '../helpers/serve.ts';
import { axeViolations } from '../quality/axe.ts';
import { contextFor } from '../quality/axe-gate.ts';
import { validatePage } from '../quality/html-validate.ts';
import { elements, parsePage, textOf } from './html.ts';
import { checkLinks, formatBroken } from './link-check.ts';

const page = 'about/history/index.html';
const byClass = (name: string) => (element: Element) => Array.isArray(element.properties.className) && element.properties.className.includes(name);
const links = (node: Nodes) => elements(node, (element) => element.tagName === 'a').map((a) => `${textOf(a)} → ${String(a.properties.href)}`);

describe('coding history of a study with recorded editions', () => {
  let work: string;
  let study: string;
  let dist: string;
  let build: { status: number | null; output: string };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'casebook-history-'));
    study = await studyWithCase(join(fixturesDir, 'history'));
    dist = join(work, 'dist');
    build = buildSite({ STUDY_DIR: study, CASEBOOK_DIST: dist });
  });

  afterAll(async () => {
    await Promise.all([rm(work, { recursive: true, force: true }), rm(study, { recursive: true, force: true })]);
  });

  const sections = async () => elements(await parsePage(dist, page), (element) => element.tagName === 'section' && byClass('edition')(element));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('lists the editions newest first, each dated, then the published coding', async () => {
    const headings = (await sections()).map((section) => elements(section, (element) => element.tagName === 'h2').map(textOf)[0]);
    expect(headings).toEqual(['Second coding', 'Pilot recoding', 'The published coding']);
    const times = (await sections()).map((section) => elements(section, (element) => element.tagName === 'time').map((time) => `${String(time.properties.dateTime)} ${textOf(time)}`)[0]);
    expect(times).toEqual(['2024-09-10 10 September 2024', '2024-05-02 2 May 2024', '2024-03 March 2024']);
  });

  it('names code changes, linking only codes that still exist under that name', async () => {
    const [latest, pilot] = await sections();
    const changes = (section: Element) => elements(section, byClass('edition__codes')).flatMap((list) => elements(list, (element) => element.tagName === 'li').map(textOf));
    expect(changes(latest!)).toEqual(['Renamed 1.2 Leaving the dock to 1.2 Pushing off', 'Merged 1.2 Leaving the dock and 1.3 Drifting into 1.2 Pushing off']);
    expect(changes(pilot!)).toEqual(['Split 1.2 Leaving the dock into 1.2 Leaving the dock and 1.3 Drifting']);
    expect(elements(latest!, byClass('edition__codes')).flatMap(links)).toEqual(['1.2 Pushing off → /themes/launching/pushing-off/', '1.2 Pushing off → /themes/launching/pushing-off/']);
    expect(elements(pilot!, byClass('edition__codes')).flatMap(links)).toEqual([]);
  });

  it('tabulates recoded excerpts from → to, linking excerpts that still exist', async () => {
    const [latest, pilot] = await sections();
    const table = (section: Element) => elements(section, (element) => element.tagName === 'table')[0]!;
    const rows = (section: Element) =>
      elements(table(section), (element) => element.tagName === 'tr').map((row) => elements(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf));
    expect(textOf(elements(table(latest!), (element) => element.tagName === 'caption')[0]!)).toBe('2 excerpts recoded');
    expect(rows(latest!)).toEqual([
      ['Excerpt', 'Coded before', 'Coded now'],
      ['Cold water', '1.3 Drifting', '1.2 Pushing off and 2.0 Recovery'],
      ['Steady', '1.2 Leaving the dock', '1.1 Rigging and 1.2 Pushing off'],
    ]);
    expect(elements(table(latest!), (element) => element.tagName === 'th').map((th) => th.properties.scope)).toEqual(['col', 'col', 'col', 'row', 'row']);
    expect(links(table(pilot!))).toEqual(['Cold water → /excerpts/cold-water/']);
    expect(rows(pilot!).at(-1)).toEqual(['False start', '1.2 Leaving the dock', '1.3 Drifting']);
    expect(textOf(latest!)).toContain('Removed: False start.');
  });

  it('gives per-theme and per-unit counts that changed as tables, in the study’s word for its units', async () => {
    const [latest, pilot] = await sections();
    const cells = (row: Element) =>
      elements(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td')
        .map(textOf)
        .join(' | ');
    const tables = elements(latest!, byClass('edition__counts')).map((table) => [
      ...elements(table, (element) => element.tagName === 'caption').map(textOf),
      ...elements(table, (element) => element.tagName === 'tr').map(cells),
    ]);
    expect(tables).toEqual([
      ['Themes whose excerpt count changed', 'Theme | Before | After | Change', '1.0 Launching | 4 | 3 | −1', '2.0 Recovery | 1 | 2 | +1'],
      ['Outings whose excerpt count changed', 'Outing | Before | After | Change', 'Outing 1 | 2 | 1 | −1'],
    ]);
    expect(links(latest!)).toContain('Outing 1 → /outings/1/');
    expect(textOf(pilot!)).toContain('No theme and no outing holds more or fewer excerpts than before.');
  });

  it("keeps the researcher's summary as text, one paragraph per blank-line block", async () => {
    const [, pilot] = await sections();
    const summary = elements(pilot!, byClass('edition__summary'))[0]!;
    expect(
      elements(summary, (element) => element.tagName === 'p')
        .map(textOf)
        .at(-1),
    ).toBe('The false start, quoted in an earlier draft, was still part of the set. <b>This line is text, not markup.</b>');
    expect(elements(summary, (element) => element.tagName === 'b')).toEqual([]);
  });

  it('is linked from the about page and from its table of contents, and every link resolves', async () => {
    expect(links(await parsePage(dist, 'about/index.html'))).toContain('Coding history → /about/history/');
    const toc = elements(await parsePage(dist, page), byClass('history__toc'))[0]!;
    expect(links(toc)).toEqual(['Second coding → #edition-second-coding', 'Pilot recoding → #edition-pilot-recoding', 'The published coding → #original']);
    expect(formatBroken((await checkLinks(dist, '/')).broken)).toBe('');
  });

  // The quality gates check every page of the bundled and hostile builds, which have no editions: this page's tables and lists are checked here.
  it('is valid HTML with no WCAG 2.2 AA violation in light or dark mode', async () => {
    expect(await validatePage({ file: join(dist, page), route: '/about/history/', redirectsTo: undefined })).toEqual([]);
    const server = await serveStatic(dist);
    const browser = await launchBrowser();
    try {
      const violations: string[] = [];
      for (const mode of ['light', 'dark'] as const) {
        const context = await contextFor(browser, mode, mode);
        const tab = await context.newPage();
        await tab.goto(new URL('about/history/', server.url).href);
        violations.push(...(await axeViolations(tab, `/about/history/ [${mode}]`)));
        await context.close();
      }
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('coding history of the bundled study', () => {
  it('says no recoding has been recorded and dates the published coding', async () => {
    const dist = inject('distDir');
    const tree = await parsePage(dist, page);
    const main = elements(tree, (element) => element.tagName === 'main')[0]!;
    expect(elements(main, (element) => element.tagName === 'h1').map(textOf)).toEqual(['Coding history']);
    expect(textOf(main)).toContain(
      'No recoding has been recorded. The coding on this site, its 4 themes and the excerpts under them, is the first published coding: the one in Clark (2019), published September 2019.',
    );
    expect(elements(main, byClass('edition'))).toEqual([]);
    expect(links(await parsePage(dist, 'about/index.html'))).toContain('Coding history → /about/history/');
  });
});
