/**
 * A study folder can hold 100,000 files: opening them all at once runs out of file
 * handles (EMFILE), so folders are read a bounded number at a time.
 */

/** `map` over `items` with at most `limit` calls pending at once; results keep the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
