/**
 * What a reader downloads for one built page: the JavaScript and CSS it loads up front
 * (inline, linked, and everything those scripts import statically) and the JavaScript it
 * can load later (dynamic `import()` targets and their own imports), raw and gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  html: Weight;
  js: Weight;
  jsOnDemand: Weight;
  css: Weight;
}

const weigh = (texts: string[]): Weight => {
  const joined = texts.join('\n');
  return { bytes: Buffer.byteLength(joined), gzip: texts.reduce((sum, text) => sum + gzipSync(text).length, 0) };
};

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];

/** Site path ("/_astro/x.js") of a URL referenced from `from` (a site path), or undefined for another origin. */
function sitePath(url: string, from: string): string | undefined {
  const resolved = new URL(url, new URL(from, 'http://site.invalid'));
  return resolved.origin === 'http://site.invalid' ? resolved.pathname : undefined;
}

const staticImport = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']|\bexport\s*[\w$*{}\s,]*?\s*from\s*["']([^"']+)["']/g;
const dynamicImport = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

export function pageWeight(distDir: string, route: string): PageWeight {
  const file = join(distDir, route, route.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(file, 'utf8');
  const read = (path: string) => {
    const full = join(distDir, decodeURIComponent(path));
    return existsSync(full) ? readFileSync(full, 'utf8') : '';
  };

  const inlineScripts: string[] = [];
  const scriptFiles: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const tag = match[1]!;
    const type = attribute(tag, 'type') ?? '';
    if (type && type !== 'module' && type !== 'text/javascript') continue; // data blocks such as JSON-LD
    const src = attribute(tag, 'src');
    if (src) {
      const path = sitePath(src, route);
      if (path) scriptFiles.push(path);
    } else inlineScripts.push(match[2]!);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/rel="modulepreload"/.test(match[0])) continue;
    const path = sitePath(attribute(match[0], 'href') ?? '', route);
    if (path) scriptFiles.push(path);
  }

  const closure = (roots: { path: string; text: string }[], follow: RegExp[]) => {
    const found = new Map<string, string>();
    const pending: string[] = [];
    const scan = (text: string, from: string) => {
      for (const pattern of follow)
        for (const match of text.matchAll(pattern)) {
          const path = sitePath(match[1] ?? match[2]!, from);
          if (path && !found.has(path)) pending.push(path);
        }
    };
    for (const root of roots) scan(root.text, root.path);
    while (pending.length) {
      const path = pending.pop()!;
      if (found.has(path)) continue;
      const text = read(path);
      found.set(path, text);
      scan(text, path);
    }
    return found;
  };

  const roots = [...inlineScripts.map((text) => ({ path: route, text })), ...scriptFiles.map((path) => ({ path, text: read(path) }))];
  const upFront = new Map([...scriptFiles.map((path) => [path, read(path)] as const), ...closure(roots, [staticImport])]);
  const loaded = [...inlineScripts, ...upFront.values()];
  const later = closure([...roots, ...[...upFront].map(([path, text]) => ({ path, text }))], [dynamicImport, staticImport]);
  for (const path of upFront.keys()) later.delete(path);

  const styles: string[] = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/rel="stylesheet"/.test(match[0])) continue;
    const path = sitePath(attribute(match[0], 'href') ?? '', route);
    if (path) styles.push(read(path));
  }

  return { html: weigh([html]), js: weigh(loaded), jsOnDemand: weigh([...later.values()]), css: weigh(styles) };
}
