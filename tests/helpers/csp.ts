/**
 * Content-Security-Policy violations seen by the pages of a browser context. Every page
 * ships a policy (astro.config.mjs); a violation means the site itself tried to run or load
 * something its policy forbids — or something was injected.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every violation a page of `context` reports, from before its first script. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${event.sample ? ` (${event.sample})` : ''}`);
    });
  });
}

/** The violations the page reported so far, each prefixed with `label`. */
export async function cspViolations(page: Page, label: string): Promise<string[]> {
  const violations = await page.evaluate(() => window.__cspViolations ?? ['the CSP watcher did not run']);
  return violations.map((violation) => `${label}: CSP violation: ${violation}`);
}
