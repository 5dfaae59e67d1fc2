/**
 * The teaching pages in Chromium: glossary popovers on hover and keyboard focus without
 * JavaScript, excerpt-first vignettes with and without JavaScript, transcripts that never
 * overflow on a phone or on paper, and the course pack as a PDF on A4 and Letter
 * (axe runs on these pages, disclosures open, in the every-page gate).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { teachingPaths } from './built-pages.ts';

const site = useBuiltSite();

async function open(path: string, options: { width?: number; javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`);
  return page;
}

const close = (page: Page) => page.context().close();

describe('glossary terms', () => {
  for (const javaScript of [true, false]) {
    it(`show their definition on keyboard focus and on hover at 360 px, ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const page = await open('teaching/vignette-rupture/', { width: 360, javaScript });
      const term = page.locator('a.term').first();
      const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
      await expect(tip.isVisible()).resolves.toBe(false);
      await term.focus();
      await expect(tip.isVisible()).resolves.toBe(true);
      await expect(tip.textContent()).resolves.toMatch(/^Jefferson notation: .{40,}/);
      const box = (await tip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await term.blur();
      await expect(tip.isVisible()).resolves.toBe(false);
      await term.hover();
      await expect(tip.isVisible()).resolves.toBe(true);
      // The pointer can move from the word onto the definition without losing it.
      await tip.hover();
      await expect(tip.isVisible()).resolves.toBe(true);
      await close(page);
    });
  }

  it('hides an open definition on Escape (with JavaScript)', async () => {
    const page = await open('teaching/vignette-rupture/');
    const term = page.locator('a.term').first();
    await term.focus();
    const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await close(page);
  });
});

describe('excerpt first, analysis later', () => {
  it('without JavaScript: analysis in a closed disclosure that opens, and no dead buttons', async () => {
    const page = await open('teaching/vignette-rupture/', { javaScript: false });
    const analysis = page.locator('details.analysis');
    await expect(analysis.locator('.interpretation').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('button:visible').count()).resolves.toBe(0);
    await analysis.locator('summary').click();
    await expect(analysis.locator('.interpretation').first().isVisible()).resolves.toBe(true);
    await close(page);
  });

  it('with JavaScript: one toggle shows and hides all analysis, and a print button appears', async () => {
    const page = await open('teaching/vignette-rupture/');
    const toggle = page.getByRole('button', { name: 'Show all analysis' });
    await expect(page.getByRole('button', { name: 'Print this page' }).isVisible()).resolves.toBe(true);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('details.analysis:not([open])').count()).resolves.toBe(0);
    await toggle.click();
    await expect(page.locator('details.analysis[open]').count()).resolves.toBe(0);
    await close(page);
  });
});

/** Transcript boxes and lines whose content is wider than the box (clipped or scrolling). */
function overflowingTranscripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.transcript, .transcript *, .ca-transcript, .ca-transcript *')]
      // Screen-reader-only text is a 1 px clipped box by design; it is not a visible line.
      .filter((element) => element.clientWidth > 1 && element.scrollWidth > element.clientWidth)
      // On a screen a Jefferson transcript's lines never wrap (wrapping would break the alignment of
      // overlaps): the figure scrolls sideways inside itself, which is not clipping (tests/browser/transcripts.test.ts).
      // Whatever overflows inside such a figure is reached by scrolling it, so it is not clipped either.
      .filter((element) => {
        const figure = element.closest('.ca-transcript--transcript');
        return !(figure && getComputedStyle(figure).overflowX === 'auto' && matchMedia('screen').matches);
      })
      .map((element) => `${element.className}: ${element.textContent?.slice(0, 40)}`),
  );
}

describe('transcripts wrap or scroll instead of being clipped', () => {
  it('on a 360 px screen (Jefferson transcripts scroll inside their figure) and in print, in every vignette and the course pack', async () => {
    // Each page is loaded once at 360 px, then widened to the paper's text width and printed:
    // the loads, not the checks, are what this test spends its time on.
    const page = await open('', { width: 360 });
    try {
      for (const path of teachingPaths().filter((candidate) => /vignette|course-pack/.test(candidate))) {
        await page.setViewportSize({ width: 360, height: 800 });
        await page.emulateMedia({ media: 'screen' });
        await page.goto(`${site.server.url}${path}`);
        await expect(page.locator('.transcript, .ca-transcript').count(), path).resolves.toBeGreaterThan(0);
        expect(await overflowingTranscripts(page), `${path} at 360 px`).toEqual([]);
        // 170 mm of A4 text width at 96 dpi, the narrower of A4 and Letter.
        await page.setViewportSize({ width: 642, height: 800 });
        await page.emulateMedia({ media: 'print' });
        expect(await overflowingTranscripts(page), `${path} in print`).toEqual([]);
      }
    } finally {
      await close(page);
    }
  });
});

describe('the course pack in print', () => {
  it('starts each vignette, the questions and the glossary on a new page', async () => {
    const page = await open('teaching/course-pack/');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() => [...document.querySelectorAll('.pack-section')].map((section) => `${section.id || 'intro'}:${getComputedStyle(section).breakBefore}`));
    expect(breaks[0]).toBe('intro:auto');
    expect(breaks.slice(1).every((entry) => entry.endsWith(':page'))).toBe(true);
    expect(breaks.length).toBeGreaterThanOrEqual(9);
    await close(page);
  });

  it('prints on A4 and Letter within the expected number of pages, with the citation footer', async () => {
    const page = await open('teaching/course-pack/');
    const counts: Record<string, number> = {};
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      counts[format] = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    }
    // Six vignettes of about four pages each with their facilitator notes open (the transcripts never
    // split), the questions with their notes (about twenty pages) and the glossary (about five): 55 on A4 when written,
    // about 40 since the key to the symbols is printed once for the pack instead of under every transcript.
    expect(counts.A4).toBeGreaterThanOrEqual(35);
    expect(counts.A4).toBeLessThanOrEqual(70);
    expect(counts.Letter).toBeGreaterThanOrEqual(counts.A4!);
    expect(counts.Letter).toBeLessThanOrEqual(85);
    await page.emulateMedia({ media: 'print' });
    const footer = page.locator('.handout-footer');
    await expect(footer.isVisible()).resolves.toBe(true);
    await expect(footer.textContent()).resolves.toMatch(
      /Clark, T\. \(2019\)\. The Psychotherapeutic Relationship in Massage Therapy\. International Journal of Therapeutic Massage and Bodywork, 12\(3\)\..*teaching\/course-pack\//s,
    );
    await close(page);
  });
});
