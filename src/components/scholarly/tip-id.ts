/**
 * Ids for link previews. A work, term or excerpt can be linked several times on one page,
 * so each use needs its own id for `aria-describedby`. Uses are counted per page (per
 * target), not across the build: Astro renders several pages at once, so a build-wide
 * count gave other ids on every build.
 */
const usesByPage = new WeakMap<object, Map<string, number>>();

/** E.g. `nextTipId(Astro.locals, 'cite', 'moyer2004')` → "cite-tip-moyer2004-2" for its second use on the page. */
export function nextTipId(page: object, kind: 'cite' | 'term' | 'excerpt' | 'code' | 'unit', id: string): string {
  let uses = usesByPage.get(page);
  if (!uses) usesByPage.set(page, (uses = new Map()));
  const key = `${kind}-tip-${id}`;
  const count = (uses.get(key) ?? 0) + 1;
  uses.set(key, count);
  return `${key}-${count}`;
}
