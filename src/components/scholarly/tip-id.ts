/**
 * Ids for citation previews. A work can be cited several times on one page, so each use
 * needs its own id for `aria-describedby`; a build-wide counter is unique and, unlike a
 * random id, gives the same HTML on every build.
 */
let count = 0;

export function nextCiteTipId(referenceId: string): string {
  count += 1;
  return `cite-tip-${referenceId}-${count}`;
}
