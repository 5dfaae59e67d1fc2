/**
 * Every internal link goes through these helpers, so the site works under any `base`
 * (deploying under a sub-path) and routes are named in one place.
 */
import type { CodeInfo, SessionKey } from '../study/index.ts';
import type { StudyMeta } from '../study/schemas/index.ts';
import { unitParam, unitsPath } from '../study/words.ts';
import { browserHref as chartsBrowserHref } from '../charts/urls.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A path inside the site, e.g. `href('themes/')` → "/casebook/themes/" under base "/casebook/". */
export function href(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
}

export function codeHref(info: CodeInfo): string {
  return info.kind === 'theme' ? href(`themes/${info.slug}/`) : href(`themes/${info.theme.slug}/${info.slug}/`);
}

/** The page listing the units, under the study's own plural ("sessions/", "interviews/"). */
export function unitsHref(meta: Pick<StudyMeta, 'vocabulary'>): string {
  return href(`${unitsPath(meta)}/`);
}

/** One unit's page, e.g. "interviews/3/". */
export function sessionHref(meta: Pick<StudyMeta, 'vocabulary'>, session: number): string {
  return href(`${unitsPath(meta)}/${session}/`);
}

export function excerptHref(id: string): string {
  return href(`excerpts/${id}/`);
}

/** The excerpt browser filtered by code and/or unit ("none" = unit not stated), the unit named in the study's words. */
export function browserHref(meta: Pick<StudyMeta, 'vocabulary'>, filters: { code?: string; session?: SessionKey }): string {
  return chartsBrowserHref(base, unitParam(meta), filters);
}
