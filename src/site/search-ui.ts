/**
 * The search page's island. Pagefind's UI (about 120 KB of script and 15 KB of style) is
 * fetched here, on the search page only, never by the rest of the site. The query is kept
 * in the address (`?q=`), so a search can be bookmarked, shared or reached from a link.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}

function loadStyle(href: string): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

function rememberQuery(term: string): string {
  const url = new URL(window.location.href);
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
  return term;
}

export async function mountSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const failure = document.querySelector<HTMLElement>('[data-search-failed]');
  if (!root) return;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const query = new URL(window.location.href).searchParams.get('q') ?? '';
  try {
    loadStyle(`${bundle}pagefind-ui.css`);
    await loadScript(`${bundle}pagefind-ui.js`);
    if (!window.PagefindUI) throw new Error('Pagefind UI did not start');
    const ui = new window.PagefindUI({
      element: root,
      bundlePath: bundle,
      baseUrl: root.dataset.base ?? '/',
      showSubResults: true,
      showImages: false,
      autofocus: query === '',
      processTerm: rememberQuery,
    });
    if (query) ui.triggerSearch(query);
  } catch {
    if (failure) failure.hidden = false;
  }
}
