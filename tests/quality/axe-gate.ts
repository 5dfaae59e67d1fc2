/**
 * The every-page browser gate for one built site, shared by the test files that apply it
 * (one per build, so the builds are checked in parallel). One sweep loads each page once
 * and checks, in that page: axe-core in light and dark mode (each mode set by both the
 * reader's system preference, `colorScheme`, and the site's own choice, `data-theme`), no
 * Content-Security-Policy violation, no error logged, request failed or dialog opened,
 * and, with the viewport then narrowed to a 360 px phone, nothing sticking out sideways.
 * One browser, one context, pages in sequence.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { cspViolations, watchCsp } from '../helpers/csp.ts';
import { axeViolations } from './axe.ts';
import { overflowing, watch } from './page-gate.ts';
import { readablePages } from './site.ts';

export type Mode = 'light' | 'dark';

/** Playwright's default viewport, where axe checks each page, and the phone it must also fit. */
const desktop = { width: 1280, height: 720 };
const phone = { width: 360, height: 800 };

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
    // mode by both routes at once (system preference and data-theme) and checked again, then
    // narrowed to 360 px and measured: loading and injecting cost more than a check on these
    // machines. (A page is measured at 360 px after loading at 1280 px: what CSS lays out is
    // the same; a script that sized something only once, at load, would be seen at 1280 px.)
    it('has no WCAG 2.2 AA violation in light or dark mode, breaks no Content-Security-Policy, logs no error and fits a 360 px wide screen', async () => {
      const context = await contextFor(site.browser(), 'light', 'light');
      const page = await context.newPage();
      const incidents = watch(page);
      const violations: string[] = [];
      try {
        for (const { route } of pages) {
          await page.setViewportSize(desktop);
          await page.emulateMedia({ colorScheme: 'light' });
          await page.goto(site.url(route));
          expect(await page.evaluate(() => document.documentElement.dataset.theme), `data-theme on ${route}`).toBe('light');
          violations.push(...(await cspViolations(page, route)));
          // Closed disclosures (a teaching case's analysis, notes) are checked too.
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
          violations.push(...(await axeViolations(page, `${route} [light]`).catch((error: Error) => [`${route} [light]: axe could not run: ${error.message}`])));
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.evaluate(
            () =>
              new Promise((settled) => {
                document.documentElement.dataset.theme = 'dark';
                requestAnimationFrame(() => requestAnimationFrame(settled));
              }),
          );
          violations.push(...(await axeViolations(page, `${route} [dark]`, false).catch((error: Error) => [`${route} [dark]: axe could not run: ${error.message}`])));
          await page.setViewportSize(phone);
          await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > phone.width) violations.push(`${route}: ${width} px wide at ${phone.width} px; sticking out: ${(await page.evaluate(overflowing)).join(', ')}`);
        }
      } finally {
        await context.close();
      }
      expect(violations).toEqual([]);
      expect(incidents).toEqual({ dialogs: [], errors: [] });
    }, 3_600_000);
  });
}
