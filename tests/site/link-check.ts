/**
 * Internal link checking over a built site: every `href`, `src` and form `action` that
 * points inside the site must name a file that exists, and every `#fragment` an element
 * id (or `name`) on the target page. Query strings are ignored (the excerpt browser
 * reads them in the browser); links outside the site's base are reported as broken.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { elements, htmlFiles, parsePage, routeOf } from './html.ts';

export interface BrokenLink {
  page: string;
  link: string;
  problem: string;
}

const origin = 'http://site.invalid';
const linkAttributes: Record<string, string> = { a: 'href', link: 'href', area: 'href', img: 'src', script: 'src', source: 'src', form: 'action', iframe: 'src' };

function targetFile(root: string, relativePath: string): string | undefined {
  const candidate = join(root, relativePath);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

function idsOf(tree: Awaited<ReturnType<typeof parsePage>>): Set<string> {
  const ids = new Set<string>();
  for (const element of elements(tree, (node) => node.properties.id !== undefined || (node.tagName === 'a' && node.properties.name !== undefined))) {
    if (element.properties.id !== undefined) ids.add(String(element.properties.id));
    if (element.tagName === 'a' && element.properties.name !== undefined) ids.add(String(element.properties.name));
  }
  return ids;
}

function linkOf(element: Element): string | undefined {
  const attribute = linkAttributes[element.tagName];
  const value = attribute === undefined ? undefined : element.properties[attribute === 'href' ? 'href' : attribute];
  return typeof value === 'string' ? value : undefined;
}

/** Checks every HTML file under `root`, a site deployed under `base` ("/" or "/casebook/"). */
export async function checkLinks(root: string, base = '/'): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const files = htmlFiles(root);
  const trees = new Map(await Promise.all(files.map(async (file) => [file, await parsePage(root, file)] as const)));
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) {
      const tree = trees.get(file);
      found = tree ? idsOf(tree) : new Set();
      idCache.set(file, found);
    }
    return found;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, tree] of trees) {
    const pageUrl = new URL(`${base}${routeOf(file)}`, origin);
    for (const element of elements(tree, (node) => linkOf(node) !== undefined)) {
      const link = linkOf(element) as string;
      if (/^(mailto|tel|javascript|data):/i.test(link)) continue;
      const url = new URL(link, pageUrl);
      if (url.origin !== origin) continue;
      links += 1;
      const report = (problem: string) => broken.push({ page: file, link, problem });
      if (!url.pathname.startsWith(base)) {
        report(`outside the base path ${base}`);
        continue;
      }
      const relativePath = decodeURIComponent(url.pathname.slice(base.length));
      const target = targetFile(root, relativePath);
      if (!target) {
        report('no such file');
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment === '') continue;
      const targetHtml = target
        .slice(root.length + 1)
        .split('\\')
        .join('/');
      if (!targetHtml.endsWith('.html')) continue;
      if (!ids(targetHtml).has(fragment)) report(`no element with id "${fragment}" on ${targetHtml}`);
    }
  }
  return { pages: files.length, links, broken };
}

export function formatBroken(broken: readonly BrokenLink[]): string {
  return broken.map((entry) => `${entry.page}: ${entry.link} (${entry.problem})`).join('\n');
}
