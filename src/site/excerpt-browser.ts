/**
 * The excerpt browser's island. Filtering itself is done by CSS (see browser-css.ts), so
 * it is instant and works without JavaScript; this script adds what CSS cannot: it
 * applies filters named in the URL query, keeps the query in step with the controls so
 * the view can be shared, and announces the number of results.
 */
/** The filters' URL names are the names of the form's controls (the unit filter's is the study's word). */
function facetParams(form: HTMLFormElement): string[] {
  return [...new Set([...form.elements].flatMap((element) => (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.name ? [element.name] : []))];
}

function applyQuery(form: HTMLFormElement, query: URLSearchParams): void {
  for (const name of facetParams(form)) {
    const value = query.get(name);
    if (value === null) continue;
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement) {
      if ([...control.options].some((option) => option.value === value)) control.value = value;
    } else if (control instanceof RadioNodeList) {
      const radio = [...control].find((node): node is HTMLInputElement => node instanceof HTMLInputElement && node.value === value);
      if (radio) radio.checked = true;
    }
  }
}

function chosenQuery(form: HTMLFormElement): URLSearchParams {
  const query = new URLSearchParams();
  const data = new FormData(form);
  for (const name of facetParams(form)) {
    const value = data.get(name);
    if (typeof value === 'string' && value !== '') query.set(name, value);
  }
  return query;
}

function countShown(items: readonly HTMLElement[]): number {
  // The stylesheet decides what is shown; an element hidden by `display: none` has no boxes.
  return items.filter((item) => item.getClientRects().length > 0).length;
}

export function initExcerptBrowser(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-browser-form]');
  const status = root.querySelector<HTMLElement>('[data-browser-status]');
  if (!form || !status) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-excerpt]')];
  const path = new URL(form.action, window.location.href).pathname;

  const update = (syncUrl: boolean) => {
    const shown = countShown(items);
    status.textContent = shown === 0 ? `No excerpts match these filters (of ${items.length}).` : `${shown} of ${items.length} excerpts shown.`;
    if (!syncUrl) return;
    const query = chosenQuery(form).toString();
    window.history.replaceState(window.history.state, '', `${path}${query ? `?${query}` : ''}${window.location.hash}`);
  };

  applyQuery(form, new URLSearchParams(window.location.search));
  root.dataset.enhanced = '';
  form.addEventListener('change', () => update(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  // `reset` fires before the controls are restored; count once they are.
  form.addEventListener('reset', () => window.setTimeout(() => update(true)));
  update(false);
}
