/**
 * A reader's path through the site in Chromium: overview → theme → subtheme → excerpt
 * permalink and back, by links alone; and the same with the keyboard on a phone-sized
 * screen without JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { bundledStudy } from './templates.ts';

const site = useBuiltSite();
const study = await bundledStudy();
const theme = study.codes.find((info) => info.kind === 'theme' && !info.leaf)!;
const subtheme = study.codes.find((info) => info.kind === 'subtheme' && info.theme.code === theme.code && (study.excerptsByCode.get(info.code)?.length ?? 0) > 0)!;
const excerpt = study.excerptsByCode.get(subtheme.code)![0]!;

const h1 = (page: Page) => page.locator('h1').innerText();

describe('from the overview to an excerpt', () => {
  it('follows theme, subtheme and excerpt links, then comes back', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    await page.locator(`main a[href$="/themes/${theme.slug}/"]`).first().click();
    await expect(h1(page)).resolves.toBe(`${theme.code} ${theme.name}`);

    await page.locator('#subthemes').locator('..').getByRole('link', { name: subtheme.name }).click();
    await expect(h1(page)).resolves.toBe(`${subtheme.code} ${subtheme.name}`);
    // The compact codebook tree marks where the reader is, and holds only this theme's subthemes.
    await expect(page.locator('.codebook-nav [aria-current="page"]').innerText()).resolves.toContain(subtheme.name);

    await page.getByRole('heading', { name: excerpt.title }).getByRole('link').click();
    await expect(h1(page)).resolves.toBe(excerpt.title);
    await expect(
      page
        .getByRole('link', { name: `${subtheme.code} ${subtheme.name}` })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await page.goBack();
    await expect(h1(page)).resolves.toBe(`${subtheme.code} ${subtheme.name}`);
    await page.goBack();
    await expect(h1(page)).resolves.toBe(`${theme.code} ${theme.name}`);
    await page.close();
  });

  it('walks the codebook in process order with previous/next', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}themes/${theme.slug}/`);
    const visited = [await h1(page)];
    for (;;) {
      const next = page.getByRole('navigation', { name: 'Codebook order' }).locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
      visited.push(await h1(page));
    }
    const from = study.codes.indexOf(theme);
    expect(visited).toEqual(study.codes.slice(from).map((info) => `${info.code} ${info.name}`));
    await page.close();
  });

  it('reaches an excerpt with the keyboard alone, without JavaScript, on a phone', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}themes/${subtheme.theme.slug}/${subtheme.slug}/`);
    const target = `/excerpts/${excerpt.id}/`;
    let reached = false;
    for (let step = 0; step < 80 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((path) => document.activeElement?.getAttribute('href')?.endsWith(path) ?? false, target);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${target}`);
    await expect(h1(page)).resolves.toBe(excerpt.title);
    await context.close();
  });
});
