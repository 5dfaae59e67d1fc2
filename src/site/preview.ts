/**
 * Enhances the CSS-only link previews (citations, glossary terms, excerpts, themes,
 * units; see Preview.astro): Escape hides an open preview without moving focus or the
 * pointer (WCAG 1.4.13), and a preview that would run past the right edge of the
 * viewport is shifted left so it stays readable. One listener per event serves every
 * preview on the page.
 */
const WRAP = '[data-preview]';
const MARGIN = 8;

function keepInViewport(wrap: HTMLElement): void {
  const tip = wrap.querySelector<HTMLElement>(':scope > .preview__tip');
  if (!tip) return;
  tip.style.removeProperty('--preview-shift');
  const box = tip.getBoundingClientRect();
  // A docked (position: fixed) preview on a narrow screen never overflows.
  if (box.width === 0 || getComputedStyle(tip).position === 'fixed') return;
  const overflow = box.right - (document.documentElement.clientWidth - MARGIN);
  if (overflow > 0) tip.style.setProperty('--preview-shift', `${-Math.min(overflow, box.left - MARGIN)}px`);
}

function wrapOf(event: Event): HTMLElement | null {
  return (event.target as Element | null)?.closest?.<HTMLElement>(WRAP) ?? null;
}

export function initPreviews(): void {
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
