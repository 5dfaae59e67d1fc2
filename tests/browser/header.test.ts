/**
 * The site header on a phone: at most one short row (it took 240 px of a 740 px screen),
 * the sections folded into a menu that opens without JavaScript; on a desktop the
 * sections show without opening anything.
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
});
