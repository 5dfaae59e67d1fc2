/**
 * The site's search index, written by Pagefind into `pagefind/` when Astro has written the
 * pages (`astro:build:done`), so `astro build` alone produces the whole site, search included.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * A transcript's symbol explanations, spoken names and legend are the same few sentences
 * on every excerpt page: indexed, a search for "overlap" or "pause" found every excerpt,
 * and they were half of what Pagefind read (and of its time and memory) at scale.
 */
export const searchExclusions = ['.ca-tip', '.ca-sr', '.ca-legend'];

async function writeIndex(site: string): Promise<{ pages: number; errors: string[] }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExclusions });
  if (!index) return { pages: 0, errors };
  const added = await index.addDirectory({ path: site });
  const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
  return { pages: added.page_count, errors: [...errors, ...added.errors, ...written.errors] };
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'casebook:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = Date.now();
        try {
          const { pages, errors } = await writeIndex(fileURLToPath(dir).replace(/\/$/, ''));
          // A site whose search finds nothing would look built and be broken: the build fails.
          if (errors.length > 0 || pages === 0) throw new Error(`Pagefind could not index the site${pages === 0 ? ' (it found no pages)' : ''}:\n${errors.join('\n')}`);
          logger.info(`Search index of ${pages} pages written to pagefind/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          // Pagefind indexes in a service process of its own, which would keep the build running.
          await pagefind.close();
        }
      },
    },
  };
}
