/**
 * The header's search link, on every page. Without JavaScript it is a plain link to
 * /search/. With it, the link, Ctrl+K (⌘K) and "/" open a search dialog whose code, and
 * Pagefind's, load only then (search-dialog.ts is a chunk of its own), so a page that is
 * never searched carries only this file. On the search page itself they move to its field.
 */

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

export function initSearchDialog(): void {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  if (!trigger) return;
  trigger.setAttribute('aria-haspopup', 'dialog');
  trigger.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
  const keys = trigger.querySelector<HTMLElement>('kbd');
  if (keys) {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) keys.textContent = '⌘ K';
    keys.hidden = false;
  }
  let loading: Promise<typeof import('./search-dialog.ts')> | undefined;
  const open = (event: Event) => {
    const field = document.querySelector<HTMLInputElement>('[data-search-form] input[type="search"]');
    event.preventDefault();
    if (field) {
      field.focus();
      field.select();
      return;
    }
    // Focus goes back where it was when the dialog closes.
    const returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : trigger;
    trigger.dataset.searchState = 'loading';
    loading ??= import('./search-dialog.ts');
    loading.then(
      (dialog) => dialog.openSearchDialog(trigger, returnTo),
      // The dialog's code could not be fetched (offline, a partial copy of the site): go to the page.
      () => window.location.assign(trigger.href),
    );
  };
  trigger.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    open(event);
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || document.querySelector('dialog[open]')) return;
    const commandK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingIn(event.target);
    if (commandK || slash) open(event);
  });
}
