/**
 * The hostile fixture study in Chromium: every page of a study whose every text field is
 * an injection attempt. No script of the data's runs (a dialog trap, a `window.__pwned`
 * canary, no console errors), no markup is injected (the hostile strings are the text
 * of the page, and no element they describe exists). That every page fits 360 px is
 * checked with axe in the every-page sweep (a11y-hostile.test.ts, axe-gate.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { cspViolations, watchCsp } from '../helpers/csp.ts';
import { serveStatic } from '../helpers/serve.ts';
import { searchDialogProblems, searchGateProblems } from './search-gate.ts';
import { watch } from './page-gate.ts';
import { hostileFixture } from './hostile/fixture.ts';
import { hostileStudyDir } from './hostile/write-fixture.ts';
import { literalMarkers } from './hostile/payloads.ts';
import { builtPages, readablePages } from './site.ts';

const distDir = inject('hostileDistDir');
const pages = readablePages(distDir);
const allRoutes = builtPages(distDir).map((page) => page.route);
const site = useBuiltSite(distDir);

/** Evidence of injected markup or script in the live document. */
function inspect() {
  return {
    pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined || (window.parent as unknown as { __pwned?: unknown }).__pwned !== undefined,
    injectedElements: document.querySelectorAll('img[src="x"], [onerror], [onload], iframe[srcdoc], svg[onload]').length,
    // Data blocks (JSON-LD) may quote hostile text, escaped; code must never contain it.
    foreignScripts: [...document.scripts].filter((script) => ['', 'module', 'text/javascript'].includes(script.type) && /pwned|alert\(/.test(script.textContent ?? '')).length,
    brokenData: [...document.querySelectorAll('script[type="application/ld+json"]')].filter((script) => {
      try {
        JSON.parse(script.textContent ?? '');
        return false;
      } catch {
        return true;
      }
    }).length,
    text: document.body.textContent ?? '',
  };
}

describe('the hostile fixture study', () => {
  it('is a valid study whose committed files match its generator', () => {
    for (const [path, content] of hostileFixture()) expect(readFileSync(join(hostileStudyDir, path), 'utf8'), path).toBe(content);
    const committed = readdirSync(hostileStudyDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(committed.length).toBe(hostileFixture().size);
  });

  it('builds every page, including a chapter that embeds its excerpts', () => {
    expect(allRoutes).toEqual(expect.arrayContaining(['/', '/chapters/findings/', '/excerpts/script-tags/', '/excerpts/long-turn/', '/themes/theme-one/subtheme-two/']));
    // The units' pages live under a URL segment made from the study's hostile plural: letters, digits and hyphens only.
    expect(allRoutes.filter((route) => /^\/units-[a-z0-9-]+\/1\/$/.test(route))).toHaveLength(1);
    expect(existsSync(join(distDir, 'pagefind'))).toBe(true);
  });

  it('runs no injected script and injects no markup on any page, printing the hostile strings as text', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    await watchCsp(context);
    const page = await context.newPage();
    const incidents = watch(page);
    const problems: string[] = [];
    try {
      for (const { route } of pages) {
        await page.goto(new URL(route.slice(1), site.server.url).href, { waitUntil: 'load' });
        const found = await page.evaluate(inspect);
        if (found.pwned) problems.push(`${route}: an injected script ran (window.__pwned is set)`);
        if (found.injectedElements) problems.push(`${route}: ${found.injectedElements} injected element(s) with src=x or an event-handler attribute`);
        if (found.foreignScripts) problems.push(`${route}: ${found.foreignScripts} <script> element(s) carry hostile code`);
        if (found.brokenData) problems.push(`${route}: ${found.brokenData} JSON-LD block(s) no longer parse`);
        for (const marker of literalMarkers) if (!found.text.includes(marker)) problems.push(`${route}: the text does not contain ${JSON.stringify(marker)} literally`);
        problems.push(...(await cspViolations(page, route)));
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(incidents).toEqual({ dialogs: [], errors: [] });
  });

  it("prints each excerpt's title, lead-in and interpretation exactly, on its own page", async () => {
    const page = await site.browser.newPage();
    try {
      for (const [path, content] of hostileFixture()) {
        if (!path.startsWith('excerpts/')) continue;
        const excerpt = JSON.parse(content) as { id: string; title: string; leadIn: string; interpretation: string };
        await page.goto(new URL(`excerpts/${excerpt.id}/`, site.server.url).href);
        const text = await page.evaluate(() => document.body.textContent ?? '');
        for (const field of ['title', 'leadIn', 'interpretation'] as const) expect(text.includes(excerpt[field]), `${excerpt.id} ${field}`).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  // Searches that between them return every hostile record: each hostile label and text holds these words.
  const hostileQueries = ['hostile', 'pwned', 'script', 'img onerror'];

  it('draws search results and every filter value on /search/ as text', async () => {
    const context = await site.browser.newContext();
    try {
      expect(await searchGateProblems(context, site.server.url, hostileQueries)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);

  it("draws the header search dialog's results as text", async () => {
    const context = await site.browser.newContext();
    try {
      expect(await searchDialogProblems(context, site.server.url, 'excerpts/script-tags/', hostileQueries)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('has a search gate that fails when a filter label is drawn as markup', async () => {
    // The built search page, with one more same-origin script that draws each filter value
    // through innerHTML, as Pagefind's own UI did.
    const planted = mkdtempSync(join(tmpdir(), 'casebook-planted-'));
    try {
      for (const entry of readdirSync(distDir)) if (entry !== 'search') symlinkSync(join(distDir, entry), join(planted, entry));
      const searchPage = readFileSync(join(distDir, 'search', 'index.html'), 'utf8');
      // The planted page's root is renamed so the site's own search finds nothing to draw; the
      // planted script draws in it and then hands it back to the gate as a finished search.
      const plantedScript = `const root = document.querySelector('[data-planted]');
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
for (const [name, values] of Object.entries(await pagefind.filters())) for (const value of Object.keys(values)) root.insertAdjacentHTML('beforeend', '<label>' + name + ': ' + value + '</label>');
root.setAttribute('data-search', '');
root.dataset.state = 'ready';`;
      writeFileSync(join(planted, 'planted-search.js'), plantedScript);
      mkdirSync(join(planted, 'search'));
      const plantedPage = searchPage.replace(' data-search ', ' data-planted ').replace('</body>', '<script type="module" src="/planted-search.js"></script></body>');
      expect(plantedPage).toContain('data-planted');
      writeFileSync(join(planted, 'search', 'index.html'), plantedPage);
      const server = await serveStatic(planted);
      const context = await site.browser.newContext();
      try {
        const problems = await searchGateProblems(context, server.url, ['hostile']);
        expect(problems.some((problem) => problem.includes('injected element'))).toBe(true);
        expect(problems.some((problem) => problem.includes('CSP violation'))).toBe(true);
      } finally {
        await context.close();
        await server.close();
      }
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });
});
