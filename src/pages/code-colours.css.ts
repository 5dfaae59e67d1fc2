/**
 * `/code-colours.css`: the codebook's colours as one stylesheet that every page links and
 * the browser caches, rather than inline in each page, where a codebook of hundreds of
 * codes added kilobytes to every page of the site.
 */
import type { APIRoute } from 'astro';
import { getStudy } from '../study/index.ts';
import { codeColourCss } from '../site/theme-css.ts';

export const GET: APIRoute = async () => new Response(codeColourCss(await getStudy()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
