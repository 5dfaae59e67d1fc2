/**
 * The site header on a phone: at most one short row (it took 240 px of a 740 px screen),
 * the sections folded into a menu that opens without JavaScript; on a desktop the
 * sections show without opening anything. Search from every page: a link to the search
 * page without JavaScript, a dialog with it (Ctrl+K, "/", or the link) whose code and
 * Pagefind load only when it opens, used with the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';

const site = useBuiltSite();

describe('the header', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`is at most 64 px tall at 360 × 740 and opens its menu ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled });
      const page = await context.newPage();
      for (const route of ['', 'codebook/', 'excerpts/', 'chapters/']) {
        await page.goto(`${site.server.url}${route}`);
        const height = await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height);
        expect(height, route).toBeLessThanOrEqual(64);
      }
      const codebook = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' });
      await expect(codebook.isVisible()).resolves.toBe(false);
      await page.getByText('Menu', { exact: true }).click();
      await expect(codebook.isVisible()).resolves.toBe(true);
      await codebook.click();
      await page.waitForURL('**/codebook/');
      await context.close();
    });
  }

  it('shows the sections and the mode switch on a desktop without opening anything', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.server.url);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Menu', { exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Dark mode' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  for (const width of [360, 1280]) {
    it(`offers a visible link to the search page without JavaScript at ${width} px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 740 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site.server.url}excerpts/`);
      const link = page.getByRole('banner').getByRole('link', { name: 'Search', exact: true });
      await expect(link.isVisible()).resolves.toBe(true);
      await link.click();
      await page.waitForURL('**/search/');
      await context.close();
    });
  }

  it('opens a search dialog on demand from an excerpt page, which works with the keyboard alone', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Every script's address as it arrives, and its size (read once the page has settled).
    const scripts: { url: string; bytes: Promise<number> }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push({
        url: response.url(),
        bytes: response.body().then(
          (body) => body.length,
          () => Number.NaN,
        ),
      });
    });
    const excerpt = await page.goto(`${site.server.url}excerpts/`).then(() => page.locator('main a[href*="/excerpts/"]').first().getAttribute('href'));
    scripts.length = 0;
    await page.goto(new URL(excerpt!, site.server.url).href, { waitUntil: 'networkidle' });
    // Before the dialog opens: no Pagefind, no dialog code, and at most 15 KB of JavaScript.
    const before = scripts.map((script) => script.url);
    expect(before.filter((url) => /pagefind|search-dialog/.test(url))).toEqual([]);
    const bytes = (await Promise.all(scripts.map((script) => script.bytes))).reduce((sum, size) => sum + size, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(15 * 1024);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    // Focus a link, open with Ctrl+K: the dialog is modal, named, and its field has focus.
    const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first();
    await crumb.focus();
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search this edition' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open && element.matches(':modal'))).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    expect(scripts.some((script) => script.url.includes('pagefind'))).toBe(true);

    // Type; results carry their type label; ↓ walks into them; Esc closes and focus returns.
    const word = await page
      .locator('main h1')
      .textContent()
      .then((title) => title!.split(/\s+/).find((candidate) => /^[a-z]{4,}$/i.test(candidate))!);
    await page.keyboard.type(word);
    await page.waitForFunction((typed) => {
      const element = document.querySelector<HTMLElement>('dialog.search-dialog');
      return element?.dataset.state === 'ready' && element.querySelector('input')?.value === typed;
    }, word);
    const results = dialog.locator('.search-result');
    expect(await results.count()).toBeGreaterThan(0);
    expect(await results.first().locator('.search-result__kind').textContent()).toMatch(/\S/);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.className);
    expect(focused).toBe('search-result__link');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(await crumb.evaluate((element) => element === document.activeElement)).toBe(true);

    // "/" opens it again, the query kept; Enter goes to the search page with the query.
    await page.keyboard.press('/');
    await dialog.waitFor();
    await expect(dialog.getByRole('searchbox').inputValue()).resolves.toBe(word);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.searchParams.get('q') === word);
    await context.close();
  });

  it('does not open the dialog when "/" is typed into a field, and on the search page moves to its field', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.server.url}search/`);
    await page.locator('[data-search][data-state="ready"]').waitFor();
    await page.locator('main a').first().focus();
    await page.keyboard.press('Control+K');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('a/b');
    await expect(page.locator('#search-input').inputValue()).resolves.toBe('a/b');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await page.close();
  });
});
