/**
 * The content files of a study folder and the schema each one follows. This registry is
 * the one place that knows the folder layout: the loader, `npm run schema` and the docs
 * read it.
 */
import type { z } from 'zod';
import { CodebookSchema } from './codebook.ts';
import { DiscussionSchema } from './discussion.ts';
import { EditionSchema } from './edition.ts';
import { ExcerptSchema } from './excerpt.ts';
import { GlossarySchema } from './glossary.ts';
import { ProcedureSchema } from './procedure.ts';
import { QuestionnairesSchema } from './questionnaire.ts';
import { ReferencesSchema } from './reference.ts';
import { ReportingSchema } from './reporting.ts';
import { SessionSchema } from './session.ts';
import { StudySchema } from './study.ts';

export interface ContentKind {
  /** Name of the generated schema file in `schemas/`. */
  schemaFile: string;
  /** A single file, or a folder of one file per record. */
  location: { file: string } | { folder: string };
  schema: z.ZodType;
  /** What the file holds, for generated docs. */
  title: string;
  /** A study folder may leave it (file or folder) out; the loader then skips it without a diagnostic. */
  optional?: true;
}

export const contentKinds = {
  study: { schemaFile: 'study.schema.json', location: { file: 'study.json' }, schema: StudySchema, title: 'Study metadata' },
  codebook: { schemaFile: 'codebook.schema.json', location: { file: 'codebook.json' }, schema: CodebookSchema, title: 'Codebook: themes and subthemes' },
  sessions: {
    schemaFile: 'session.schema.json',
    location: { folder: 'sessions' },
    schema: SessionSchema,
    title: 'A unit of data collection (session, interview, call…): summary, durations and step table',
  },
  excerpts: { schemaFile: 'excerpt.schema.json', location: { folder: 'excerpts' }, schema: ExcerptSchema, title: 'A coded excerpt' },
  questionnaires: { schemaFile: 'questionnaires.schema.json', location: { file: 'questionnaires.json' }, schema: QuestionnairesSchema, optional: true, title: 'Questionnaires' },
  references: { schemaFile: 'references.schema.json', location: { file: 'references.json' }, schema: ReferencesSchema, optional: true, title: 'References' },
  glossary: { schemaFile: 'glossary.schema.json', location: { file: 'glossary.json' }, schema: GlossarySchema, optional: true, title: 'Glossary' },
  procedure: { schemaFile: 'procedure.schema.json', location: { file: 'procedure.json' }, schema: ProcedureSchema, optional: true, title: 'Data-collection procedure' },
  reporting: {
    schemaFile: 'reporting.schema.json',
    location: { file: 'reporting.json' },
    schema: ReportingSchema,
    optional: true,
    title: 'Reporting checklist (COREQ or SRQR) answered for the study',
  },
  discussion: { schemaFile: 'discussion.schema.json', location: { file: 'discussion.json' }, schema: DiscussionSchema, optional: true, title: 'Discussion questions for teaching' },
  editions: { schemaFile: 'edition.schema.json', location: { folder: 'history' }, schema: EditionSchema, title: 'An edition of the coding and what it changed', optional: true },
} as const satisfies Record<string, ContentKind>;

export type ContentKindName = keyof typeof contentKinds;

export * from './codebook.ts';
export * from './conventions.ts';
export * from './common.ts';
export * from './discussion.ts';
export * from './edition.ts';
export * from './excerpt.ts';
export * from './glossary.ts';
export * from './procedure.ts';
export * from './questionnaire.ts';
export * from './reference.ts';
export * from './reporting.ts';
export * from './session.ts';
export * from './steps.ts';
export * from './study.ts';
export * from './timing.ts';
