/**
 * The accessibility gate for one built site, shared by the test files that apply it (one
 * per build, so the builds are checked in parallel): axe-core on every page in light and
 * dark mode. Each mode sets both the reader's system preference (`colorScheme`) and the
 * site's own choice (`data-theme`). One browser, one context, pages in sequence.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { cspViolations, watchCsp } from '../helpers/csp.ts';
import { axeViolations } from './axe.ts';
import { readablePages } from './site.ts';

export type Mode = 'light' | 'dark';

/** A context whose pages open with the system preference `system` and, when given, the toggle's stored choice `stored`. */
export async function contextFor(browser: Browser, system: Mode, stored: Mode | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: system, reducedMotion: 'reduce' });
  if (stored) await context.addInitScript((theme) => localStorage.setItem('casebook-theme', theme), stored);
  await watchCsp(context);
  return context;
}

/** Serves `distDir` and launches Chromium for the enclosing file's tests. */
export function useSite(distDir: string): { browser(): Browser; url(route: string): string } {
  const site = useBuiltSite(distDir);
  return { browser: () => site.browser, url: (route) => new URL(route.slice(1), site.server.url).href };
}

export function axeGate(name: string, distDir: string): void {
  describe(`every page of ${name}`, () => {
    const site = useSite(distDir);
    const pages = readablePages(distDir);

    // Each page is loaded and given axe once, checked in light mode, then switched to dark
    // mode by both routes at once (system preference and data-theme) and checked again:
    // loading and injecting cost more than a check on these machines.
    it('has no WCAG 2.2 AA violation in light mode or in dark mode, and no Content-Security-Policy violation', async () => {
      const context = await contextFor(site.browser(), 'light', 'light');
      const page = await context.newPage();
      const violations: string[] = [];
      try {
        for (const { route } of pages) {
          await page.emulateMedia({ colorScheme: 'light' });
          await page.goto(site.url(route));
          expect(await page.evaluate(() => document.documentElement.dataset.theme), `data-theme on ${route}`).toBe('light');
          violations.push(...(await cspViolations(page, route)));
          // Closed disclosures (a teaching case's analysis, notes) are checked too.
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
          violations.push(...(await axeViolations(page, `${route} [light]`).catch((error: Error) => [`${route} [light]: axe could not run: ${error.message}`])));
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.evaluate(() => new Promise((settled) => {
            document.documentElement.dataset.theme = 'dark';
            requestAnimationFrame(() => requestAnimationFrame(settled));
          }));
          violations.push(...(await axeViolations(page, `${route} [dark]`, false).catch((error: Error) => [`${route} [dark]: axe could not run: ${error.message}`])));
        }
      } finally {
        await context.close();
      }
      expect(violations).toEqual([]);
    }, 3_600_000);
  });
}
