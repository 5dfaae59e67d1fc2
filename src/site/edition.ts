/**
 * What this online edition calls itself and how its pages are addressed from outside:
 * the name used for `og:site_name`, citations and JSON-LD, and absolute canonical URLs.
 * Pure functions of the study metadata and the configured `site`, so citations, metadata
 * and data downloads agree.
 */
import type { StudyMeta } from '../study/schemas/index.ts';

/** "<the study's title>: An online edition". */
export function editionName(meta: StudyMeta): string {
  return `${meta.title}: An online edition`;
}

/**
 * The absolute URL of a path on the deployed site. `pathname` already carries the base
 * (Astro's `Astro.url.pathname`, or `href()`); `site` is `Astro.site`.
 */
export function absoluteUrl(pathname: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error('`site` is not configured: set CASEBOOK_SITE so canonical URLs and citations can be absolute.');
  return new URL(pathname, site).href;
}

/** The identifier of the published work in linked data: its DOI when known, else the edition's home. */
export function workId(meta: StudyMeta, homeUrl: string): string {
  return meta.doi ? `https://doi.org/${meta.doi}` : `${homeUrl}#work`;
}
