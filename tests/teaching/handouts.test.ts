/**
 * Student handouts in Chromium: every question of the vignette with ruled answer space
 * under it, line numbers that name one line across the vignette's excerpts, no analysis
 * and no facilitator notes, and, printed to PDF, the page count the answer space needs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { teachingSources } from './built-pages.ts';

const site = useBuiltSite();
const vignettes = teachingSources().filter((source) => source.kind === 'vignette');

async function open(path: string, width = 1280): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`);
  return page;
}

/** PDF pages in a file Chromium wrote: one `/Type /Page` object each. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

describe('student handouts', () => {
  it.each(vignettes.map((vignette) => [vignette.id] as const))('%s: each question with answer space, one run of line numbers, no analysis', async (id) => {
    const vignette = await open(`teaching/${id}/`);
    const questions = await vignette.locator('.teaching-questions__text').allTextContents();
    const vignetteNumbers = await vignette.locator('.ca-n').allTextContents();
    await vignette.context().close();

    const page = await open(`teaching/${id}/handout/`);
    expect(questions.length).toBeGreaterThan(0);
    await expect(page.locator('.handout-questions__text').allTextContents()).resolves.toEqual(questions);
    const spaces = await page.evaluate(() =>
      [...document.querySelectorAll('.handout-questions__item')].map((item) => item.querySelector(':scope > .answer-space')?.querySelectorAll('.answer-space__line').length ?? 0),
    );
    expect(spaces).toEqual(questions.map(() => 5));

    // Lines are numbered 1, 2, 3… across all the excerpts, as on the vignette's own page.
    const numbers = (await page.locator('.ca-n').allTextContents()).filter((text) => text !== '');
    expect(numbers).toEqual(numbers.map((_, index) => String(index + 1)));
    expect(numbers).toEqual(vignetteNumbers.filter((text) => text !== ''));

    await expect(page.locator('.analysis, .interpretation, .excerpt__interpretation, .facilitator-notes').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Print this handout' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('print with their answer space: at least 40 mm under each question, and the page count that makes', async () => {
    const counts: Record<string, number> = {};
    for (const { id } of vignettes) {
      const page = await open(`teaching/${id}/handout/`);
      await page.emulateMedia({ media: 'print' });
      // 40 mm at CSS's 96 px to the inch.
      const heights = await page.locator('.answer-space').evaluateAll((spaces) => spaces.map((space) => space.getBoundingClientRect().height));
      for (const height of heights) expect(height, id).toBeGreaterThanOrEqual((40 / 25.4) * 96);
      const visible = await page.locator('.answer-space').first().isVisible();
      expect(visible, id).toBe(true);
      const withSpace = pageCount(await page.pdf({ format: 'A4' }));
      // The same handout without its answer space (hidden through the CSSOM, which the page's CSP allows).
      await page.locator('.answer-space').evaluateAll((spaces) => spaces.forEach((space) => ((space as HTMLElement).style.display = 'none')));
      const withoutSpace = pageCount(await page.pdf({ format: 'A4' }));
      // Never fewer pages with the space (how many more depends on where excerpts, kept whole, break).
      expect(withSpace, id).toBeGreaterThanOrEqual(withoutSpace);
      counts[id] = withSpace;
      await page.context().close();
    }
    // Five questions with 45 mm of lines each need most of an A4 page on their own, after the
    // situation and the excerpts (which never split across pages): two to four pages.
    for (const [id, count] of Object.entries(counts)) {
      expect(count, id).toBeGreaterThanOrEqual(2);
      expect(count, id).toBeLessThanOrEqual(4);
    }
  });
});
