/**
 * The course pack as one PDF, printed at build time from the built course pack page by
 * Chromium (through playwright-core), with page numbers in every page's margin (the page's
 * own print CSS) and a contents page whose page numbers are the pages the sections start
 * on. Chromium lays the pack out once with the PDF's outline (its bookmarks, one per
 * heading) switched on; the outline says where each section starts; those numbers are
 * written into the contents and the pack is printed again, and the outline of that final
 * PDF must agree with the numbers it prints.
 *
 * Without Chromium the build says so and goes on: the page then does not link to a PDF
 * (the page and this step ask the same question, `coursePackPdfPlanned`).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** Where the PDF lives in the site. */
export const COURSE_PACK_PDF = 'teaching/course-pack.pdf';
/** The page it is printed from. */
const COURSE_PACK_PAGE = 'teaching/course-pack/';

export function chromiumPath(): string {
  return process.env.CASEBOOK_CHROMIUM ?? '/usr/bin/chromium';
}

/** Whether this build prints the course pack PDF (and so whether the page may link to it): Chromium and playwright-core are both there. */
export function coursePackPdfPlanned(): boolean {
  if (!existsSync(chromiumPath())) return false;
  try {
    import.meta.resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

/** Serves the built site on 127.0.0.1 under its base path, for Chromium to load the page as a reader would. */
async function serve(root: string, base: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, pathname.startsWith(base) ? pathname.slice(base.length) : pathname));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The first page (1-based) of each top-level-or-section heading in a PDF's outline, by title, in order. */
export async function outlinePages(pdf: Uint8Array): Promise<{ title: string; page: number }[]> {
  const { getDocumentProxy } = await import('unpdf');
  const pdfDocument = await getDocumentProxy(new Uint8Array(pdf));
  const found: { title: string; page: number }[] = [];
  const walk = async (items: Awaited<ReturnType<typeof pdfDocument.getOutline>>) => {
    for (const item of items ?? []) {
      const destination = typeof item.dest === 'string' ? await pdfDocument.getDestination(item.dest) : item.dest;
      const target = destination?.[0];
      if (target && typeof target === 'object') found.push({ title: item.title.trim(), page: (await pdfDocument.getPageIndex(target as never)) + 1 });
      await walk(item.items);
    }
  };
  await walk(await pdfDocument.getOutline());
  return found;
}

/** Longer than a print takes on a busy 2-core machine (about a minute at load 15). */
const stallAfterMs = 240_000;

/** Thrown when Chromium stops answering during a print; the print is then tried once more in a new browser. */
class StalledPrint extends Error {}

async function printPack(root: string, base: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const server = await serve(root, base);
  // Chromium was seen once to stop answering while printing (a CI run's build then waited
  // until the test's own limit killed it): closing the browser ends every pending call.
  let stalled = false;
  const guard = setTimeout(() => {
    stalled = true;
    void browser.close();
  }, stallAfterMs);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}${COURSE_PACK_PAGE}`, { waitUntil: 'load' });
    const entries = await page.locator('[data-pack-page]').evaluateAll((spans) => spans.map((span) => (span as HTMLElement).dataset.packPage ?? ''));
    const print = () => page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false, outline: true, tagged: true });
    let pdf = await print();
    // Two passes normally suffice: the numbers take room that is reserved for them.
    for (let pass = 0; pass < 3; pass += 1) {
      const outline = await outlinePages(pdf);
      const pages = entries.map((title) => outline.find((item) => item.title === title)?.page);
      const missing = entries.filter((_, index) => pages[index] === undefined);
      if (missing.length > 0) throw new Error(`The course pack PDF has no bookmark for ${missing.map((title) => `“${title}”`).join(', ')}: each contents entry must be the text of a section heading.`);
      const shown = await page.locator('[data-pack-page]').evaluateAll((spans) => spans.map((span) => span.textContent ?? ''));
      if (shown.every((text, index) => text === String(pages[index]))) return pdf;
      await page.locator('[data-pack-page]').evaluateAll((spans, numbers) => spans.forEach((span, index) => (span.textContent = String(numbers[index]))), pages);
      pdf = await print();
    }
    throw new Error('The course pack’s contents page numbers did not settle after three printings.');
  } catch (error) {
    throw stalled ? new StalledPrint(`Chromium did not finish printing the course pack within ${stallAfterMs / 1000} s.`) : error;
  } finally {
    clearTimeout(guard);
    // The browser first: the server's close waits for the connections it still holds open.
    await browser.close();
    await server.close();
  }
}

/** Prints the pack, in a second browser if the first stalls. */
async function printPackRetrying(root: string, base: string, logger: AstroIntegrationLogger): Promise<Uint8Array> {
  try {
    return await printPack(root, base);
  } catch (error) {
    if (!(error instanceof StalledPrint)) throw error;
    logger.warn(`${error.message} Trying once more in a new browser.`);
    return printPack(root, base);
  }
}

/** The site files a page loads: its stylesheets, scripts, fonts and images, and what those stylesheets load in turn. */
async function loadedFiles(root: string, base: string, page: string): Promise<string[]> {
  const found = new Set<string>();
  const local = (reference: string, from: string): string | undefined => {
    if (/^(?:[a-z]+:|\/\/|#|data:)/i.test(reference)) return undefined;
    const path = reference.split(/[?#]/)[0] ?? '';
    const file = path.startsWith('/') ? join(root, path.startsWith(base) ? path.slice(base.length) : path) : resolve(dirname(from), path);
    return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  const html = await readFile(page, 'utf8');
  for (const [, reference] of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
    const file = local(reference ?? '', page);
    if (file && file !== page) found.add(file);
  }
  for (const sheet of [...found].filter((file) => file.endsWith('.css'))) {
    for (const [, reference] of (await readFile(sheet, 'utf8')).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const file = local(reference ?? '', sheet);
      if (file) found.add(file);
    }
  }
  return [...found].sort();
}

/**
 * A fingerprint of everything the PDF is printed from: the course pack page, every file it
 * loads (public/ files keep their names when they change, so their bytes count, not their
 * names) and the Chromium that prints it. Equal fingerprints print equal PDFs.
 */
export async function printFingerprint(root: string, base: string): Promise<string> {
  const page = join(root, COURSE_PACK_PAGE, 'index.html');
  const hash = createHash('sha256');
  const browser = await stat(chromiumPath());
  hash.update(`chromium ${browser.size} ${browser.mtimeMs}\n`);
  for (const file of [page, ...(await loadedFiles(root, base, page))]) hash.update(`${file.slice(root.length)}\n`).update(await readFile(file));
  return hash.digest('hex');
}

/** PDFs printed by earlier builds, kept in Astro's cache folder; the newest few are kept (one per study built in the checkout, say). */
const keptPrints = 8;

async function rememberPrint(cache: string, fingerprint: string, pdf: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  // Copied under another name and renamed, so a build killed mid-copy never leaves half a PDF to be reused.
  const partial = join(cache, `${fingerprint}.${process.pid}.partial`);
  await copyFile(pdf, partial);
  await rename(partial, join(cache, `${fingerprint}.pdf`));
  const prints = await Promise.all((await readdir(cache)).filter((name) => name.endsWith('.pdf')).map(async (name) => ({ name, time: (await stat(join(cache, name))).mtimeMs })));
  for (const old of prints.sort((a, b) => b.time - a.time).slice(keptPrints)) await rm(join(cache, old.name), { force: true });
}

/** Astro integration: after the build, print the course pack PDF next to its page, or reuse the print of an earlier build of the same pages. */
export function coursePackPdf(): AstroIntegration {
  let base = '/';
  let cache = '';
  return {
    name: 'casebook:course-pack-pdf',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cache = join(fileURLToPath(config.cacheDir), 'casebook-course-pack');
      },
      'astro:build:done': async ({ dir, pages, logger }: { dir: URL; pages: { pathname: string }[]; logger: AstroIntegrationLogger }) => {
        if (!pages.some((page) => page.pathname === COURSE_PACK_PAGE)) return;
        if (!coursePackPdfPlanned()) {
          logger.warn(
            `No Chromium at ${chromiumPath()} (or playwright-core is not installed), so the course pack PDF was not made and the course pack page does not link to one. Install Chromium (sudo apt-get install -y chromium) or set CASEBOOK_CHROMIUM to its path, and run npm install, then build again.`,
          );
          return;
        }
        const root = fileURLToPath(dir);
        const started = Date.now();
        const target = join(root, COURSE_PACK_PDF);
        // Printing takes Chromium two or three layouts of the whole pack: a rebuild after a
        // recoding that leaves the pack as it was reuses the earlier print.
        const fingerprint = await printFingerprint(root, base);
        const earlier = join(cache, `${fingerprint}.pdf`);
        if (existsSync(earlier)) {
          await copyFile(earlier, target);
          logger.info(`Course pack PDF unchanged since an earlier build (same pages, styles and Chromium): copied to ${COURSE_PACK_PDF}`);
          return;
        }
        await writeFile(target, await printPackRetrying(root, base, logger));
        await rememberPrint(cache, fingerprint, target);
        logger.info(`Course pack PDF written to ${COURSE_PACK_PDF} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
