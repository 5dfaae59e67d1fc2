/**
 * Reading the built site in tests: every HTML file, parsed to hast, with helpers for
 * the text of an element and the elements that match a predicate.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';

/** Every `.html` file under `root`, as paths relative to it with "/" separators. */
export function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(root, join(root, file)).split(sep).join('/'))
    .sort();
}

export async function parsePage(root: string, file: string): Promise<Root> {
  return fromHtml(await readFile(join(root, file), 'utf8'));
}

export function elements(tree: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element' && test(node)) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child);
    if (node.type === 'element' && node.tagName === 'template' && node.content) visit(node.content);
  };
  visit(tree);
  return found;
}

/** The text content, whitespace collapsed. */
export function textOf(node: Nodes): string {
  const parts: string[] = [];
  const visit = (current: Nodes) => {
    if (current.type === 'text') parts.push(current.value);
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The route a file serves: "themes/x/index.html" → "themes/x/", "404.html" → "404.html". */
export function routeOf(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}
