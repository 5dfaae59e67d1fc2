/**
 * The two routes to each colour mode (the reader's system preference, or the site's
 * toggle set against it) give every element the same colours, so the accessibility gate,
 * which checks one route, covers both.
 */
import { describe, expect, inject, it } from 'vitest';
import { contextFor, useSite, type Mode } from './axe-gate.ts';
import { readablePages, styleSignature } from './site.ts';

const distDir = inject('distDir');

describe('the two routes to each colour mode', () => {
  const site = useSite(distDir);
  // One page per distinct set of stylesheets: pages that load the same CSS resolve colours alike.
  const samples = [...new Map(readablePages(distDir).map((page) => [styleSignature(page.file), page])).values()];

  /** `index selector  colour background border outline fill stroke` for every element of the page. */
  async function colours(system: Mode, stored: Mode | undefined, route: string): Promise<string[]> {
    const context = await contextFor(site.browser(), system, stored);
    const page = await context.newPage();
    await page.goto(site.url(route));
    const result = await page.evaluate(() =>
      [...document.querySelectorAll('*')].map((element, index) => {
        const style = getComputedStyle(element);
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
        return `${index} ${name}  ${[style.color, style.backgroundColor, style.borderTopColor, style.outlineColor, style.fill, style.stroke].join(' ')}`;
      }),
    );
    await context.close();
    return result;
  }

  for (const mode of ['light', 'dark'] as const) {
    const other = mode === 'light' ? 'dark' : 'light';
    it(`colours every element the same in ${mode} mode whether the system or the toggle chose it`, async () => {
      const differences: string[] = [];
      for (const { route } of samples) {
        const bySystem = await colours(mode, undefined, route);
        const byToggle = await colours(other, mode, route);
        const differing = byToggle.map((line, index) => [line, bySystem[index]] as const).filter(([line, expected]) => line !== expected);
        differences.push(...differing.slice(0, 3).map(([line, expected]) => `${route}: by toggle ${line}; by system ${expected?.split('  ')[1]}`));
      }
      expect(differences).toEqual([]);
    }, 300_000);
  }
});
