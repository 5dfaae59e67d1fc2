import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(inject('distDir'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built bundled study in Chromium', () => {
  it('opens the overview, whose first Tab stop is the skip link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('The Psychotherapeutic Relationship in Massage Therapy');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.close();
  });

  it('remembers the dark-mode choice across pages', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await page.goto(`${server.url}themes/`);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await context.close();
  });
});
