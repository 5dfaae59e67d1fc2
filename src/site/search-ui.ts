/**
 * The search page's island, drawn by us on Pagefind's search API rather than by Pagefind's
 * own UI: its UI writes filter labels into the page as HTML, and filter values are study
 * strings (theme names, speaker labels, unit titles) that may hold markup. Here every study
 * string reaches the page through `textContent`; the one piece of Pagefind markup we keep,
 * the `<mark>` around matched words in an excerpt, is rebuilt from an inert parse.
 *
 * The query and the chosen filters are kept in the address (`?q=…&code=…`), so a search can
 * be bookmarked, shared or reached from a link.
 */

import { element, resultItem, type Pagefind, type PagefindSearch } from './search-results.ts';

type FilterSelection = Record<string, string[]>;

const resultsPerPage = 20;

function readAddress(filterNames: string[]): { term: string; selection: FilterSelection } {
  const params = new URL(window.location.href).searchParams;
  const selection: FilterSelection = {};
  for (const name of filterNames) {
    const values = params.getAll(name);
    if (values.length > 0) selection[name] = values;
  }
  return { term: params.get('q') ?? '', selection };
}

function writeAddress(term: string, selection: FilterSelection): void {
  const url = new URL(window.location.href);
  url.search = '';
  if (term) url.searchParams.set('q', term);
  for (const [name, values] of Object.entries(selection)) for (const value of values) url.searchParams.append(name, value);
  window.history.replaceState(null, '', url);
}

function pagefindFilters(selection: FilterSelection): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selection)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

function filterPanel(
  all: Record<string, Record<string, number>>,
  labels: Record<string, string>,
  selection: FilterSelection,
  onChange: () => void,
): { panel: HTMLElement; selected(): FilterSelection; showCounts(counts: Record<string, Record<string, number>>): void } {
  const panel = element('div', { className: 'search-filters' });
  const boxes = new Map<string, { input: HTMLInputElement; count: HTMLElement }[]>();
  let serial = 0;
  const order = Object.keys(labels);
  const names = Object.keys(all).sort((a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1));
  for (const name of names) {
    const values = all[name] ?? {};
    const chosen = selection[name] ?? [];
    const list = element('ul', { className: 'search-filters__values' });
    const entries: { input: HTMLInputElement; count: HTMLElement }[] = [];
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))) {
      const id = `search-filter-${(serial += 1)}`;
      const input = element('input', { type: 'checkbox', id, value, checked: chosen.includes(value) });
      input.dataset.filter = name;
      input.addEventListener('change', onChange);
      const count = element('span', { className: 'search-filters__count' });
      list.append(element('li', {}, input, element('label', { htmlFor: id }, value, ' ', count)));
      entries.push({ input, count });
    }
    boxes.set(name, entries);
    const details = element(
      'details',
      { className: 'search-filters__group', open: chosen.length > 0 },
      element('summary', {}, labels[name] ?? name),
      element('fieldset', {}, element('legend', { className: 'visually-hidden' }, labels[name] ?? name), list),
    );
    panel.append(details);
  }
  return {
    panel,
    selected() {
      const chosen: FilterSelection = {};
      for (const [name, entries] of boxes) {
        const values = entries.filter((entry) => entry.input.checked).map((entry) => entry.input.value);
        if (values.length > 0) chosen[name] = values;
      }
      return chosen;
    },
    showCounts(counts) {
      for (const [name, entries] of boxes) for (const entry of entries) entry.count.textContent = `(${counts[name]?.[entry.input.value] ?? 0})`;
    },
  };
}

export async function mountSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const failure = document.querySelector<HTMLElement>('[data-search-failed]');
  if (!root || !form || !input) return;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const labels = JSON.parse(root.dataset.filterLabels ?? '{}') as Record<string, string>;
  try {
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: root.dataset.base ?? '/', excerptLength: 24 });
    await pagefind.init();
    const all = await pagefind.filters();
    const { term, selection } = readAddress(Object.keys(all));
    // A reader may have typed while the search loaded.
    if (term) input.value = term;

    const status = element('p', { className: 'search-status', role: 'status' });
    const results = element('ol', { className: 'search-results' });
    const more = element('button', { type: 'button', className: 'search-more', hidden: true }, 'Show more results');
    const filters = filterPanel(all, labels, selection, () => void run());
    root.replaceChildren(filters.panel, status, results, more);

    let shown: PagefindSearch['results'] = [];
    let showing = 0;
    const showNext = async () => {
      const next = shown.slice(showing, showing + resultsPerPage);
      showing += next.length;
      results.append(...(await Promise.all(next.map(async (result) => resultItem(await result.data())))));
      more.hidden = showing >= shown.length;
    };
    more.addEventListener('click', () => void showNext());

    // `data-state` tells a waiting reader of the page (and the browser tests) when the
    // results on screen answer the form as it stands.
    const run = async () => {
      root.dataset.state = 'searching';
      const query = input.value.trim();
      const chosen = filters.selected();
      writeAddress(query, chosen);
      const search = await pagefind.debouncedSearch(query || null, { filters: pagefindFilters(chosen) }, 250);
      if (search === null) return;
      filters.showCounts(search.filters);
      shown = search.results;
      showing = 0;
      results.replaceChildren();
      if (!query && Object.keys(chosen).length === 0) {
        status.textContent = '';
        more.hidden = true;
      } else {
        status.textContent = shown.length === 0 ? 'No results.' : `${shown.length} ${shown.length === 1 ? 'result' : 'results'}.`;
        await showNext();
      }
      root.dataset.state = 'ready';
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run();
    });
    input.addEventListener('input', () => void run());
    filters.showCounts(all);
    if (input.value.trim() || Object.keys(selection).length > 0) await run();
    else {
      root.dataset.state = 'ready';
      input.focus();
    }
  } catch {
    if (failure) failure.hidden = false;
  }
}
