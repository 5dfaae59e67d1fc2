/** The appendix pages, named once for the index, their own titles and the 404 page. */
import type { Study } from '../study/index.ts';
import { href } from './urls.ts';

export interface Appendix {
  slug: string;
  title: string;
  description: string;
  href: string;
}

export function appendices(study: Study): Appendix[] {
  const entries = [
    {
      slug: 'questionnaires',
      title: 'Questionnaires',
      description: `The questions the ${study.meta.participants
        .filter((p) => study.questionnaires.groups.some((group) => group.respondent === p.id))
        .map((p) => p.label.toLowerCase())
        .join(' and ')} answered after each session, side by side.`,
    },
    { slug: 'procedure', title: 'Data-collection procedure', description: `The ${study.procedure.steps.length} steps followed at every session, from setting up the cameras to the commentaries.` },
    { slug: 'session-breakdowns', title: 'Session breakdowns', description: 'Durations of every session and the treatment sequence of each, as the article tabulates them.' },
    { slug: 'transcription-conventions', title: 'Transcription conventions', description: 'The Conversation Analysis symbols used in the transcripts, and what each one means.' },
  ];
  return entries.map((entry) => ({ ...entry, href: href(`appendices/${entry.slug}/`) }));
}

export function appendix(study: Study, slug: string): Appendix {
  const found = appendices(study).find((entry) => entry.slug === slug);
  if (!found) throw new Error(`No appendix "${slug}"; known: ${appendices(study).map((entry) => entry.slug).join(', ')}.`);
  return found;
}
