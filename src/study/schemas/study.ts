import { z } from 'zod';
import { IdSchema, SchemaRefSchema, TextSchema, WebUrlSchema } from './common.ts';

/** A person named as an author of the article. */
export const AuthorSchema = z.strictObject({
  /** Family name, as printed. */
  family: TextSchema.describe('Family name, as printed.'),
  /** Given names, as printed. */
  given: TextSchema.describe('Given names, as printed.'),
  /** Post-nominal qualifications, e.g. "MCounsPsychthrpy, DipRemMassage". */
  credentials: TextSchema.optional().describe('Post-nominal qualifications, as printed.'),
  /** Affiliation or practice, as printed. */
  affiliation: TextSchema.optional().describe('Affiliation or practice, as printed.'),
});

/** Someone who took part in the study, named by role only. */
export const ParticipantSchema = z.strictObject({
  /** Used by excerpts to name the speaker, e.g. "client". */
  id: IdSchema.describe('Identifier used by excerpts to name the speaker, e.g. "client".'),
  /** The label printed before their turns in the transcripts, e.g. "Client". */
  label: TextSchema.describe('Label printed before their turns in transcripts, e.g. "Client".'),
  /** Their part in the study. */
  role: z.enum(['client', 'therapist', 'researcher']).describe('Their part in the study.'),
  /** What the article says about them, in our words. */
  description: TextSchema.describe('What the article says about them, in our words.'),
});

/** The licence under which the article, and so the quoted material, is published. */
export const LicenceSchema = z.strictObject({
  /** Short name, e.g. "CC BY-NC-ND 3.0". */
  name: TextSchema.describe('Short name, e.g. "CC BY-NC-ND 3.0".'),
  /** Canonical URL of the licence text. */
  url: WebUrlSchema.describe('Canonical URL of the licence text.'),
  /** The notice shown wherever quoted material appears. */
  notice: TextSchema.describe('The notice shown wherever quoted material appears.'),
});

/** `content/study.json`: the article this site publishes and who took part. */
export const StudySchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** The article's title. */
  title: TextSchema.describe("The article's title."),
  /** A shorter title for headers and breadcrumbs. */
  shortTitle: TextSchema.describe('A shorter title for headers and breadcrumbs.'),
  /** Authors in the order printed. */
  authors: z.array(AuthorSchema).min(1).describe('Authors in the order printed.'),
  /** Where the article was published. */
  journal: z
    .strictObject({
      /** Full journal name. */
      name: TextSchema.describe('Full journal name.'),
      /** Volume number. */
      volume: z.int().positive().describe('Volume number.'),
      /** Issue number. */
      issue: z.int().positive().describe('Issue number.'),
      /** Page range as printed, e.g. "22-33". */
      pages: TextSchema.optional().describe('Page range, e.g. "22-33".'),
      /** ISSN of the journal. */
      issn: TextSchema.optional().describe('ISSN of the journal.'),
    })
    .describe('Where the article was published.'),
  /** Year of publication. */
  year: z.int().min(1900).max(2100).describe('Year of publication.'),
  /** Publication date as precise as known: "2019-09" or "2019-09-01". */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'a date written YYYY-MM or YYYY-MM-DD')
    .describe('Publication date as precise as known: "2019-09" or "2019-09-01".'),
  /** DOI of the article, without the resolver prefix. */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.3822/ijtmb.v12i3.455"')
    .optional()
    .describe('DOI of the article, without the https://doi.org/ prefix.'),
  /** Where the article can be read. */
  url: WebUrlSchema.optional().describe('Where the article can be read.'),
  /** Licence of the article and of the material quoted from it. */
  licence: LicenceSchema.describe('Licence of the article and of the material quoted from it.'),
  /** The abstract, in our own words (never the article's). Markdown paragraphs separated by a blank line. */
  abstract: TextSchema.describe("The abstract in our own words, not the article's. Paragraphs separated by a blank line."),
  /** Key words as printed. */
  keywords: z.array(TextSchema).min(1).describe('Key words as printed.'),
  /** Who took part, named by role. */
  participants: z.array(ParticipantSchema).min(1).describe('Who took part, named by role.'),
  /** Where and how the sessions took place, in our words. */
  setting: TextSchema.describe('Where and how the sessions took place, in our words.'),
  /** Footnotes to the session durations table, keyed by row (e.g. "silence"). */
  durationNotes: z
    .partialRecord(z.enum(['preTreatment', 'treatment', 'talk', 'silence', 'postTreatment', 'total']), TextSchema)
    .default({})
    .describe('Footnotes to the session durations table, keyed by row, e.g. {"silence": "…"}.'),
});

export type StudyMeta = z.output<typeof StudySchema>;
export type Participant = z.output<typeof ParticipantSchema>;
export type Author = z.output<typeof AuthorSchema>;
