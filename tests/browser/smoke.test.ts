import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';

const site = useBuiltSite();

describe('the built bundled study in Chromium', () => {
  it('opens the overview, whose first Tab stop is the skip link', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('The Psychotherapeutic Relationship in Massage Therapy');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.close();
  });

  it('remembers the dark-mode choice across pages', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await page.goto(`${site.server.url}codebook/`);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await context.close();
  });
});
