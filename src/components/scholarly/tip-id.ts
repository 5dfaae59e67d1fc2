/**
 * Ids for link previews. A work, term or excerpt can be linked several times on one page,
 * so each use needs its own id for `aria-describedby`; a build-wide counter is unique and,
 * unlike a random id, gives the same HTML on every build.
 */
let count = 0;

/** E.g. `nextTipId('cite', 'moyer2004')` → "cite-tip-moyer2004-12". */
export function nextTipId(kind: 'cite' | 'term' | 'excerpt' | 'code' | 'unit', id: string): string {
  count += 1;
  return `${kind}-tip-${id}-${count}`;
}
