/**
 * Deploying under a sub-path: the bundled study (plus a chapter that cites works) built
 * with CASEBOOK_BASE=/casebook/ and CASEBOOK_SITE=https://example.org. Every root-relative
 * link and asset, the Pagefind bundle, canonical URLs, Open Graph, JSON-LD, the sitemap
 * and the data downloads carry the base; search works when served there; citation
 * previews open on keyboard focus and stay inside the viewport at 360 and 1280 px.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot } from '../helpers/build-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { searchResults, wordOnlyOneExcerptSays } from './search-helpers.ts';

const base = '/casebook/';
const site = 'https://example.org';
let work: string;
let dist: string;
let build: { status: number | null; output: string };
let htmlFiles: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-subpath-'));
  const study = join(work, 'study');
  dist = join(work, 'dist');
  await cp(join(repoRoot, 'content'), study, { recursive: true });
  await cp(join(import.meta.dirname, 'fixtures', 'citing-works.mdx'), join(study, 'chapters', 'citing-works.mdx'));
  build = buildSite({ STUDY_DIR: study, CASEBOOK_DIST: dist, CASEBOOK_BASE: base, CASEBOOK_SITE: site });
  htmlFiles = existsSync(dist) ? (await readdir(dist, { recursive: true })).filter((name) => name.endsWith('.html')) : [];
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(dist, path), 'utf8');
const routeOf = (file: string) => `${base}${file.replace(/index\.html$/u, '')}`;

describe(`a build under ${base}`, () => {
  it('succeeds', () => {
    expect(build.output).toContain('Built');
    expect(build.status).toBe(0);
    expect(htmlFiles.length).toBeGreaterThan(20);
  });

  it('puts the base in front of every root-relative link, asset and search bundle path', async () => {
    const offenders: string[] = [];
    for (const file of htmlFiles) {
      const html = await read(file);
      for (const [, attribute, value] of html.matchAll(/\s(href|src|action|data-bundle|data-base)="(\/[^"]*)"/gu)) {
        if (!value!.startsWith(base)) offenders.push(`${file}: ${attribute}="${value}"`);
      }
    }
    expect(offenders).toEqual([]);
    const search = await read('search/index.html');
    expect(search).toContain(`data-bundle="${base}pagefind/"`);
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('gives every page an absolute canonical URL, og:url and JSON-LD page URL under the base', async () => {
    for (const file of htmlFiles.filter((name) => name !== '404.html')) {
      const html = await read(file);
      // Astro's redirect stubs (an old address pointing to a new one) are not pages.
      if (html.startsWith('<!doctype html><title>Redirecting to:')) continue;
      const expected = `${site}${routeOf(file)}`;
      expect(html, file).toContain(`<link rel="canonical" href="${expected}">`);
      expect(html, file).toContain(`<meta property="og:url" content="${expected}">`);
      expect(html, file).toContain(`"@type":"WebPage","@id":"${expected}"`);
      expect(html, file).toContain(`<link rel="sitemap" href="${base}sitemap-index.xml">`);
    }
  });

  it('lists the pages in the sitemap under the base', async () => {
    const index = await read('sitemap-index.xml');
    expect(index).toContain(`<loc>${site}${base}sitemap-0.xml</loc>`);
    const locations = [...(await read('sitemap-0.xml')).matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => match[1]!);
    expect(locations.length).toBeGreaterThan(20);
    expect(locations.filter((location) => !location.startsWith(`${site}${base}`))).toEqual([]);
    expect(locations).toContain(`${site}${base}excerpts/butter-chicken/`);
  });

  it('writes absolute URLs with the base into citations and downloads', async () => {
    const excerpt = await read('excerpts/butter-chicken/index.html');
    expect(excerpt).toContain(`UR  - ${site}${base}excerpts/butter-chicken/`);
    const data = JSON.parse(await read('data/study.json'));
    expect(data.documentation).toBe(`${site}${base}about/#data`);
    expect(await read('about/index.html')).toContain(`"contentUrl":"${site}${base}data/excerpts.csv"`);
  });
});

describe(`the ${base} build in Chromium`, () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(dist, base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches from the bundle under the base and links results under it', async () => {
    const { word, id } = wordOnlyOneExcerptSays(join(repoRoot, 'content'));
    const page = await browser.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(response.url());
    });
    expect(await searchResults(page, `${server.url}search/`, word)).toEqual([`${base}excerpts/${id}/`]);
    expect(missing).toEqual([]);
    await page.close();
  });

  for (const width of [360, 1280]) {
    // From 76rem a chapter's citations carry their reference as a sidenote in the margin:
    // part of the page, shown with or without focus, so Escape leaves it (it dismisses popups).
    const sidenotes = width >= 76 * 16;
    it(`shows a citation's full reference on keyboard focus, inside a ${width} px viewport, and ${sidenotes ? 'keeps it as a sidenote' : 'hides it'} on Escape`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${server.url}chapters/citing-works/`);
      const links = page.locator('article a.cite');
      expect(await links.count()).toBe(4);
      for (let index = 0; index < 4; index += 1) {
        const link = links.nth(index);
        await link.focus();
        const tipId = await link.getAttribute('aria-describedby');
        const tip = page.locator(`[id="${tipId}"]`);
        await expect(tip.isVisible()).resolves.toBe(true);
        await expect(tip.getAttribute('role')).resolves.toBe('tooltip');
        const box = (await tip.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await page.keyboard.press('Escape');
        await expect(tip.isVisible()).resolves.toBe(sidenotes);
        await expect(page.evaluate(() => document.activeElement?.classList.contains('cite'))).resolves.toBe(true);
      }
      const first = await page.locator(`[id="${await links.first().getAttribute('aria-describedby')}"]`).textContent();
      expect(first).toBe('Moyer, C. A., Rounds, J., & Hannum, J. W. (2004). A meta-analysis of massage therapy research. Psych Bull, 130(1), 3–18.');
      await expect(links.first().getAttribute('href')).resolves.toBe(`${base}references/#ref-moyer2004`);
      await page.close();
    });
  }

  it('links every in-text citation to an entry on the references page', async () => {
    const chapter = await read('chapters/citing-works/index.html');
    const references = await read('references/index.html');
    const targets = [...chapter.matchAll(/href="\/casebook\/references\/#ref-([^"]+)"/gu)].map((match) => match[1]);
    expect(targets).toEqual(['moyer2004', 'rosenzweig1936', 'duncan2010', 'wampold2015']);
    for (const id of targets) expect(references).toContain(`id="ref-${id}"`);
    expect(chapter).toContain('Moyer et al., 2004</a>');
    // The locator follows the last work; Astro places the previews' module script after the first preview on the page.
    expect(chapter).toMatch(/Moyer et al\., 2004<\/a>.*?<\/span><\/span>(?:<script type="module">[^<]*<\/script>)?, p\. 5\)<\/span>/su);
  });
});
