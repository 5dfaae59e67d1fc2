/** `/data/study.json`: the coded study as one versioned JSON document (see /about/#data). */
import type { APIRoute } from 'astro';
import { getStudy } from '../../study/index.ts';
import { studyJson } from '../../site/data-export.ts';
import { absoluteUrl } from '../../site/edition.ts';
import { href } from '../../site/urls.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(studyJson(await getStudy(), absoluteUrl(`${href('about/')}#data`, site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
