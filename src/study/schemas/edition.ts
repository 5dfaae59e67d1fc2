import { z } from 'zod';
import { SchemaRefSchema, SlugSchema, TextSchema } from './common.ts';

/*
 * Codes and excerpt ids below are plain text, not today's code and slug patterns: an
 * edition records what an earlier coding held, which may predate the current rules.
 */

/** A code as one edition of the codebook held it. */
export const HistoryCodeSchema = z.strictObject({
  /** The code in that edition, e.g. "1.2". */
  code: z.string().min(1).describe('The code in that edition, e.g. "1.2".'),
  /** Its name in that edition. */
  name: z.string().describe('Its name in that edition.'),
  /** The code of the theme it belonged to (its own code for a theme). */
  theme: z.string().min(1).describe('The code of the theme it belonged to; its own code for a theme.'),
  /** Whether it was a theme or a subtheme. */
  kind: z.enum(['theme', 'subtheme']).describe('"theme" or "subtheme".'),
});

/** An excerpt as one edition held it. */
export const HistoryExcerptSchema = z.strictObject({
  /** The excerpt's id, also its permalink segment while it exists. */
  id: z.string().min(1).describe("The excerpt's id, also its permalink segment while it exists."),
  /** Its title in that edition. */
  title: z.string().describe('Its title in that edition.'),
  /** Its session, or null where the study does not say. */
  session: z.int().positive().nullable().describe('Its session number, or null where the study does not say.'),
  /** The codes it carried in that edition. */
  codes: z.array(z.string().min(1)).describe('The codes it carried in that edition.'),
});

/** The same code in the previous edition and in this one. */
const CodePairSchema = z.strictObject({
  /** The code in the previous edition. */
  before: HistoryCodeSchema.describe('The code in the previous edition.'),
  /** The code in this edition. */
  after: HistoryCodeSchema.describe('The code in this edition.'),
});

const count = z.int().nonnegative();

/** What the coding changed against the previous edition: the JSON `npm run diff -- --json` prints. */
export const CodingChangesSchema = z.strictObject({
  /** Changes to the codebook. */
  codes: z
    .strictObject({
      /** Codes new in this edition. */
      added: z.array(HistoryCodeSchema).describe('Codes new in this edition.'),
      /** Codes dropped, their excerpts not gathered into another code. */
      removed: z.array(HistoryCodeSchema).describe('Codes dropped, their excerpts not gathered into another code.'),
      /** Codes that kept their number and got a new name. */
      renamed: z.array(CodePairSchema).describe('Codes that kept their number and got a new name.'),
      /** Codes that kept their name and got a new number. */
      renumbered: z.array(CodePairSchema).describe('Codes that kept their name and got a new number.'),
      /** Codes whose excerpts now lie mostly in one code. */
      merged: z
        .array(
          z.strictObject({
            /** The codes merged. */
            from: z.array(HistoryCodeSchema).min(2).describe('The codes merged, as the previous edition held them.'),
            /** The code that holds their excerpts now. */
            into: HistoryCodeSchema.describe('The code that holds their excerpts now.'),
          }),
        )
        .describe('Codes whose excerpts now lie mostly in one code.'),
      /** Codes whose excerpts are now shared out among several codes. */
      split: z
        .array(
          z.strictObject({
            /** The code split. */
            from: HistoryCodeSchema.describe('The code split, as the previous edition held it.'),
            /** The codes that hold its excerpts now. */
            into: z.array(HistoryCodeSchema).min(2).describe('The codes that hold its excerpts now.'),
          }),
        )
        .describe('Codes whose excerpts are now shared out among several codes.'),
    })
    .describe('Changes to the codebook.'),
  /** Changes to the excerpts. */
  excerpts: z
    .strictObject({
      /** Excerpts new in this edition. */
      added: z.array(HistoryExcerptSchema).describe('Excerpts new in this edition.'),
      /** Excerpts taken out in this edition. */
      removed: z.array(HistoryExcerptSchema).describe('Excerpts taken out in this edition, as the previous edition held them.'),
      /** Excerpts whose codes changed. */
      recoded: z
        .array(
          z.strictObject({
            /** The excerpt's id. */
            id: z.string().min(1).describe("The excerpt's id."),
            /** Its title in this edition. */
            title: z.string().describe('Its title in this edition.'),
            /** Its codes in the previous edition. */
            from: z.array(HistoryCodeSchema).describe('Its codes in the previous edition.'),
            /** Its codes in this edition. */
            to: z.array(HistoryCodeSchema).describe('Its codes in this edition.'),
          }),
        )
        .describe('Excerpts whose codes changed (a code only renumbered does not count).'),
    })
    .describe('Changes to the excerpts.'),
  /** Excerpt counts before and after. */
  counts: z
    .strictObject({
      /** Excerpts per theme. */
      themes: z
        .array(
          z.strictObject({
            /** The theme's code in this edition (in the previous one for a removed theme). */
            code: z.string().min(1).describe("The theme's code in this edition (in the previous one for a removed theme)."),
            /** The theme's name. */
            name: z.string().describe("The theme's name."),
            /** Excerpts coded to it, or to its subthemes, in the previous edition. */
            before: count.describe('Excerpts coded to it or its subthemes in the previous edition.'),
            /** Excerpts coded to it, or to its subthemes, in this edition. */
            after: count.describe('Excerpts coded to it or its subthemes in this edition.'),
          }),
        )
        .describe('Excerpts per theme, before and after.'),
      /** Excerpts per session. */
      sessions: z
        .array(
          z.strictObject({
            /** The session number, or null for excerpts the study does not place. */
            session: z.int().positive().nullable().describe('The session number, or null for excerpts the study does not place.'),
            /** Its excerpts in the previous edition. */
            before: count.describe('Its excerpts in the previous edition.'),
            /** Its excerpts in this edition. */
            after: count.describe('Its excerpts in this edition.'),
          }),
        )
        .describe('Excerpts per session, before and after.'),
    })
    .describe('Excerpt counts before and after.'),
});

/** `content/history/<id>.json` (optional folder): one recorded edition of the coding and what it changed. */
export const EditionSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Stable identifier and page anchor; by convention the file name. */
  id: SlugSchema.describe('Stable identifier and anchor on the coding-history page; by convention the file name without .json.'),
  /** What the edition is called, e.g. "Second coding". */
  label: TextSchema.describe('What the edition is called on the site, e.g. "Second coding".'),
  /** The day the edition was published or recorded. */
  date: z.iso.date({ error: 'a date written YYYY-MM-DD, e.g. "2025-03-14"' }).describe('The day the edition was published or recorded, written YYYY-MM-DD.'),
  /** What the recoding was about, in the researcher's words. */
  summary: TextSchema.optional().describe("What the recoding was about, in the researcher's words; blank lines separate paragraphs."),
  /** What the changes were computed against. */
  comparedWith: TextSchema.optional().describe('What the changes were computed against, e.g. "git 3f2a1c9" (written by npm run diff -- --record).'),
  /** What the coding changed against the previous edition. */
  changes: CodingChangesSchema.describe('What the coding changed against the previous edition: the JSON `npm run diff -- --json` prints.'),
});

/** Whether any code or excerpt changed; the counts follow from those. */
export function hasCodingChanges(changes: CodingChanges): boolean {
  return [...Object.values(changes.codes), ...Object.values(changes.excerpts)].some((list) => list.length > 0);
}

export type HistoryCode = z.output<typeof HistoryCodeSchema>;
export type HistoryExcerpt = z.output<typeof HistoryExcerptSchema>;
export type CodingChanges = z.output<typeof CodingChangesSchema>;
export type Edition = z.output<typeof EditionSchema>;
