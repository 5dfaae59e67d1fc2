/**
 * Checks on the markup of one built page that need no browser: alternative text, names
 * for graphics, nothing a strict Content-Security-Policy would block or that could run
 * script from data, and safe external links.
 */
import type { Element, Root } from 'hast';
import { elements } from './site.ts';

const describe = (node: Element) => {
  const attributes = Object.entries(node.properties)
    .filter(([key]) => ['id', 'className', 'href', 'src', 'ariaLabel'].includes(key))
    .map(([key, value]) => `${key}=${JSON.stringify(Array.isArray(value) ? value.join(' ') : value)}`);
  return `<${node.tagName}${attributes.length ? ` ${attributes.join(' ')}` : ''}>`;
};

/** A property as an unknown value: hast's per-attribute types are narrower than what parsed HTML can hold. */
const prop = (node: Element, key: string): unknown => (node.properties as Record<string, unknown>)[key];

/** A token-list attribute (rel, aria-labelledby…) as its tokens, however hast stored it. */
const tokensOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []);

const textOf = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

/** `<img>` without an `alt` attribute (an empty alt is a valid choice for decoration). */
export function imagesWithoutAlt(tree: Root): string[] {
  return elements(tree)
    .filter((node) => node.tagName === 'img' && typeof node.properties.alt !== 'string')
    .map((node) => `${describe(node)} has no alt attribute`);
}

/** `<svg>` shown to assistive technology (not aria-hidden) with no accessible name. */
export function unnamedSvgs(tree: Root): string[] {
  const all = elements(tree);
  const byId = new Map(all.filter((node) => typeof node.properties.id === 'string').map((node) => [node.properties.id as string, node]));
  const hiddenWithin = new Set<Element>();
  for (const node of all) {
    if (['true', true].includes(prop(node, 'ariaHidden') as string | boolean)) for (const inner of elements({ type: 'root', children: [node] })) hiddenWithin.add(inner);
  }
  return all
    .filter((node) => node.tagName === 'svg' && !hiddenWithin.has(node))
    .filter((node) => {
      const label = node.properties.ariaLabel;
      if (typeof label === 'string' && label.trim()) return false;
      if (tokensOf(prop(node, 'ariaLabelledBy')).some((id) => byId.has(id) && textOf(byId.get(id)!).trim())) return false;
      const title = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'title');
      return !(title && textOf(title).trim());
    })
    .map((node) => `${describe(node)} is not aria-hidden and has no accessible name (aria-label, aria-labelledby or <title>)`);
}

/** Inline event-handler attributes (`onclick=…`), which a strict CSP forbids. */
export function inlineHandlers(tree: Root): string[] {
  return elements(tree).flatMap((node) =>
    Object.keys(node.properties)
      .filter((key) => /^on[a-z]/i.test(key))
      .map((key) => `${describe(node)} has an inline event handler ${key.toLowerCase()}`),
  );
}

const urlKeys = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data'];

/** URLs that run script or render arbitrary documents when followed. */
export function scriptUrls(tree: Root): string[] {
  return elements(tree).flatMap((node) =>
    urlKeys
      .map((key) => node.properties[key])
      .filter((value): value is string => typeof value === 'string')
      // Browsers ignore ASCII whitespace and control characters around and inside the scheme.
      .filter((value) => /^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, '')))
      .map((value) => `${describe(node)} has a URL that can run script: ${JSON.stringify(value.slice(0, 80))}`),
  );
}

/** Links to another origin without rel="noopener". */
export function externalLinksWithoutNoopener(tree: Root, site: URL): string[] {
  return elements(tree)
    .filter((node) => node.tagName === 'a' && typeof node.properties.href === 'string')
    .filter((node) => {
      const url = URL.parse(node.properties.href as string, site);
      if (!url || !/^https?:$/.test(url.protocol) || url.origin === site.origin) return false;
      const tokens = tokensOf(prop(node, 'rel'));
      return !tokens.includes('noopener') && !tokens.includes('noreferrer');
    })
    .map((node) => `${describe(node)} links to another site without rel="noopener"`);
}

/** Whether the page names its icon (`<link rel="icon">`); the link checker proves the file exists. */
export function declaresIcon(tree: Root): boolean {
  return elements(tree).some((node) => node.tagName === 'link' && Array.isArray(node.properties.rel) && node.properties.rel.map(String).includes('icon'));
}

/** Attributes whose value names the id of another element on the page (space-separated where marked). */
const idReferences: Record<string, 'one' | 'list'> = {
  htmlFor: 'list',
  ariaLabelledBy: 'list',
  ariaDescribedBy: 'list',
  ariaControls: 'list',
  ariaOwns: 'list',
  ariaFlowTo: 'list',
  ariaDetails: 'one',
  ariaErrorMessage: 'one',
  ariaActiveDescendant: 'one',
  headers: 'list',
  list: 'one',
  form: 'one',
  popoverTarget: 'one',
};

/** References (`for`, `aria-labelledby`, `headers`…) to ids that no element on the page has. */
export function missingReferences(tree: Root): string[] {
  const all = elements(tree);
  const ids = new Set(all.map((node) => node.properties.id).filter((id): id is string => typeof id === 'string'));
  return all.flatMap((node) =>
    Object.entries(idReferences).flatMap(([key, kind]) => {
      const value = prop(node, key);
      if (value === undefined || value === null || typeof value === 'boolean') return [];
      const names = kind === 'list' || Array.isArray(value) ? tokensOf(value) : [String(value)];
      return names.filter((id) => !ids.has(id)).map((id) => `${describe(node)} refers to #${id} (${key}), which is not an id on the page`);
    }),
  );
}

/**
 * What is missing from the page's Content-Security-Policy: it must exist, keep scripts to
 * the site's own files and hashed inline scripts (no 'unsafe-inline' or 'unsafe-eval'),
 * and allow nothing from other hosts.
 */
export function policyProblems(tree: Root): string[] {
  const metas = elements(tree).filter((node) => node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return [`has ${metas.length} Content-Security-Policy <meta> elements, not 1`];
  const directives = new Map(
    String(metas[0]!.properties.content ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  const problems: string[] = [];
  const scripts = directives.get('script-src');
  if (!scripts) problems.push('its policy has no script-src');
  for (const source of scripts ?? [])
    if (["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(source) || /^https?:\/\//.test(source)) problems.push(`its policy allows scripts from ${source}`);
  if (directives.get('default-src')?.join(' ') !== "'self'") problems.push("its policy's default-src is not 'self'");
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("its policy's object-src is not 'none'");
  return problems;
}
