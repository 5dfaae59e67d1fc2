/** The appendix pages, named once for the index, their own titles and the 404 page. */
import type { Study } from '../study/index.ts';
import { href } from './urls.ts';
import { capitalise, slugify, workNoun } from '../study/words.ts';
import { checklists } from '../study/checklists.ts';

export interface Appendix {
  slug: string;
  title: string;
  description: string;
  href: string;
}

/** The appendices the study has data for: a page exists only when its data does. */
export function appendices(study: Study): Appendix[] {
  const { singular } = study.meta.vocabulary.unit;
  const work = workNoun(study.meta);
  const questionnaires = study.questionnaires;
  const respondents = questionnaires ? study.meta.participants.filter((p) => questionnaires.groups.some((group) => group.respondent === p.id)).map((p) => p.label.toLowerCase()) : [];
  const tabulated = [
    study.meta.timing && study.sessions.some((session) => session.durations) ? `durations of every ${singular}` : undefined,
    study.meta.steps && study.sessions.some((session) => session.steps.length > 0) ? `the ${study.meta.steps.title.toLowerCase()} of each` : undefined,
  ].filter((part) => part !== undefined);
  const entries = [
    ...(questionnaires
      ? [{ slug: 'questionnaires', title: 'Questionnaires', description: `The questions the ${joinAnd(respondents)} answered${respondents.length > 1 ? ', side by side' : ''}.` }]
      : []),
    ...(study.procedure
      ? [{ slug: 'procedure', title: 'Data-collection procedure', description: `The ${study.procedure.steps.length} steps of the data-collection procedure, quoted from the ${work}.` }]
      : []),
    ...(tabulated.length > 0 ? [{ slug: 'session-breakdowns', title: `${capitalise(singular)} breakdowns`, description: `${capitalise(joinAnd(tabulated))}, as the ${work} tabulates them.` }] : []),
    ...(study.reporting
      ? [
          {
            slug: 'reporting-checklist',
            title: `Reporting checklist (${checklists[study.reporting.checklist].name})`,
            description: `How the ${work} reports each item of the ${checklists[study.reporting.checklist].name} checklist for qualitative research, and where this edition addresses it.`,
          },
        ]
      : []),
    {
      slug: 'transcription-conventions',
      title: 'Transcription conventions',
      description: `The Conversation Analysis symbols the transcripts may use, and what each one means${study.meta.conventions ? `, with the conventions the ${work} printed` : ''}.`,
    },
  ];
  // The URL segment is the study's own word for its units.
  return entries.map((entry) => {
    const slug = entry.slug === 'session-breakdowns' ? `${slugify(singular)}-breakdowns` : entry.slug;
    return { ...entry, slug, href: href(`appendices/${slug}/`) };
  });
}

function joinAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

export function appendix(study: Study, slug: string): Appendix {
  const found = appendices(study).find((entry) => entry.slug === slug);
  if (!found)
    throw new Error(
      `No appendix "${slug}"; known: ${appendices(study)
        .map((entry) => entry.slug)
        .join(', ')}.`,
    );
  return found;
}
