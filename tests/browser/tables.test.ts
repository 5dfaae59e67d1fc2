/**
 * Tables never split a word or a number across lines ("Ti/m/e", "12:0/3"): a table wider
 * than its room scrolls sideways inside its own labelled, keyboard-focusable region
 * instead, with its first column kept in view. Measured in Chromium on every built page
 * that has a table, on a desktop and on a phone screen, with every disclosure open so
 * the charts' data tables are laid out too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { readablePages } from '../quality/site.ts';

const site = useBuiltSite();
const pages = readablePages(inject('distDir')).filter((page) => readFileSync(page.file, 'utf8').includes('<table'));

interface Split {
  word: string;
  cell: string;
}

/**
 * Every word in a table cell that the browser laid out on more than one line: a Range
 * over the word yields one box per line it occupies. A word is a run without spaces, cut
 * after the hyphen or dash of a compound ("Pre-", "treatment"), where typesetting has
 * always allowed a line to end; nowhere else, so a number or a range of numbers
 * ("0:00–0:15") is one word.
 */
function splitWords(page: Page): Promise<Split[]> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const found: { word: string; cell: string }[] = [];
    for (const cell of document.querySelectorAll('main th, main td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/(?:[^\s\-‐–—]|(?<!\p{L})[-‐–—])+(?:(?<=\p{L})[-‐–—])?|[-‐–—]/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
          if (lines.size > 1) found.push({ word: match[0], cell: (cell.textContent ?? '').trim().slice(0, 60) });
        }
      }
    }
    return found;
  });
}

describe('table cells keep their words whole', () => {
  it('finds the pages with tables', () => {
    // The bundled study has tables on its overview, codebook, session, appendix and teaching pages.
    expect(pages.map((page) => page.route)).toEqual(expect.arrayContaining(['/codebook/', '/teaching/workshop-3-hours/', '/appendices/session-breakdowns/']));
  });

  for (const width of [1280, 360]) {
    it(`at ${width} px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const broken: Record<string, Split[]> = {};
      for (const built of pages) {
        await page.goto(`${site.server.url}${built.route.slice(1)}`);
        const split = await splitWords(page);
        if (split.length > 0) broken[built.route] = split;
      }
      await context.close();
      expect(broken).toEqual({});
    });
  }
});

describe('a table wider than the screen', () => {
  it('scrolls inside a named, focusable region with its first column in view', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}teaching/workshop-3-hours/`);
    const region = page
      .locator('main .table-scroll')
      .filter({ has: page.locator('table') })
      .first();
    const facts = await region.evaluate((element) => ({
      tabIndex: element.tabIndex,
      name: element.getAttribute('aria-label') ?? document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      role: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      scrolls: element.scrollWidth > element.clientWidth,
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    expect(facts).toMatchObject({ tabIndex: 0, scrolls: true, pageScrolls: false });
    expect(facts.name.trim()).not.toBe('');
    expect(['region', 'section']).toContain(facts.role);

    // Scrolled sideways with the keyboard, the first column stays where it was.
    const firstCell = region.locator('tr').nth(1).locator('th, td').first();
    const before = await firstCell.boundingBox();
    await region.focus();
    for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const after = await firstCell.boundingBox();
    expect(after?.x).toBe(before?.x);
    await context.close();
  });
});
