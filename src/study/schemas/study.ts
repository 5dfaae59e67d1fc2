import { z } from 'zod';
import { DoiSchema, IdSchema, NotLoudSchema, SchemaRefSchema, TextSchema, WebUrlSchema } from './common.ts';
import { NameSchema } from './reference.ts';
import { ConventionsSchema } from './conventions.ts';
import { StepTableSchema } from './steps.ts';
import { TimingSchema } from './timing.ts';

/** A person named as an author of the study. */
export const AuthorSchema = z.strictObject({
  /** Family name, as printed. */
  family: TextSchema.describe('Family name, as printed.'),
  /** Given names, as printed. */
  given: TextSchema.describe('Given names, as printed.'),
  /** Post-nominal qualifications, e.g. "PhD, RN". */
  credentials: TextSchema.optional().describe('Post-nominal qualifications, as printed, e.g. "PhD, RN".'),
  /** Affiliation or practice, as printed. */
  affiliation: TextSchema.optional().describe('Affiliation or practice, as printed.'),
});

/** Someone who took part in the study, named by the part they played. */
export const ParticipantSchema = z.strictObject({
  /** Used by excerpts to name the speaker, e.g. "caller". */
  id: IdSchema.describe('Identifier used by excerpts (line speakers) and questionnaires to name them, e.g. "caller".'),
  /** The label printed before their turns in the transcripts, e.g. "Caller" or "P3". */
  label: TextSchema.describe('Label printed before their turns in transcripts, e.g. "Caller" or "P3".'),
  /** Their part in the study, in the study's own words, e.g. "triage nurse". */
  role: TextSchema.describe('Their part in the study, in the study\'s own words, e.g. "triage nurse" or "interviewer".'),
  /** What the study says about them, in our words. */
  description: TextSchema.describe('What the study says about them, in our words.'),
});

/** The licence under which the study, and so the quoted material, is published. */
export const LicenceSchema = z.strictObject({
  /** Short name, e.g. "CC BY-NC-ND 3.0". */
  name: TextSchema.describe('Short name, e.g. "CC BY 4.0" or "All rights reserved".'),
  /** Canonical URL of the licence text, where there is one. */
  url: WebUrlSchema.optional().describe('Canonical URL of the licence text, where there is one.'),
  /** The notice shown wherever quoted material appears. */
  notice: TextSchema.describe('The notice shown wherever quoted material appears.'),
});

const volumeOrIssue = z.union([z.int().positive(), TextSchema]);

/** An edition of an article published in a journal. */
export const ArticlePublicationSchema = z.strictObject({
  type: z.literal('article').describe('"article": the site is an edition of a journal article.'),
  /** The journal. */
  journal: z
    .strictObject({
      /** Full journal name. */
      name: TextSchema.describe('Full journal name.'),
      /** Volume, where known. */
      volume: volumeOrIssue.optional().describe('Volume, where known, e.g. 12.'),
      /** Issue, where known. */
      issue: volumeOrIssue.optional().describe('Issue, where known, e.g. 3.'),
      /** Page range as printed, e.g. "22-33". */
      pages: TextSchema.optional().describe('Page range, e.g. "22-33".'),
      /** ISSN of the journal. */
      issn: TextSchema.optional().describe('ISSN of the journal.'),
    })
    .describe('The journal the article appeared in.'),
});

/** A thesis or dissertation. */
export const ThesisPublicationSchema = z.strictObject({
  type: z.literal('thesis').describe('"thesis": a thesis or dissertation.'),
  /** The degree, e.g. "PhD" or "MSc". */
  degree: TextSchema.optional().describe('The degree, e.g. "PhD thesis" or "Master\'s dissertation".'),
  /** The awarding institution. */
  institution: TextSchema.describe('The awarding institution.'),
  /** Where it is held, e.g. a repository name. */
  place: TextSchema.optional().describe('City or repository, where known.'),
});

/** A report (technical, evaluation, working paper). */
export const ReportPublicationSchema = z.strictObject({
  type: z.literal('report').describe('"report": a technical, evaluation or working-paper report.'),
  /** The institution that issued it. */
  institution: TextSchema.describe('The institution that issued it.'),
  /** The report number, where it has one. */
  number: TextSchema.optional().describe('Report number, where it has one.'),
  /** Place of publication. */
  place: TextSchema.optional().describe('Place of publication.'),
});

/** A preprint. */
export const PreprintPublicationSchema = z.strictObject({
  type: z.literal('preprint').describe('"preprint": a preprint on a public server.'),
  /** The server, e.g. "PsyArXiv". */
  repository: TextSchema.describe('The preprint server, e.g. "PsyArXiv".'),
});

/** A chapter in an edited book. */
export const ChapterPublicationSchema = z.strictObject({
  type: z.literal('chapter').describe('"chapter": a chapter in an edited book.'),
  /** Title of the book. */
  book: TextSchema.describe('Title of the book.'),
  /** Its editors. */
  editors: z.array(NameSchema).default([]).describe('Editors of the book.'),
  /** Publisher. */
  publisher: TextSchema.optional().describe('Publisher.'),
  /** Place of publication. */
  place: TextSchema.optional().describe('Place of publication.'),
  /** Page range of the chapter. */
  pages: TextSchema.optional().describe('Page range of the chapter, e.g. "101-120".'),
});

/** A teaching case. */
export const TeachingCasePublicationSchema = z.strictObject({
  type: z.literal('teaching-case').describe('"teaching-case": a case written for teaching.'),
  /** Who issues it, e.g. a school or a case collection. */
  institution: TextSchema.optional().describe('Who issues it, e.g. a school or a case collection.'),
});

/** Not published elsewhere: this site is its first publication. */
export const UnpublishedPublicationSchema = z.strictObject({
  type: z.literal('unpublished').describe('"unpublished": this site is its first publication.'),
  /** Anything a reader should know, e.g. "Fictional study written for the documentation". */
  note: TextSchema.optional().describe('Anything a reader should know, e.g. "A fictional study written for teaching."'),
});

export const PublicationSchema = z.discriminatedUnion('type', [
  ArticlePublicationSchema,
  ThesisPublicationSchema,
  ReportPublicationSchema,
  PreprintPublicationSchema,
  ChapterPublicationSchema,
  TeachingCasePublicationSchema,
  UnpublishedPublicationSchema,
]);

/** A word in the study's vocabulary, singular and plural, lower case as in running text. */
export const TermFormsSchema = z.strictObject({
  /** e.g. "session", "interview", "call". */
  singular: TextSchema.describe('Singular, lower case as in running text, e.g. "interview".'),
  /** e.g. "sessions", "interviews", "calls". */
  plural: TextSchema.describe('Plural, lower case as in running text, e.g. "interviews".'),
});

/** What the study calls the things the generator has generic names for. */
export const VocabularySchema = z.strictObject({
  /** The unit of data collection (a file in sessions/): session, interview, call, meeting, observation… */
  unit: TermFormsSchema.describe('The unit of data collection, one file in sessions/ each: session, interview, call, meeting, observation…'),
});

/** Where excerpts come from, and how each is transcribed. */
export const ExcerptSourceSchema = z.strictObject({
  /** Used by excerpts' "source", e.g. "interview-transcript". */
  id: IdSchema.describe('Used by excerpts\' "source", e.g. "interview-transcript".'),
  /** Name shown on the site, e.g. "Interview transcript". */
  label: TextSchema.describe('Name shown on the site and in filters, e.g. "Interview transcript".'),
  /** "jefferson": Conversation Analysis notation, parsed and checked; "verbatim": plain quoted words. */
  transcription: z.enum(['jefferson', 'verbatim']).describe('"jefferson" for Conversation Analysis (Jefferson) notation, which is parsed and checked; "verbatim" for plain quoted words.'),
  /** What this source is, in a sentence, e.g. "What a participant said watching the recording". */
  description: TextSchema.optional().describe('What this source is, in a sentence.'),
  /** false for texts nobody speaks (documents, field notes, written comments): their lines belong to no speaker. */
  speakers: z.boolean().optional().describe('false for texts nobody speaks (documents, field notes, written comments), whose lines belong to no speaker; omit for talk, where every turn has one.'),
});

/** `content/study.json`: the study this site publishes, how it is published, and who took part. */
export const StudySchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** The study's title. */
  title: TextSchema.describe("The study's title."),
  /** A shorter title for headers and breadcrumbs. */
  shortTitle: TextSchema.describe('A shorter title for headers and breadcrumbs.'),
  /** Authors in the order printed. */
  authors: z.array(AuthorSchema).min(1).describe('Authors in the order printed.'),
  /** How the study is published. */
  publication: PublicationSchema.describe('How the study is published: "article" (with its journal), "thesis", "report", "preprint", "chapter", "teaching-case" or "unpublished".'),
  /** Year of publication (or of writing, for unpublished work). */
  year: z.int().min(1900).max(2100).describe('Year of publication, or of writing for unpublished work.'),
  /** Publication date as precise as known: "2019-09" or "2019-09-01". */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'a date written YYYY-MM or YYYY-MM-DD')
    .optional()
    .describe('Publication date as precise as known: "2019-09" or "2019-09-01".'),
  /** DOI, without the resolver prefix. */
  doi: DoiSchema.optional().describe('DOI of the study, without the https://doi.org/ prefix.'),
  /** Where the study can be read. */
  url: WebUrlSchema.optional().describe('Where the study can be read.'),
  /** Licence of the study and of the material quoted from it. */
  licence: LicenceSchema.describe('Licence of the study and of the material quoted from it.'),
  /** The abstract, in our own words. Markdown paragraphs separated by a blank line. */
  abstract: TextSchema.describe('The abstract in our own words. Paragraphs separated by a blank line.'),
  /** Key words as printed. */
  keywords: z.array(TextSchema).default([]).describe('Key words as printed.'),
  /** What kind of study it is, e.g. "case study", "interview study". */
  design: TextSchema.optional().describe('What kind of study it is, as a noun phrase, e.g. "case study" or "interview study"; shown on the overview. "qualitative study" when omitted.'),
  /** What the study is of, as a noun phrase that follows "a study of". */
  subject: TextSchema.optional().describe('What the study is of, as a noun phrase completing "a study of …", e.g. "how nurses triage calls at night"; shown on the about page.'),
  /** One sentence on what the study is about, for page descriptions and the about page. */
  summary: TextSchema.optional().describe(
    'One or two sentences on what the study is and whom it follows, shown on the about page and in page descriptions, e.g. "The study follows four ward nurses through twelve interviews."',
  ),
  /** How the themes relate, in a sentence, shown on the overview. */
  themesSummary: TextSchema.optional().describe('How the themes relate to each other, in a sentence, shown above the themes on the overview.'),
  /** What the study calls its units of data collection. */
  vocabulary: VocabularySchema.describe('What the study calls its units of data collection.'),
  /** Who took part. */
  participants: z.array(ParticipantSchema).min(1).describe("Who took part, with their roles in the study's words."),
  /** Where the excerpts come from. */
  sources: z.array(ExcerptSourceSchema).min(1).describe('Where excerpts come from (transcripts, commentaries, field notes, documents…) and how each is transcribed.'),
  /** Where and how the data were collected, in our words. */
  setting: TextSchema.optional().describe('Where and how the data were collected, in our words.'),
  /** The phases a unit's durations are given in; omit when the study gives no durations. */
  timing: TimingSchema.optional().describe('The phases in which the study times its units; omit when it gives no durations.'),
  /** The per-unit step table's columns; omit when the study has none. */
  steps: StepTableSchema.optional().describe('The columns of the per-unit step table (rows are in each sessions/ file\'s "steps"); omit when the study has none.'),
  /** Acronyms the study's transcripts write in capitals that are not loud talk, for every excerpt and ```ca block. */
  notLoud: NotLoudSchema.optional(),
  /** The transcription conventions the study printed; omit when it printed none. */
  conventions: ConventionsSchema.optional().describe('The transcription conventions the study printed (e.g. its Table 1); omit when it printed none.'),
});

export type StudyMeta = z.output<typeof StudySchema>;
export type Participant = z.output<typeof ParticipantSchema>;
export type Author = z.output<typeof AuthorSchema>;
export type Publication = z.output<typeof PublicationSchema>;
export type ExcerptSource = z.output<typeof ExcerptSourceSchema>;
export type Vocabulary = z.output<typeof VocabularySchema>;
