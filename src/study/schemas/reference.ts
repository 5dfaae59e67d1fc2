import { z } from 'zod';
import { IdSchema, SchemaRefSchema, TextSchema, WebUrlSchema } from './common.ts';

/** A person as a reference lists them. */
export const NameSchema = z.strictObject({
  /** Family name. */
  family: TextSchema.describe('Family name.'),
  /** Given names or initials, as printed (e.g. "CA"). */
  given: TextSchema.describe('Given names or initials as printed, e.g. "CA".'),
});

/** A work the study cites, structured so it can be printed in any style. */
export const ReferenceSchema = z.strictObject({
  /** Citation key used by chapters, e.g. "kvale2009". */
  id: IdSchema.describe('Citation key used by chapters, e.g. "kvale2009".'),
  /** Its number in a numbered reference list. */
  number: z.int().positive().optional().describe("Its number in the study's reference list, where the list is numbered; omit in author–date studies."),
  /** Kind of work. */
  type: z.enum(['article', 'book', 'chapter', 'thesis', 'webpage']).describe('Kind of work.'),
  /** Authors in printed order (empty for an edited book listed under its editors). */
  authors: z.array(NameSchema).default([]).describe('Authors in printed order.'),
  /** Editors of the book or of the containing book. */
  editors: z.array(NameSchema).default([]).describe('Editors of the book, or of the book containing the chapter.'),
  /** Year of publication; omitted when the source gives none (cited as "n.d."). */
  year: z.int().min(1800).max(2100).optional().describe('Year of publication; omit when the source gives no date (cited as "n.d.").'),
  /** Title of the work. */
  title: TextSchema.describe('Title of the work.'),
  /** Journal, book or site the work appears in. */
  container: TextSchema.optional().describe('Journal, book or site the work appears in.'),
  /** Volume. */
  volume: TextSchema.optional().describe('Volume.'),
  /** Issue. */
  issue: TextSchema.optional().describe('Issue.'),
  /** Page range, e.g. "25–34". */
  pages: TextSchema.optional().describe('Page range, e.g. "25–34".'),
  /** Edition, e.g. "2nd". */
  edition: TextSchema.optional().describe('Edition, e.g. "2nd".'),
  /** Publisher. */
  publisher: TextSchema.optional().describe('Publisher (or the awarding university of a thesis).'),
  /** Place of publication. */
  place: TextSchema.optional().describe('Place of publication.'),
  /** DOI without resolver prefix. */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.1037/0033-2909.130.1.3"')
    .optional()
    .describe('DOI without the https://doi.org/ prefix.'),
  /** URL where the work can be read. */
  url: WebUrlSchema.optional().describe('URL where the work can be read.'),
  /** Anything the record needs to say, e.g. the language of a non-English work. */
  note: TextSchema.optional().describe('Anything else, e.g. "in Polish".'),
});

/** `content/references.json`: the works cited. */
export const ReferencesSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Works in the study's order. */
  references: z.array(ReferenceSchema).min(1).describe("Works in the study's order."),
});

export type Reference = z.output<typeof ReferenceSchema>;
export type PersonName = z.output<typeof NameSchema>;
export type References = z.output<typeof ReferencesSchema>;
