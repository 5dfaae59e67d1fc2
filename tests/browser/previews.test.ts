/**
 * Link previews for the edition's own cross-references (excerpt, theme, unit links) in
 * Chromium: shown on keyboard focus and hover with and without JavaScript, inside a phone's
 * viewport, hidden by Escape without moving focus, and built from the study's records.
 * Citations and glossary terms in a chapter are sidenotes on a wide screen: the full
 * reference or definition in the margin beside its line, never over the text, another
 * note or the page's contents; on a phone they stay previews.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';

const site = useBuiltSite();
let study: Study;

beforeAll(async () => {
  study = (await loadStudy(join(repoRoot, 'content'))).study!;
});

async function open(path: string, width: number, javaScript: boolean): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`);
  return page;
}

const cases = [
  {
    kind: 'excerpt',
    path: 'teaching/scope-of-practice/',
    link: 'a.excerpt-link',
    expected: () => {
      const excerpt = study.excerptIndex.get('letting-go')!;
      const first = excerpt.lines[0]!;
      return { href: '/excerpts/letting-go/', text: [excerpt.title, first.text] };
    },
  },
  {
    kind: 'theme',
    path: 'chapters/results/',
    link: 'a.theme-link',
    expected: () => {
      const info = study.codeIndex.get('1.0')!;
      return { href: `/themes/${info.slug}/`, text: [`${info.code} ${info.name}`, info.description!] };
    },
  },
  {
    kind: 'unit',
    path: 'chapters/results/',
    link: 'a.unit-link',
    expected: () => {
      const session = study.sessionIndex.get(1)!;
      return { href: '/sessions/1/', text: [session.title, `${study.excerptsBySession.get(1)!.length} excerpt`] };
    },
  },
] as const;

describe('previews of internal cross-references', () => {
  for (const { kind, path, link, expected } of cases) {
    for (const javaScript of [true, false]) {
      for (const width of [360, 1280]) {
        it(`a ${kind} link shows its preview on focus and hover at ${width} px ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
          const page = await open(path, width, javaScript);
          const anchor = page.locator(link).first();
          const { href, text } = expected();
          await expect(anchor.getAttribute('href')).resolves.toBe(href);
          const tip = page.locator(`[id="${await anchor.getAttribute('aria-describedby')}"]`);
          await expect(tip.getAttribute('role')).resolves.toBe('tooltip');
          await expect(tip.isVisible()).resolves.toBe(false);
          await anchor.focus();
          await expect(tip.isVisible()).resolves.toBe(true);
          const shown = (await tip.textContent())!;
          for (const part of text) expect(shown).toContain(part);
          const box = (await tip.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
          await anchor.blur();
          await expect(tip.isVisible()).resolves.toBe(false);
          await anchor.hover();
          await expect(tip.isVisible()).resolves.toBe(true);
          await tip.hover();
          await expect(tip.isVisible()).resolves.toBe(true);
          await page.context().close();
        });
      }
    }

    it(`Escape hides a ${kind} preview and leaves focus on the link`, async () => {
      const page = await open(path, 1280, true);
      const anchor = page.locator(link).first();
      await anchor.focus();
      const tip = page.locator(`[id="${await anchor.getAttribute('aria-describedby')}"]`);
      await expect(tip.isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(tip.isVisible()).resolves.toBe(false);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(expected().href);
      await page.context().close();
    });
  }
});

describe('sidenotes for citations and terms in a chapter', () => {
  for (const width of [1280, 1600]) {
    it(`stand in the margin beside their line at ${width} px, clear of the text, each other and the contents`, async () => {
      const page = await open('chapters/introduction/', width, true);
      const found = await page.evaluate(() => {
        const box = (element: Element) => element.getBoundingClientRect();
        const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        const notes = [...document.querySelectorAll('.chapter .preview__tip--cite, .chapter .preview__tip--term')];
        const paragraphs = [...document.querySelectorAll('.chapter p')].map(box);
        const contents = document.querySelector('.page-contents--margin');
        const problems: string[] = [];
        notes.forEach((note, index) => {
          const rect = box(note);
          if (rect.width === 0 || getComputedStyle(note).display === 'none') problems.push(`note ${index} is not shown`);
          const line = box(note.parentElement!.querySelector('a')!);
          if (Math.abs(rect.top - line.top) > 4 * 16 && !notes.slice(0, index).some((other) => Math.abs(box(other).bottom - rect.top) < 24))
            problems.push(`note ${index} is ${Math.round(rect.top - line.top)} px from its line`);
          const paragraph = note.closest('p');
          if (paragraph && rect.left < box(paragraph).right) problems.push(`note ${index} is over its paragraph`);
          if (paragraphs.some((other) => overlap(rect, other) && rect.left < other.right - 1)) problems.push(`note ${index} overlaps text`);
          if (contents && getComputedStyle(contents).display !== 'none' && rect.right > box(contents).left) problems.push(`note ${index} reaches the contents`);
          if (rect.right > document.documentElement.clientWidth) problems.push(`note ${index} runs off the screen`);
          notes.slice(0, index).forEach((other, earlier) => {
            if (overlap(rect, box(other))) problems.push(`notes ${earlier} and ${index} overlap`);
          });
        });
        return { count: notes.length, problems };
      });
      expect(found.count).toBeGreaterThan(0);
      expect(found.problems).toEqual([]);
      await page.context().close();
    });
  }

  it('stay previews on a phone: hidden until the link is focused', async () => {
    const page = await open('chapters/introduction/', 360, true);
    const link = page.locator('.chapter .preview:has(.preview__tip--cite) > a').first();
    const tip = page.locator('.chapter .preview__tip--cite').first();
    await expect(tip.isVisible()).resolves.toBe(false);
    await link.focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
