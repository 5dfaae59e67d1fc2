/**
 * The built pages of a site folder, for gates that must cover every page of every build:
 * each `index.html` (one per route) and `404.html`, found by walking the folder rather
 * than listing routes, so a page added tomorrow is checked without touching the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BuiltPage {
  /** Absolute path of the HTML file. */
  file: string;
  /** URL path under the site root, e.g. "/themes/merging/" or "/404.html". */
  route: string;
  /** For a redirect stub (`<meta http-equiv="refresh">`), the URL it sends the reader to. */
  redirectsTo: string | undefined;
}

const refresh = /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]*)"/i;

export function builtPages(distDir: string): BuiltPage[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith(`${sep}index.html`) || path === 'index.html' || path === '404.html')
    .map((path) => {
      const file = join(distDir, path);
      const route = `/${path
        .split(sep)
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1')}`;
      return { file, route, redirectsTo: refresh.exec(readFileSync(file, 'utf8'))?.[1] };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Parses a built page the way a browser would (HTML5 parsing rules). */
export function parsePage(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** Every element of a tree, in document order. */
export function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    found.push(node);
  });
  return found;
}

/** The site's own URL (origin and base), read from the overview page's canonical link. */
export function siteOf(distDir: string): URL {
  const canonical = elements(parsePage(join(distDir, 'index.html'))).find((node) => node.tagName === 'link' && Array.isArray(node.properties.rel) && node.properties.rel.includes('canonical'));
  const href = canonical?.properties.href;
  if (typeof href !== 'string') throw new Error(`${distDir}/index.html has no <link rel="canonical">, so the site's URL is unknown`);
  return new URL(href);
}

/** Pages a reader actually sees, leaving out redirect stubs (a browser moves on at once). */
export function readablePages(distDir: string): BuiltPage[] {
  return builtPages(distDir).filter((page) => page.redirectsTo === undefined);
}

/** The stylesheets a page links and the style blocks it inlines, as one string. */
export function styleSignature(file: string): string {
  const html = readFileSync(file, 'utf8');
  const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((match) => match[0]);
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
  return [...linked, ...inline].join('\n');
}
