/**
 * How a page lists its excerpts. A page quoting a few excerpts prints them in full, as the
 * article does; one with many lists them by title and first line, each linking to the
 * whole excerpt. Printing every excerpt in full made a page of a large study megabytes long
 * and the built site grow with excerpts × pages (see bench/results.md).
 */
export const fullTextLimit = 25;

/** Whether `count` excerpts are printed in full on one page. */
export function listsInFull(count: number): boolean {
  return count <= fullTextLimit;
}
