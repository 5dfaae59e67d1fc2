/**
 * The two routes to each colour mode (the reader's system preference, or the site's
 * toggle set against it) give every element the same colours, so the accessibility gate,
 * which checks one route, covers both. Each sampled page is loaded once and switched
 * between the four combinations in place.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contextFor, useSite, type Mode } from './axe-gate.ts';
import { readablePages, styleSignature } from './site.ts';

const distDir = inject('distDir');

describe('the two routes to each colour mode', () => {
  const site = useSite(distDir);
  // One page per distinct set of stylesheets: pages that load the same CSS resolve colours alike.
  const samples = [...new Map(readablePages(distDir).map((page) => [styleSignature(page.file), page])).values()];

  /** `index selector  colour background border outline fill stroke` for every element, with the system in `system` mode and the toggle at `chosen`. */
  async function colours(page: Page, system: Mode, chosen: Mode | undefined): Promise<string[]> {
    await page.emulateMedia({ colorScheme: system });
    return page.evaluate(
      (theme) =>
        new Promise<string[]>((settled) => {
          if (theme) document.documentElement.dataset.theme = theme;
          else delete document.documentElement.dataset.theme;
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              settled(
                [...document.querySelectorAll('*')].map((element, index) => {
                  const style = getComputedStyle(element);
                  const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
                  return `${index} ${name}  ${[style.color, style.backgroundColor, style.borderTopColor, style.outlineColor, style.fill, style.stroke].join(' ')}`;
                }),
              ),
            ),
          );
        }),
      chosen,
    );
  }

  it('colours every element the same in each mode whether the system or the toggle chose it', async () => {
    const context = await contextFor(site.browser(), 'light', undefined);
    const page = await context.newPage();
    const differences: string[] = [];
    try {
      for (const { route } of samples) {
        await page.goto(site.url(route));
        // The search page draws its form's results and filters once Pagefind has loaded; compare the finished page.
        await page.waitForFunction(() => document.querySelector('[data-search]:not([data-state="ready"])') === null || document.querySelector('[data-search-failed]:not([hidden])') !== null);
        for (const mode of ['light', 'dark'] as const) {
          const bySystem = await colours(page, mode, undefined);
          const byToggle = await colours(page, mode === 'light' ? 'dark' : 'light', mode);
          const differing = byToggle.map((line, index) => [line, bySystem[index]] as const).filter(([line, expected]) => line !== expected);
          differences.push(...differing.slice(0, 3).map(([line, expected]) => `${route} [${mode}]: by toggle ${line}; by system ${expected?.split('  ')[1]}`));
        }
      }
    } finally {
      await context.close();
    }
    expect(differences).toEqual([]);
  });
});
