/**
 * The charts' one island (vanilla, no framework). Progressive: without it every chart is
 * complete (title, description, data table); with it
 * - hovering or focusing a mark with `data-detail` shows that detail in a tooltip; a chart
 *   takes keyboard focus, and arrow keys step through its marks (Escape hides the tip);
 * - hovering or focusing anything with `data-theme-code`, or pressing a theme button in a
 *   `[data-cb-key]` bar, highlights that theme on the whole page: `<html data-cb-highlight>`
 *   is set and elements of other themes get the class `cb-dim`.
 */
const doc = document;
const root = doc.documentElement;
let tip: HTMLElement | undefined;
let active: Element | undefined;
let picked = '';

function showTip(el: Element): void {
  tip ??= Object.assign(doc.body.appendChild(doc.createElement('div')), { className: 'cb-tip', ariaHidden: 'true' });
  active?.classList.remove('is-active');
  (active = el).classList.add('is-active');
  tip.textContent = el.getAttribute('data-detail');
  const box = el.getBoundingClientRect();
  tip.style.cssText = `left:${Math.max(4, Math.min(box.left, innerWidth - 260))}px;top:${box.bottom + 6}px`;
  tip.hidden = false;
}

function hideTip(): void {
  if (tip) tip.hidden = true;
  active?.classList.remove('is-active');
  active = undefined;
}

function highlight(theme: string): void {
  if (theme) root.dataset.cbHighlight = theme;
  else delete root.dataset.cbHighlight;
  for (const el of doc.querySelectorAll<HTMLElement | SVGElement>('[data-theme-code]')) el.classList.toggle('cb-dim', !!theme && el.dataset.themeCode !== theme);
}

const detailOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('.cb-chart [data-detail]') : null);
const themeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-theme-code]')?.dataset.themeCode : undefined);

doc.addEventListener('pointerover', (event) => {
  const el = detailOf(event.target);
  if (el) showTip(el);
  else hideTip();
  highlight(themeOf(event.target) ?? picked);
});
doc.addEventListener('focusin', (event) => highlight(themeOf(event.target) ?? picked));

for (const svg of doc.querySelectorAll<SVGSVGElement>('.cb-chart svg')) {
  svg.setAttribute('tabindex', '0');
  svg.addEventListener('blur', hideTip);
  svg.addEventListener('keydown', (event) => {
    const marks = [...svg.querySelectorAll('[data-detail]')];
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (event.key === 'Escape') hideTip();
    if (!step || marks.length === 0) return;
    event.preventDefault();
    const at = active ? marks.indexOf(active) : -1;
    showTip(marks[(at + step + marks.length) % marks.length]!);
  });
}

for (const bar of doc.querySelectorAll<HTMLElement>('[data-cb-key]')) {
  bar.hidden = false;
  bar.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    picked = picked === button.dataset.themeCode ? '' : (button.dataset.themeCode ?? '');
    for (const other of bar.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other.dataset.themeCode === picked));
    highlight(picked);
  });
}
