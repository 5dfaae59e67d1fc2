/**
 * The excerpt browser's island. Filtering itself is done by CSS (see browser-css.ts), so
 * it is instant and works without JavaScript; this script adds what CSS cannot: it
 * applies filters named in the URL query, keeps the query in step with the controls so
 * the view can be shared, announces the number of results, updates each option's count
 * to what choosing it would show given the other filters, and on a phone folds the
 * filters into a closed drawer so the results come first.
 */
/** The filters' URL names are the names of the form's controls (the unit filter's is the study's word). */
function facetParams(form: HTMLFormElement): string[] {
  return [...new Set([...form.elements].flatMap((element) => ((element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.name ? [element.name] : [])))];
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

interface FacetField {
  param: string;
  /** The excerpt's data attribute this facet reads, and whether it holds one value or a list. */
  attribute: string;
  list: boolean;
}

function facetFields(form: HTMLFormElement): FacetField[] {
  return [...form.querySelectorAll<HTMLElement>('[data-facet]')].map((field) => ({
    param: field.dataset.facet ?? '',
    attribute: field.dataset.facetAttribute ?? '',
    list: field.dataset.facetOperator === '~=',
  }));
}

function carries(item: HTMLElement, field: FacetField, value: string): boolean {
  const held = item.getAttribute(field.attribute) ?? '';
  return field.list ? held.split(' ').includes(value) : held === value;
}

/**
 * Each option's count becomes the number of excerpts choosing it would show, with the other
 * facets as they are chosen now (a faceted search's counts); an option that would show
 * none stays choosable, so the reader sees why the list is empty.
 */
function updateCounts(form: HTMLFormElement, fields: readonly FacetField[], items: readonly HTMLElement[]): void {
  const data = new FormData(form);
  const chosen = new Map(fields.map((field) => [field, String(data.get(field.param) ?? '')]));
  for (const field of fields) {
    const others = items.filter((item) => [...chosen].every(([other, value]) => other === field || value === '' || carries(item, other, value)));
    const tally = new Map<string, number>();
    for (const item of others) {
      const held = item.getAttribute(field.attribute) ?? '';
      for (const value of field.list ? held.split(' ') : [held]) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    const control = form.elements.namedItem(field.param);
    if (control instanceof HTMLSelectElement) {
      for (const option of control.options) option.textContent = `${option.dataset.label ?? option.value} (${option.value === '' ? others.length : (tally.get(option.value) ?? 0)})`;
    } else if (control instanceof RadioNodeList) {
      for (const radio of control) {
        if (!(radio instanceof HTMLInputElement) || radio.value === '') continue;
        const count = radio.labels?.[0]?.querySelector('[data-count]');
        if (count) count.textContent = ` (${tally.get(radio.value) ?? 0})`;
      }
    }
  }
}

/** "2 chosen" beside the drawer's heading, so a closed drawer still says filters apply. */
function showChosen(form: HTMLFormElement, fields: readonly FacetField[], summary: HTMLElement | null): void {
  if (!summary) return;
  const data = new FormData(form);
  const chosen = fields.filter((field) => String(data.get(field.param) ?? '') !== '').length;
  summary.textContent = chosen === 0 ? '' : `${chosen} chosen`;
}

export function initExcerptBrowser(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-browser-form]');
  const status = root.querySelector<HTMLElement>('[data-browser-status]');
  if (!form || !status) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-excerpt]')];
  const path = new URL(form.action, window.location.href).pathname;
  const fields = facetFields(form);
  const chosenSummary = root.querySelector<HTMLElement>('[data-browser-chosen]');
  const drawer = root.querySelector<HTMLDetailsElement>('[data-browser-drawer]');
  // The same width at which the stylesheet stops setting the filters beside the results.
  if (drawer && window.matchMedia('(max-width: 59.99rem)').matches) drawer.open = false;

  const update = (syncUrl: boolean) => {
    updateCounts(form, fields, items);
    showChosen(form, fields, chosenSummary);
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
