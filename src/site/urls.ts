/**
 * Every internal link goes through these helpers, so the site works under any `base`
 * (deploying under a sub-path) and routes are named in one place.
 */
import type { CodeInfo, SessionKey } from '../study/index.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A path inside the site, e.g. `href('themes/')` → "/casebook/themes/" under base "/casebook/". */
export function href(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
}

export function codeHref(info: CodeInfo): string {
  return info.kind === 'theme' ? href(`themes/${info.slug}/`) : href(`themes/${info.theme.slug}/${info.slug}/`);
}

export function sessionHref(session: number): string {
  return href(`sessions/${session}/`);
}

export function excerptHref(id: string): string {
  return href(`excerpts/${id}/`);
}

/** The excerpt browser filtered by code and/or session ("none" = session not stated). */
export function browserHref(filters: { code?: string; session?: SessionKey }): string {
  const query = new URLSearchParams();
  if (filters.code) query.set('code', filters.code);
  if (filters.session !== undefined) query.set('session', filters.session === null ? 'none' : String(filters.session));
  const search = query.toString();
  return href(`excerpts/${search ? `?${search}` : ''}`);
}
