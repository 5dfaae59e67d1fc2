/**
 * The scholarly layer in Chromium: search finds an excerpt by a word only it contains,
 * the search UI stays off every other page (an excerpt page needs at most 15 KB of
 * JavaScript), and the copy buttons put the citation on the clipboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/build-site.ts';
import type { Codebook } from '../../src/study/schemas/index.ts';
import { searchResults, wordOnlyOneExcerptSays } from './search-helpers.ts';

const site = useBuiltSite();

describe('search', () => {
  // "puppy" and "swaddle" each occur in more than one excerpt's text (an interpretation
  // quotes the therapist's "puppy"), so the word is derived from the content instead.
  it('finds an excerpt by a word only it contains, and links to its page', async () => {
    const { word, id } = wordOnlyOneExcerptSays(join(repoRoot, 'content'));
    const page = await site.browser.newPage();
    expect(await searchResults(page, `${site.server.url}search/`, word)).toEqual([`/excerpts/${id}/`]);
    await page.close();
  });

  it('does not find excerpts by the explanations of the symbols in their transcripts', async () => {
    // "tenth" is only in the timed pause's explanation, which several excerpts' tooltips carry.
    const page = await site.browser.newPage();
    const results = await searchResults(page, `${site.server.url}search/`, 'tenth');
    expect(results).toContain('/appendices/transcription-conventions/');
    expect(results.filter((link) => link.startsWith('/excerpts/'))).toEqual([]);
    await page.close();
  });

  it("ranks a theme's or subtheme's own page first for its name, above the chapters that discuss it, and lists no pre-filtered excerpt list", async () => {
    const codebook = JSON.parse(readFileSync(join(repoRoot, 'content', 'codebook.json'), 'utf8')) as Codebook;
    const page = await site.browser.newPage();
    const firsts: string[] = [];
    for (const theme of codebook.themes) {
      for (const code of [theme, ...theme.subthemes]) {
        const results = await searchResults(page, `${site.server.url}search/`, code.name);
        expect(
          results.filter((link) => /^\/excerpts\/[^/]+\/[^/]+\/$/.test(link)),
          code.name,
        ).toEqual([]);
        firsts.push(`${code.name} → ${results[0]}`);
      }
    }
    const own = codebook.themes.flatMap((theme) => [theme, ...theme.subthemes].map((code) => `${code.name} → /themes/${theme.slug}/${code === theme ? '' : `${code.slug}/`}`));
    expect(firsts).toEqual(own);
    await page.close();
  });

  it('offers filters for an excerpt’s speaker, code, session and source', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/`);
    // A string, so Vitest does not rewrite the browser-side import().
    const filters: Record<string, Record<string, number>> = await page.evaluate(`import(new URL('../pagefind/pagefind.js', location.href).href).then((pagefind) => pagefind.filters())`);
    expect(Object.keys(filters).sort()).toEqual(['code', 'session', 'source', 'speaker']);
    expect(Object.keys(filters.speaker!).sort()).toEqual(['Client', 'Therapist']);
    expect(filters.session!['Session 3']).toBeGreaterThan(0);
    expect(filters.code!['3.2 Empathy']).toBeGreaterThan(0);
    expect(filters.source!['Participant commentary']).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the query in the address so a search can be shared', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}search/`);
    await page.waitForSelector('[data-search][data-state="ready"]');
    await page.getByLabel('Search this edition').fill('swaddle');
    await page.waitForSelector('[data-search][data-state="ready"]');
    await page
      .getByRole('status')
      .filter({ hasText: /results?\./u })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('swaddle');
    await page.close();
  });

  it('without JavaScript, explains that search needs it and offers ways to browse', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}search/`);
    // Playwright's text selectors skip <noscript>, so the notice is found by its class.
    const notice = page.locator('noscript .search-notice');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toContain('Search needs JavaScript');
    for (const name of ['The codebook', 'The excerpt browser', 'The chapters']) {
      await expect(page.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await context.close();
  });
});

describe('JavaScript on an excerpt page', () => {
  it('stays within 15 KB and never loads the search UI', async () => {
    const page = await site.browser.newPage();
    const scripts: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), bytes: (await response.body()).length });
    });
    await page.goto(`${site.server.url}excerpts/puppy-preschool/`, { waitUntil: 'load' });
    const inlineBytes = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((script) => script.getAttribute('type') !== 'application/ld+json')
        .reduce((sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length, 0),
    );
    const external = scripts.reduce((sum, script) => sum + script.bytes, 0);
    expect(scripts.filter((script) => script.url.includes('pagefind'))).toEqual([]);
    expect(inlineBytes + external).toBeLessThanOrEqual(15 * 1024);
    await page.close();
  });
});

describe('cite this excerpt', () => {
  it('copies the RIS record to the clipboard', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
    const page = await context.newPage();
    await page.goto(`${site.server.url}excerpts/puppy-preschool/`);
    const section = page.locator('section.cite-this');
    await section.getByText('RIS (EndNote, Zotero, Mendeley)').last().click();
    await section.getByRole('button', { name: 'Copy RIS' }).last().click();
    await page.getByRole('status').filter({ hasText: 'copied' }).waitFor({ state: 'attached' });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await section.locator('pre').last().textContent());
    expect(copied).toContain('UR  - https://casebook.example.org/excerpts/puppy-preschool/');
    await context.close();
  });

  it('shows the citations as selectable text without JavaScript, copy buttons hidden', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}excerpts/puppy-preschool/`);
    await expect(page.getByText('Clark, T. (2019). The Psychotherapeutic Relationship in Massage Therapy.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Copy/u }).count()).resolves.toBe(0);
    await context.close();
  });
});
