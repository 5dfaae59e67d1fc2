/**
 * `/teaching/<page>.docx` and `/teaching/<vignette>-handout.docx`: each vignette, its student
 * handout and each lesson plan as an editable Word document, built with the site from the
 * same data (src/site/teaching-docx.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { teachingEntries, type TeachingEntry } from '../../components/teaching/teaching-entries.ts';
import { docxName, docxVariants, teachingPath } from '../../components/teaching/teaching-paths.ts';
import { excerptFirstLines } from '../../components/teaching/line-numbering.ts';
import { getStudy } from '../../study/index.ts';
import { teachingDocx } from '../../site/teaching-docx.ts';

export const getStaticPaths = (async () => {
  const entries = await teachingEntries(await getStudy());
  return entries.flatMap((entry) => docxVariants(entry).map((variant) => ({ params: { document: docxName(entry, variant) }, props: { entry, variant, entries } })));
}) satisfies GetStaticPaths;

interface Props {
  entry: TeachingEntry;
  variant: 'page' | 'handout';
  entries: TeachingEntry[];
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  // astro.config.mjs always sets `site`; the document's links must be absolute to work outside the site.
  if (!site) throw new Error('astro.config.mjs sets no `site`, so the teaching documents cannot link back to the site.');
  const study = await getStudy();
  const bytes = await teachingDocx(props.entry, props.variant, {
    study,
    entries: props.entries,
    pagePath: teachingPath,
    firstLines: excerptFirstLines(study, props.entry.data.excerpts),
    site,
  });
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
};
