/**
 * The light/dark switch. The page follows the system setting until the reader chooses;
 * the choice is stored so it persists across pages and visits. Without JavaScript the
 * button stays hidden and the system setting applies.
 */
const KEY = 'casebook-theme';

function systemPrefersDark(): boolean {
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function currentTheme(): 'light' | 'dark' {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === 'light' || explicit === 'dark') return explicit;
  return systemPrefersDark() ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage can be blocked (private mode); the choice then lasts for this page only.
    }
    sync();
  });
}
