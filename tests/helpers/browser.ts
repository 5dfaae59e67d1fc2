/**
 * Launches Debian's Chromium through playwright-core. Tests never skip for want of a
 * browser: a missing binary fails with the command that installs it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveStatic, type StaticServer } from './serve.ts';

export const chromiumPath = process.env.CASEBOOK_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}. Install it with: sudo apt-get install -y chromium (or set CASEBOOK_CHROMIUM).`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  // Playwright gives every action and navigation 30 s, which a busy shared machine can
  // exceed; tests wait on conditions, and Vitest's test timeout is the only hang guard.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(0);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(0);
    return page;
  };
  return browser;
}

export interface BuiltSiteSession {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * For a test file that drives a built site (the bundled study unless `distDir` names
 * another): serves it and launches Chromium before the file's tests, and closes both
 * after. Read `browser`/`server` inside tests.
 */
export function useBuiltSite(distDir?: string): BuiltSiteSession {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir ?? inject('distDir'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useBuiltSite(): the browser is only available inside tests');
      return browser;
    },
    get server() {
      if (!server) throw new Error('useBuiltSite(): the server is only available inside tests');
      return server;
    },
  };
}
