/**
 * The charts' island: with the keyboard, a reader focuses a chart and steps through its
 * segments with the arrow keys, and each segment's details appear; Escape hides them.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';

const site = useBuiltSite();

describe('session phases chart in Chromium', () => {
  it('shows a segment’s details when it is reached from the keyboard, and hides them on Escape', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}sessions/1/`);
    const chart = page.locator('.cb-chart--phases svg').first();
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    const tip = page.locator('.cb-tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    const first = await tip.textContent();
    const marks = await chart.locator('[data-detail]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-detail')));
    expect(marks).toContain(first);
    await page.keyboard.press('ArrowRight');
    await expect(tip.textContent()).resolves.not.toBe(first);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('names session 1’s total in a segment detail, taken from the data', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}sessions/1/`);
    const details = await page.locator('.cb-chart--phases [data-detail]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-detail') ?? ''));
    expect(details.some((detail) => detail.includes('85:05'))).toBe(true);
    await page.close();
  });

  it('prints its data table even when the disclosure was never opened', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}sessions/1/`);
    const table = page.locator('.cb-chart--phases .cb-chart__data table');
    await expect(page.locator('.cb-chart--phases .cb-chart__data').getAttribute('open')).resolves.toBeNull();
    await expect(table.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect(table.isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('prints each table once, every chart within a page, and no address after the edition’s own links', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}sessions/1/`);
    await page.emulateMedia({ media: 'print' });
    // The step chart's data table repeats the unit's step table, which the page prints anyway.
    await expect(page.locator('.cb-chart--sequence .cb-chart__data table').isVisible()).resolves.toBe(false);
    await expect(page.locator('#sequence-table-caption').isVisible()).resolves.toBe(true);
    // An A4 page less its margins is about 1,000 CSS px tall; the step chart was 1,700.
    const heights = await page.locator('.cb-chart__svg > svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(height).toBeLessThanOrEqual(225 * (96 / 25.4) + 1);
    await page.goto(`${site.server.url}chapters/results/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.cb-chart--process .cb-chart__data').isVisible()).resolves.toBe(false);
    const printedAddresses = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main a[href]')]
          .map((link) => ({ href: link.getAttribute('href')!, after: getComputedStyle(link, '::after').content }))
          .filter((link) => link.after.includes(link.href))
          .map((link) => link.href),
      );
    const printed = await printedAddresses();
    // The reporting checklist cites its source by DOI: another site's address still prints.
    await page.goto(`${site.server.url}appendices/reporting-checklist/`);
    await page.emulateMedia({ media: 'print' });
    printed.push(...(await printedAddresses()));
    expect(printed.some((href) => href.startsWith('https://doi.org/'))).toBe(true);
    expect(printed.filter((href) => !href.startsWith('http'))).toEqual([]);
    await page.close();
  });
});
