/**
 * Transcript symbol tooltips show on hover and focus by CSS alone (transcript.css); this
 * adds what CSS cannot: Escape puts the tooltip of the focused or pointed-at symbol away
 * (WCAG 1.4.13, dismissible), and on a touch screen a second tap on a symbol puts its
 * tooltip away again (the first tap focuses it, which shows it). A put-away tooltip shows
 * again once the pointer or focus has left its symbol.
 */
const dismissed = 'ca-sym--dismissed';

export function initSymbolTips(): void {
  let focusedBefore: Element | null = null;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const symbols = [document.activeElement, ...document.querySelectorAll('.ca-sym:hover')];
    for (const symbol of symbols) if (symbol?.classList.contains('ca-sym')) symbol.classList.add(dismissed);
  });
  document.addEventListener('pointerdown', () => {
    focusedBefore = document.activeElement;
  });
  document.addEventListener('click', (event) => {
    const symbol = (event.target as Element | null)?.closest?.('.ca-sym');
    if (!symbol) return;
    if (focusedBefore === symbol) symbol.classList.toggle(dismissed);
    else symbol.classList.remove(dismissed);
  });
  const restore = (event: Event) => {
    const symbol = event.target as Element | null;
    if (symbol instanceof Element && symbol.classList.contains('ca-sym')) symbol.classList.remove(dismissed);
  };
  document.addEventListener('focusout', restore);
  document.addEventListener('mouseout', (event) => {
    const symbol = (event.target as Element | null)?.closest?.('.ca-sym');
    if (symbol && !symbol.contains(event.relatedTarget as Node | null)) symbol.classList.remove(dismissed);
  });
}
