/**
 * The search page under hostile data: filter labels, result titles and excerpts are study
 * strings drawn into the page by script, where no build-time escaping can help. The gate
 * searches for what returns the hostile records, then opens every filter and chooses each of
 * its values in turn, and after each step looks for any sign that a study string became
 * markup or script.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, watchCsp } from '../helpers/csp.ts';

/** Marks of injected markup or script in the live document. */
function injected(): string[] {
  const found: string[] = [];
  if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('an injected script ran (window.__pwned is set)');
  const elements = document.querySelectorAll('img[src="x"], [onerror], [onload], iframe[srcdoc], svg[onload], script:not([src]):not([type="application/ld+json"])');
  const inlineScripts = [...elements].filter((element) => element.tagName !== 'SCRIPT' || /pwned|alert\(/.test(element.textContent ?? ''));
  if (inlineScripts.length > 0)
    found.push(
      `${inlineScripts.length} injected element(s): ${inlineScripts
        .slice(0, 3)
        .map((element) => element.outerHTML.slice(0, 80))
        .join(' | ')}`,
    );
  return found;
}

/** A new page whose dialogs, uncaught errors and (with watchCsp) CSP violations become problems. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  await watchCsp(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems };
}

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-search][data-state="ready"], [data-search-failed]:not([hidden])');
}

/**
 * Everything wrong on the search page of the site at `siteUrl` across the searches
 * `queries`: dialogs, uncaught errors, CSP violations and injected elements, each a line.
 */
export async function searchGateProblems(context: BrowserContext, siteUrl: string, queries: readonly string[]): Promise<string[]> {
  const { page, problems } = await watchedPage(context);
  const check = async (step: string) => {
    problems.push(...(await page.evaluate(injected)).map((found) => `${step}: ${found}`));
    problems.push(...(await cspViolations(page, step)));
  };
  try {
    for (const query of queries) {
      const address = new URL(`search/?q=${encodeURIComponent(query)}`, siteUrl).href;
      await page.goto(address, { waitUntil: 'load' });
      await settled(page);
      if (await page.locator('[data-search-failed]:not([hidden])').count()) problems.push(`${address}: search could not be loaded`);
      // Results come a page at a time: draw them all, so every hostile title and excerpt is seen.
      const more = page.locator('.search-more');
      while (await more.isVisible()) {
        const drawn = await page.locator('.search-result').count();
        await more.click();
        await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, drawn);
      }
      const results = await page.locator('.search-result').count();
      if (results === 0) problems.push(`${address}: no results, so the gate saw no hostile record`);
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      await check(address);
    }
    await page.goto(new URL('search/', siteUrl).href, { waitUntil: 'load' });
    await settled(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const boxes = page.locator('[data-search] input[type="checkbox"]');
    const count = await boxes.count();
    if (count === 0) problems.push('the search page offers no filter values');
    for (let index = 0; index < count; index += 1) {
      const box = boxes.nth(index);
      await box.check();
      await settled(page);
      await check(`search filter ${await box.getAttribute('value')}`);
      await box.uncheck();
      await settled(page);
    }
  } finally {
    await page.close();
  }
  return problems;
}

/**
 * The header's search dialog on the page at `route` under the same watch: each query typed
 * into it, its results drawn, then checked for injected markup, script and CSP violations.
 */
export async function searchDialogProblems(context: BrowserContext, siteUrl: string, route: string, queries: readonly string[]): Promise<string[]> {
  const { page, problems } = await watchedPage(context);
  try {
    await page.goto(new URL(route, siteUrl).href, { waitUntil: 'load' });
    await page.keyboard.press('Control+K');
    const input = page.getByRole('dialog', { name: 'Search this edition' }).getByRole('searchbox');
    for (const query of queries) {
      await input.fill(query);
      await page.waitForFunction((typed) => {
        const dialog = document.querySelector<HTMLElement>('dialog.search-dialog');
        return dialog?.dataset.state === 'failed' || (dialog?.dataset.state === 'ready' && dialog.querySelector('input')?.value === typed);
      }, query);
      const step = `${route} search dialog, ${JSON.stringify(query)}`;
      if ((await page.locator('dialog.search-dialog').getAttribute('data-state')) === 'failed') problems.push(`${step}: search could not be loaded`);
      if ((await page.locator('dialog.search-dialog .search-result').count()) === 0) problems.push(`${step}: no results, so the gate saw no hostile record`);
      problems.push(...(await page.evaluate(injected)).map((found) => `${step}: ${found}`));
      problems.push(...(await cspViolations(page, step)));
    }
  } finally {
    await page.close();
  }
  return problems;
}
