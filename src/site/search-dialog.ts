/**
 * The search dialog that the header's search link opens (search-open.ts loads this file
 * on demand). A modal <dialog>: focus moves to its field and returns where it was when the
 * dialog closes (Escape, the Close button, a click outside); ↓ and ↑ move between the
 * field and the results; Enter in the field opens the search page with the query, where
 * the results can be filtered. Pagefind's search API loads when the dialog first opens;
 * results are drawn as the search page draws them (search-results.ts), each study string
 * as text.
 */
import { element, resultItem, type Pagefind } from './search-results.ts';

const shown = 8;

interface SearchDialog {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  returnTo: HTMLElement | undefined;
}

let current: SearchDialog | undefined;

function build(trigger: HTMLAnchorElement): SearchDialog {
  const searchPage = trigger.href;
  const dialog = element('dialog', { className: 'search-dialog' });
  dialog.setAttribute('aria-labelledby', 'search-dialog-title');
  const title = element('h2', { id: 'search-dialog-title', className: 'search-dialog__title' }, 'Search this edition');
  const close = element('button', { type: 'button', className: 'search-dialog__close' }, 'Close');
  const input = element('input', { type: 'search', name: 'q', id: 'search-dialog-input', autocomplete: 'off', spellcheck: false });
  input.setAttribute('aria-describedby', 'search-dialog-keys');
  const form = element(
    'form',
    { className: 'search-dialog__form', action: searchPage, method: 'get', role: 'search' },
    element('label', { htmlFor: 'search-dialog-input', className: 'visually-hidden' }, 'Search this edition'),
    input,
  );
  const keys = element('p', { id: 'search-dialog-keys', className: 'search-dialog__keys' }, '↓ ↑ move through the results · Enter: all results, with filters · Esc closes');
  const status = element('p', { className: 'search-status', role: 'status' });
  const results = element('ol', { className: 'search-results' });
  const all = element('a', { className: 'search-dialog__all', href: searchPage }, 'All results, with filters, on the search page');
  dialog.append(element('div', { className: 'search-dialog__head' }, title, close), form, keys, status, results, all);
  document.body.append(dialog);

  const state: SearchDialog = { dialog, input, returnTo: undefined };
  const pageFor = (query: string) => {
    const url = new URL(searchPage);
    if (query) url.searchParams.set('q', query);
    return url.href;
  };

  // Pagefind loads once, the first time the dialog opens.
  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${trigger.dataset.bundle ?? '/pagefind/'}pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: trigger.dataset.base ?? '/', excerptLength: 18 });
      await module.init();
      return module;
    })());

  // `data-state` says when the results on screen answer the field as it stands.
  const run = async () => {
    const query = input.value.trim();
    all.href = pageFor(query);
    dialog.dataset.state = 'searching';
    let api: Pagefind;
    try {
      api = await load();
    } catch {
      status.textContent = 'Search could not be loaded here; the search page may still work.';
      dialog.dataset.state = 'failed';
      return;
    }
    const search = await api.debouncedSearch(query || null, { filters: {} }, 200);
    if (search === null) return;
    if (query !== input.value.trim()) return;
    if (!query) {
      results.replaceChildren();
      status.textContent = '';
    } else {
      const found = search.results;
      results.replaceChildren(...(await Promise.all(found.slice(0, shown).map(async (result) => resultItem(await result.data(), 1)))));
      status.textContent = found.length === 0 ? 'No results.' : found.length > shown ? `${found.length} results; the first ${shown}:` : `${found.length} ${found.length === 1 ? 'result' : 'results'}.`;
    }
    dialog.dataset.state = 'ready';
  };

  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.assign(pageFor(input.value.trim()));
  });
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
  // Esc closes at once, also from the field (a search field's own Esc would only empty it);
  // ↓/↑ walk the field and the results' title links.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops: HTMLElement[] = [input, ...results.querySelectorAll<HTMLElement>('.search-result__link')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    const next = stops[Math.min(stops.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next && next !== stops[at]) {
      event.preventDefault();
      next.focus();
    }
  });
  dialog.addEventListener('close', () => {
    const target = state.returnTo;
    state.returnTo = undefined;
    if (target?.isConnected) target.focus();
  });
  // Typed while the dialog was closed, a query is searched as soon as Pagefind is ready.
  void load().then(
    () => {
      if (input.value.trim()) void run();
    },
    () => undefined,
  );
  return state;
}

export function openSearchDialog(trigger: HTMLAnchorElement, returnTo: HTMLElement): void {
  current ??= build(trigger);
  delete trigger.dataset.searchState;
  if (current.dialog.open) return;
  current.returnTo = returnTo;
  current.dialog.showModal();
  current.input.focus();
  current.input.select();
}
