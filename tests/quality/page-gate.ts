/**
 * Browser checks every built study must pass, whatever its data: the search page finds
 * what it should and draws every filter without a problem (`pageGate`; the hostile fixture
 * applies it with its own queries and injection checks in hostile.test.ts). Also the
 * watchers the every-page sweep of axe-gate.ts uses: what a page logged, failed or opened
 * (`watch`) and what sticks out sideways (`overflowing`).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { searchGateProblems } from './search-gate.ts';

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
  return out
    .filter((element) => !out.includes(element.parentElement!))
    .slice(0, 4)
    .map((element) => `${describe(element.parentElement!)} > ${describe(element)}`);
}

/**
 * `/search/` of the site in `distDir` answers each of `queries` with results and draws
 * every filter value without a problem. (Every page at 360 px, its errors and its
 * Content-Security-Policy: axe-gate.ts.)
 */
export function pageGate(name: string, distDir: string, queries: readonly string[]): void {
  describe(`the search page of ${name}`, () => {
    const site = useBuiltSite(distDir);
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
