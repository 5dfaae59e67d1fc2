/**
 * Enhances the CSS-only citation previews: Escape hides an open preview without moving
 * focus or the pointer (WCAG 1.4.13), and a preview that would run past the right edge
 * of the viewport is shifted left so it stays readable.
 */
const WRAP = '[data-cite-wrap]';
const MARGIN = 8;

function keepInViewport(wrap: HTMLElement): void {
  const tip = wrap.querySelector<HTMLElement>('.cite__tip');
  if (!tip) return;
  tip.style.removeProperty('--cite-shift');
  const box = tip.getBoundingClientRect();
  // A docked (position: fixed) preview on a narrow screen never overflows.
  if (box.width === 0 || getComputedStyle(tip).position === 'fixed') return;
  const overflow = box.right - (document.documentElement.clientWidth - MARGIN);
  if (overflow > 0) tip.style.setProperty('--cite-shift', `${-Math.min(overflow, box.left - MARGIN)}px`);
}

function wrapOf(event: Event): HTMLElement | null {
  return (event.target as Element | null)?.closest?.<HTMLElement>(WRAP) ?? null;
}

export function initCitePreviews(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const wrap of document.querySelectorAll<HTMLElement>(`${WRAP}:hover, ${WRAP}:focus-within`)) wrap.dataset.dismissed = '';
  });
  const show = (event: Event) => {
    const wrap = wrapOf(event);
    if (wrap) keepInViewport(wrap);
  };
  const reset = (event: Event) => {
    const wrap = wrapOf(event);
    if (wrap) delete wrap.dataset.dismissed;
  };
  document.addEventListener('focusin', show);
  document.addEventListener('mouseover', show);
  document.addEventListener('focusout', reset);
  document.addEventListener('mouseout', reset);
}
