/**
 * Copy buttons for citations. Buttons are `hidden` in the HTML and shown here, so a reader
 * without JavaScript sees only the selectable text. A citation with italics is copied as
 * HTML too, so a word processor keeps the italics APA requires. Where the clipboard is not
 * available (an insecure origin, a refused permission) the text is selected instead and
 * the reader is told to copy it.
 */
function selectContents(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

async function copy(element: HTMLElement): Promise<boolean> {
  const plain = element.textContent ?? '';
  if (!navigator.clipboard) return false;
  try {
    if (element.querySelector('i') && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([plain], { type: 'text/plain' }),
          'text/html': new Blob([element.innerHTML], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(plain);
    }
    return true;
  } catch {
    return false;
  }
}

export function initCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) button.hidden = false;
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy]');
    const target = button && document.getElementById(button.dataset.copy ?? '');
    if (!button || !target) return;
    const status = button.closest('section')?.querySelector<HTMLElement>('[data-copy-status]');
    const original = button.dataset.label ?? (button.dataset.label = button.textContent ?? '');
    const label = original.replace(/^Copy /u, '');
    if (await copy(target)) {
      if (status) status.textContent = `${label} citation copied to the clipboard.`;
      button.textContent = 'Copied';
      window.setTimeout(() => (button.textContent = original), 2000);
    } else {
      selectContents(target);
      if (status) status.textContent = `${label} citation selected: press Ctrl+C or ⌘C to copy it.`;
    }
  });
}
