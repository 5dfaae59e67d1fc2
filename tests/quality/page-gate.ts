/**
 * Browser checks every built study must pass on every page, whatever its data: at 360 px
 * nothing sticks out sideways, no page logs an error, fails a request or breaks the
 * Content-Security-Policy, and the search page finds what it should. The hostile fixture
 * applies them with its own injection checks (hostile.test.ts); other studies through
 * `pageGate`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { cspViolations, watchCsp } from '../helpers/csp.ts';
import { searchGateProblems } from './search-gate.ts';
import { readablePages } from './site.ts';

/** What a page did while it loaded: dialogs it opened, errors it logged or threw. */
export interface Incidents {
  dialogs: string[];
  errors: string[];
}

export function watch(page: Page): Incidents {
  const incidents: Incidents = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    // The browser's own request for /favicon.ico is not the page's doing (static.test.ts checks every page declares an icon).
    if (new URL(message.location().url || page.url()).pathname === '/favicon.ico') return;
    if (message.type() === 'error' || message.text().includes('pwned')) incidents.errors.push(`console.${message.type()}: ${message.text()} (${message.location().url || page.url()})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) incidents.errors.push(`HTTP ${response.status()} for ${response.url()} (from ${page.url()})`);
  });
  page.on('pageerror', (error) => incidents.errors.push(`uncaught: ${error.message}`));
  return incidents;
}

/** The outermost elements that stick out past the right edge of the viewport, as CSS-ish selectors. */
export function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((name) => `.${name}`).join('')}`;
  const scrolls = (element: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
  const inScroller = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) if (scrolls(parent)) return true;
    return false;
  };
  const out = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5 && !inScroller(element));
  return out.filter((element) => !out.includes(element.parentElement!)).slice(0, 4).map((element) => `${describe(element.parentElement!)} > ${describe(element)}`);
}

/**
 * Every page of the site in `distDir` at 360 px: no sideways overflow, no error, failed
 * request or CSP violation; and `/search/` answers each of `queries` with results.
 */
export function pageGate(name: string, distDir: string, queries: readonly string[]): void {
  describe(`every page of ${name} in a browser`, () => {
    const site = useBuiltSite(distDir);
    const pages = readablePages(distDir);

    it('fits a 360 px wide screen, logs no error and breaks no Content-Security-Policy', async () => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
      await watchCsp(context);
      const page = await context.newPage();
      const incidents = watch(page);
      const problems: string[] = [];
      try {
        for (const { route } of pages) {
          await page.goto(new URL(route.slice(1), site.server.url).href, { waitUntil: 'load' });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 360) problems.push(`${route}: ${width} px wide; sticking out: ${(await page.evaluate(overflowing)).join(', ')}`);
          problems.push(...(await cspViolations(page, route)));
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
      expect(incidents).toEqual({ dialogs: [], errors: [] });
    });

    it('finds results on /search/ and draws every filter without a problem', async () => {
      const context = await site.browser.newContext();
      try {
        expect(await searchGateProblems(context, site.server.url, queries)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
