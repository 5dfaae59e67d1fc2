import { z } from 'zod';
import { TextSchema } from './common.ts';

/** One row of the conventions table a study printed. */
export const PrintedConventionSchema = z.strictObject({
  /** Id of the generator's symbol it corresponds to, e.g. "overlap-onset" (see the transcription-conventions page). */
  symbol: z.string().min(1).describe('Id of the generator\'s symbol it corresponds to, e.g. "overlap-onset"; the full list is on the site\'s transcription-conventions page and in docs/.'),
  /** The symbol as the study printed it, e.g. "(2.0)". */
  printed: TextSchema.describe('The symbol as the study printed it, e.g. "(2.0)".'),
  /** The study's own gloss, quoted. */
  meaning: TextSchema.describe("The study's own gloss, quoted."),
});

/** `study.json` "conventions": the transcription conventions table the study printed. */
export const ConventionsSchema = z.strictObject({
  /** Caption as printed, e.g. "Table 1. Transcription conventions". */
  caption: TextSchema.describe('Caption as printed, e.g. "Table 1. Transcription conventions".'),
  /** Anything the reader should know about how the table was reproduced. */
  note: TextSchema.optional().describe('Anything a reader should know about how the table was reproduced, e.g. that underlining was lost.'),
  /** Rows in printed order. */
  rows: z.array(PrintedConventionSchema).min(1).describe('Rows in printed order.'),
});

export type Conventions = z.output<typeof ConventionsSchema>;
export type PrintedConvention = z.output<typeof PrintedConventionSchema>;
