/**
 * axe-core over every built page of the bundled study in light and dark mode: zero WCAG
 * 2.2 AA violations. Each mode sets both the reader's system preference (`colorScheme`)
 * and the site's own choice (`data-theme`, through the stored toggle), and a second test
 * proves the two routes to each mode give every element the same colours, so checking
 * one route covers both. One browser, one context per mode, pages in sequence.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { axeViolations } from './axe.ts';
import { readablePages, styleSignature } from './site.ts';

type Mode = 'light' | 'dark';

const builds = { 'the bundled study': inject('distDir'), 'the hostile fixture study': inject('hostileDistDir') };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A context in which every page opens in `mode`, by system preference and, unless `systemOnly`, by the stored toggle too. */
async function contextFor(mode: Mode, stored: Mode | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: mode, reducedMotion: 'reduce' });
  if (stored) await context.addInitScript((theme) => localStorage.setItem('casebook-theme', theme), stored);
  return context;
}

for (const [name, distDir] of Object.entries(builds)) {
  describe(`every page of ${name}`, () => {
    let server: StaticServer;
    const pages = readablePages(distDir);

    beforeAll(async () => {
      server = await serveStatic(distDir);
    });

    afterAll(async () => {
      await server?.close();
    });

    for (const mode of ['light', 'dark'] as const) {
      it(`has no WCAG 2.2 AA violation in ${mode} mode`, async () => {
        const context = await contextFor(mode, mode);
        const page = await context.newPage();
        const violations: string[] = [];
        try {
          for (const { route } of pages) {
            await page.goto(new URL(route.slice(1), server.url).href);
            expect(await page.evaluate(() => document.documentElement.dataset.theme), `data-theme on ${route}`).toBe(mode);
            violations.push(...(await axeViolations(page, `${route} [${mode}]`).catch((error: Error) => [`${route} [${mode}]: axe could not run: ${error.message}`])));
          }
        } finally {
          await context.close();
        }
        expect(violations).toEqual([]);
      }, 600_000);
    }
  });
}

describe('the two routes to each colour mode', () => {
  let server: StaticServer;
  const distDir = inject('distDir');
  // One page per distinct set of stylesheets: pages that load the same CSS resolve colours alike.
  const samples = [...new Map(readablePages(distDir).map((page) => [styleSignature(page.file), page])).values()];

  beforeAll(async () => {
    server = await serveStatic(distDir);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** `selector  colour background border outline fill stroke` for every element of the page. */
  async function colours(system: Mode, stored: Mode | undefined, route: string): Promise<string[]> {
    const context = await contextFor(system, stored);
    const page = await context.newPage();
    await page.goto(new URL(route.slice(1), server.url).href);
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
        const differing = byToggle.filter((line, index) => line !== bySystem[index]);
        differences.push(...differing.slice(0, 3).map((line, index) => `${route}: by toggle ${line}; by system ${bySystem[byToggle.indexOf(differing[index]!)]?.split('  ')[1]}`));
      }
      expect(differences).toEqual([]);
    }, 120_000);
  }
});
