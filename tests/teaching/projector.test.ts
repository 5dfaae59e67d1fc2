/**
 * The projector view in Chromium at 1920×1080, the size of a classroom projector: one
 * excerpt per screen in type readable from the back of the room (transcript text at least
 * 28 px) that fits without scrolling, lines revealed from the keyboard, the analysis on
 * demand, a timer per lesson-plan activity, nothing fetched from another host, and a
 * readable page without JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { projectorPaths, teachingSources } from './built-pages.ts';

const site = useBuiltSite();
const vignettes = teachingSources().filter((source) => source.kind === 'vignette' && source.excerpts.length > 0);

async function open(path: string, options: { javaScript?: boolean; clock?: boolean } = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  if (options.clock) await page.clock.install();
  await page.goto(`${site.server.url}${path}`);
  return page;
}

const close = (page: Page) => page.context().close();

/** What is on screen now: the shown slide, its visible lines, type size and whether anything scrolls. */
function screen(page: Page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('[data-slide]')].filter((slide) => !slide.hidden && slide.getClientRects().length > 0);
    const slide = shown[0];
    // checkVisibility also sees the closed content of a <details>, which keeps its boxes.
    const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
    const lines = slide ? [...slide.querySelectorAll('.ca-line')] : [];
    const talk = slide?.querySelector('.ca-talk');
    const analysis = slide?.querySelector('.projector__analysis');
    return {
      slides: shown.length,
      title: slide?.dataset.title,
      transcripts: slide ? [...slide.querySelectorAll('.ca-transcript')].filter(visible).length : 0,
      lines: lines.length,
      linesShown: lines.filter(visible).length,
      firstNumber: slide?.querySelector('.ca-n')?.textContent,
      talkPx: talk ? Number.parseFloat(getComputedStyle(talk).fontSize) : 0,
      slideScrolls: slide ? slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth : true,
      pageScrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      analysisShown: analysis ? [...analysis.querySelectorAll('p')].some(visible) : false,
    };
  });
}

describe('the projector view at 1920×1080', () => {
  it.each(vignettes.map((vignette) => [vignette.id, vignette] as const))('%s: one excerpt per screen, transcript ≥ 28 px, nothing scrolls', async (id, vignette) => {
    const page = await open(`teaching/${id}/projector/`);
    for (const [index, excerpt] of vignette.excerpts.entries()) {
      if (index > 0) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('End');
      const now = await screen(page);
      expect(now.slides, excerpt).toBe(1);
      expect(now.title, excerpt).toBe(await page.locator(`#slide-${excerpt}`).textContent());
      expect(now.transcripts, excerpt).toBe(1);
      expect(now.linesShown, excerpt).toBe(now.lines);
      expect(now.talkPx, excerpt).toBeGreaterThanOrEqual(28);
      expect(now.slideScrolls, excerpt).toBe(false);
      expect(now.pageScrolls, excerpt).toBe(false);
    }
    await close(page);
  });

  it('reveals line by line from the keyboard, shows the analysis on demand and leaves on Escape', async () => {
    const page = await open('teaching/vignette-rupture/projector/');
    let now = await screen(page);
    expect(now).toMatchObject({ slides: 1, title: 'back to puppy preschool', linesShown: 0, firstNumber: '1' });
    await page.keyboard.press('ArrowRight');
    expect((await screen(page)).linesShown).toBe(1);
    await page.keyboard.press('Space');
    expect((await screen(page)).linesShown).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect((await screen(page)).linesShown).toBe(1);
    await page.keyboard.press('End');
    now = await screen(page);
    expect(now.linesShown).toBe(now.lines);
    // Past the last line, the next excerpt, its numbering carrying on from the first.
    await page.keyboard.press('ArrowRight');
    now = await screen(page);
    expect(now).toMatchObject({ title: 'watch this space', linesShown: 0, firstNumber: '6' });
    await page.keyboard.press('ArrowLeft');
    now = await screen(page);
    expect(now.title).toBe('back to puppy preschool');
    expect(now.linesShown).toBe(now.lines);

    expect(now.analysisShown).toBe(false);
    await page.keyboard.press('a');
    now = await screen(page);
    expect(now.analysisShown).toBe(true);
    expect(now.transcripts).toBe(0);
    expect(now.talkPx === 0 || now.slideScrolls === false).toBe(true);
    await expect(page.getByRole('button', { name: 'Analysis' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    now = await screen(page);
    expect(now.analysisShown).toBe(false);
    expect(now.transcripts).toBe(1);
    await Promise.all([page.waitForURL(/\/teaching\/vignette-rupture\/$/), page.keyboard.press('Escape')]);
    await close(page);
  });

  it('ends a vignette with its questions, revealed one by one', async () => {
    const page = await open('teaching/vignette-rupture/projector/');
    for (let step = 0; step < 20 && (await screen(page)).title !== 'Questions'; step++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-slide]:not([hidden]) li').count()).resolves.toBe(5);
    const hidden = await page.evaluate(() => [...document.querySelectorAll('[data-slide]:not([hidden]) li')].filter((item) => getComputedStyle(item).visibility === 'hidden').length);
    expect(hidden).toBe(5);
    await page.keyboard.press('ArrowRight');
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('[data-slide]:not([hidden]) li')].filter((item) => getComputedStyle(item).visibility === 'visible').map((item) => item.textContent),
    );
    expect(shown).toEqual(['At which line does the therapist’s reaction stop following the client and start leading her?']);
    await close(page);
  });

  it('times each lesson-plan activity: the timer starts from the activity’s minutes and counts down', async () => {
    const page = await open('teaching/lesson-50-minutes/projector/', { clock: true });
    const clock = page.locator('[data-timer-clock]');
    await expect(clock.textContent()).resolves.toBe('5:00');
    await page.keyboard.press('t');
    await page.clock.runFor(61_000);
    await expect(clock.textContent()).resolves.toBe('3:59');
    await page.keyboard.press('t');
    await page.clock.runFor(30_000);
    await expect(clock.textContent()).resolves.toBe('3:59');
    // The next activity ("Safe subjects, excerpt first", 10 minutes) starts its own time.
    await page.keyboard.press('ArrowRight');
    expect((await screen(page)).title).toBe('Safe subjects, excerpt first');
    await expect(clock.textContent()).resolves.toBe('10:00');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.clock.runFor(10 * 60_000 + 5_000);
    await expect(clock.textContent()).resolves.toBe('+0:05');
    await close(page);
  });

  it('loads nothing from another host, so it works offline from the built site', async () => {
    for (const path of projectorPaths()) {
      const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(site.server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
      expect(foreign, path).toEqual([]);
      await expect(page.locator('[data-projector-bar]').isVisible(), path).resolves.toBe(true);
      await context.close();
    }
  });

  it('without JavaScript is a readable page: every excerpt and its lines shown, analysis in a disclosure, no dead buttons', async () => {
    const page = await open('teaching/vignette-rupture/projector/', { javaScript: false });
    const slides = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-slide]')].map((slide) => slide.getClientRects().length > 0));
    expect(slides).toEqual([true, true, true]);
    const hiddenLines = await page.evaluate(() => [...document.querySelectorAll('.ca-line')].filter((line) => getComputedStyle(line).visibility !== 'visible').length);
    expect(hiddenLines).toBe(0);
    await expect(page.locator('button:visible').count()).resolves.toBe(0);
    const analysis = page.locator('details.projector__analysis').first();
    await expect(analysis.locator('p').first().isVisible()).resolves.toBe(false);
    await analysis.locator('summary').click();
    await expect(analysis.locator('p').first().isVisible()).resolves.toBe(true);
    await close(page);
  });
});
