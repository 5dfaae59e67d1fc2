/**
 * Links from charts into the site, built from a `base` the page passes in (charts do not
 * read Astro's config). Query strings go through URLSearchParams.
 */
import type { CodeInfo, SessionKey } from '../study/model.ts';

/** `base` with exactly one trailing slash: "/casebook" → "/casebook/". */
export function normaliseBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The excerpt browser filtered by code and/or unit (`null` → "none", unit not stated);
 * `unitParam` is the unit filter's name in the study's words (`unitParam()` in study/words).
 */
export function browserHref(base: string, unitParam: string, filters: { code?: string; session?: SessionKey }): string {
  const query = new URLSearchParams();
  if (filters.code !== undefined) query.set('code', filters.code);
  if (filters.session !== undefined) query.set(unitParam, filters.session === null ? 'none' : String(filters.session));
  const search = query.toString();
  return `${normaliseBase(base)}excerpts/${search ? `?${search}` : ''}`;
}

/** A theme's or subtheme's page. */
export function codeHref(base: string, info: CodeInfo): string {
  const root = `${normaliseBase(base)}themes/${info.theme.slug}/`;
  return info.kind === 'theme' ? root : `${root}${info.slug}/`;
}

/** An excerpt's permalink. */
export function excerptHref(base: string, id: string): string {
  return `${normaliseBase(base)}excerpts/${encodeURIComponent(id)}/`;
}
