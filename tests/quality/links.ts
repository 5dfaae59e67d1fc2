/**
 * What tests/site/link-check.ts (relative and root-relative links) does not cover: URLs
 * written absolute on the site's own origin (canonical links, the edition's own address)
 * and the targets of redirect stubs. Each must name a file that exists, and a
 * `#fragment` an id on the target page.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { builtPages, elements, parsePage, type BuiltPage } from './site.ts';

/** Attributes that hold a URL the reader's browser will follow or fetch. */
const urlAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
};

interface Target {
  /** Path of the file under the site root that the URL resolves to. */
  file: string;
  fragment: string;
}

/**
 * Resolves a URL found on `page` to a file in the site, or undefined for a URL outside
 * the site (another origin, mailto:, …).
 */
export function resolveInternal(url: string, page: BuiltPage, site: URL, distDir: string): Target | undefined {
  const pageUrl = new URL(page.route, site);
  const resolved = new URL(url, pageUrl);
  if (resolved.origin !== site.origin) return undefined;
  const basePath = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  const pathname = decodeURIComponent(resolved.pathname);
  if (!pathname.startsWith(basePath)) return { file: '', fragment: '' };
  let file = join(distDir, pathname.slice(basePath.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return { file, fragment: decodeURIComponent(resolved.hash.slice(1)) };
}

export function idsOf(nodes: Element[]): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
  }
  return ids;
}

const absolute = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** One message per broken absolute same-origin URL or redirect target, naming the page and the URL. */
export function brokenSelfLinks(distDir: string, site: URL): string[] {
  const pages = builtPages(distDir);
  const parsed = new Map(pages.map((page) => [page.file, elements(parsePage(page.file))]));
  const idCache = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = idsOf(parsed.get(file) ?? elements(parsePage(file)));
      idCache.set(file, ids);
    }
    return ids;
  };

  const problems: string[] = [];
  const check = (page: BuiltPage, value: string, where: string) => {
    const target = resolveInternal(value, page, site, distDir);
    if (!target) return;
    if (!target.file || !existsSync(target.file)) problems.push(`${page.route}: ${where} points to a file that does not exist`);
    else if (target.fragment && target.file.endsWith('.html') && !idsIn(target.file).has(target.fragment)) {
      problems.push(`${page.route}: ${where} points to #${target.fragment}, which is not an id on that page`);
    }
  };
  for (const page of pages) {
    if (page.redirectsTo !== undefined) check(page, page.redirectsTo, `the redirect to "${page.redirectsTo}"`);
    for (const node of parsed.get(page.file)!) {
      for (const attribute of urlAttributes[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value === 'string' && absolute.test(value)) check(page, value, `<${node.tagName} ${attribute}="${value}">`);
      }
    }
  }
  return problems;
}
