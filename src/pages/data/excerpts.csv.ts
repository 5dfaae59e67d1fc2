/** `/data/excerpts.csv`: one row per excerpt, RFC 4180, UTF-8 with BOM (see /about/#data). */
import type { APIRoute } from 'astro';
import { getStudy } from '../../study/index.ts';
import { excerptsCsv } from '../../site/data-export.ts';

export const GET: APIRoute = async () =>
  new Response(excerptsCsv(await getStudy()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
