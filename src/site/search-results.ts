/**
 * What the search page (search-ui.ts) and the header's search dialog (search-dialog.ts)
 * share: Pagefind's search API as we use it, and one result drawn as elements. Every study
 * string (a title, a type label, an excerpt) reaches the page through `textContent`; the
 * one piece of Pagefind markup kept, the `<mark>` around matched words, is rebuilt from an
 * inert parse.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string | null, options: { filters: Record<string, { any: string[] }> }, wait: number): Promise<PagefindSearch | null>;
}

/** The text of a Pagefind excerpt, with its `<mark>`s kept and nothing else of its markup. */
export function excerptNodes(excerpt: string, doc: Document): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return doc.createTextNode(node.textContent ?? '');
  });
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/** One result: its type label (excerpt, chapter, teaching, appendix…), its title as a link, its excerpt and up to `sections` of its sections. */
export function resultItem(data: PagefindResultData, sections = 3): HTMLLIElement {
  const item = element('li', { className: 'search-result' });
  if (data.meta.kind) item.append(element('span', { className: 'search-result__kind' }, data.meta.kind));
  item.append(element('a', { className: 'search-result__link', href: data.url }, data.meta.title ?? data.url));
  item.append(element('p', { className: 'search-result__excerpt' }, ...excerptNodes(data.excerpt, document)));
  const subResults = (data.sub_results ?? []).filter((sub) => sub.url !== data.url).slice(0, sections);
  if (subResults.length > 0) {
    item.append(
      element(
        'ul',
        { className: 'search-result__sections' },
        ...subResults.map((sub) => element('li', {}, element('a', { href: sub.url }, sub.title), element('p', { className: 'search-result__excerpt' }, ...excerptNodes(sub.excerpt, document)))),
      ),
    );
  }
  return item;
}
