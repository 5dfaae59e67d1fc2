/**
 * Link previews for the edition's own cross-references (excerpt, theme, unit links) in
 * Chromium: shown on keyboard focus and hover with and without JavaScript, inside a phone's
 * viewport, hidden by Escape without moving focus, and built from the study's records.
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
  { kind: 'excerpt', path: 'teaching/scope-of-practice/', link: 'a.excerpt-link', expected: () => {
    const excerpt = study.excerptIndex.get('letting-go')!;
    const first = excerpt.lines[0]!;
    return { href: '/excerpts/letting-go/', text: [excerpt.title, first.text] };
  } },
  { kind: 'theme', path: 'chapters/results/', link: 'a.theme-link', expected: () => {
    const info = study.codeIndex.get('1.0')!;
    return { href: `/themes/${info.slug}/`, text: [`${info.code} ${info.name}`, info.description!] };
  } },
  { kind: 'unit', path: 'chapters/results/', link: 'a.unit-link', expected: () => {
    const session = study.sessionIndex.get(1)!;
    return { href: '/sessions/1/', text: [session.title, `${study.excerptsBySession.get(1)!.length} excerpt`] };
  } },
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
