/**
 * Ids for glossary popovers. A term can appear several times on one page, so each use
 * needs its own id for `aria-describedby`; a build-wide counter is unique and, unlike a
 * random id, gives the same HTML on every build.
 */
let count = 0;

export function nextTermTipId(termId: string): string {
  count += 1;
  return `term-tip-${termId}-${count}`;
}
