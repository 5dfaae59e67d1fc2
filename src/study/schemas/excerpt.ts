import { z } from 'zod';
import { CodeSchema, IdSchema, SchemaRefSchema, SlugSchema, TextSchema } from './common.ts';

/** A speaker's turn, or the continuation of one on a new printed line when `speaker` is absent. */
export const TurnLineSchema = z.strictObject({
  kind: z.literal('turn'),
  /** Participant id of the speaker; omit when the line continues the previous speaker's turn unlabelled. */
  speaker: IdSchema.optional().describe("Participant id of the speaker; omit when the line continues the previous speaker's turn, printed without a label."),
  /** The words in Jefferson notation, exactly as printed (alignment tabs are not kept: the renderer aligns overlaps). */
  text: z.string().min(1).describe('The words in Jefferson notation, exactly as printed; leave out alignment tabs.'),
});

/** A timed silence printed on its own line, e.g. "(5.0)". */
export const SilenceLineSchema = z.strictObject({
  kind: z.literal('silence'),
  /** The pause as printed, e.g. "(35.0)". */
  text: z.string().regex(/^\(\d+(?:\.\d+)?\)$/, 'a timed pause such as "(5.0)"').describe('The pause as printed, e.g. "(35.0)".'),
});

/** Lines the quoting author left out, printed as a row of dots or "[…]". */
export const OmissionLineSchema = z.strictObject({
  kind: z.literal('omission'),
  /** The marker as printed, e.g. "……………..". */
  text: z.string().min(1).describe('The marker as printed, e.g. "……………..".'),
});

export const LineSchema = z.discriminatedUnion('kind', [TurnLineSchema, SilenceLineSchema, OmissionLineSchema]);

/** `content/excerpts/<id>.json`: one quoted exchange or commentary and how it is coded. */
export const ExcerptSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Stable identifier, also the permalink segment; by convention the file name. */
  id: SlugSchema.describe('Stable identifier and permalink segment; by convention the file name without .json.'),
  /** A short title for lists, e.g. a phrase the participant uses. */
  title: TextSchema.describe('A short title for lists, e.g. a phrase the participant uses.'),
  /** The session the article places it in, or null where the article does not say. */
  session: z.int().positive().nullable().describe('Session number where the article says which; null where it does not (shown as unplaced).'),
  /** Id of the treatment-sequence row the article places it on, if it does. */
  step: IdSchema.optional().describe('Id of the treatment-sequence row the article places it on; omit unless the article says.'),
  /** Whether it is talk filmed in a session or a participant's commentary on the recording. */
  source: z
    .enum(['session-transcript', 'participant-commentary'])
    .describe('"session-transcript" for filmed talk, "participant-commentary" for what a participant said watching the recording.'),
  /** The quoted lines, in order. */
  lines: z.array(LineSchema).min(1).describe('The quoted lines, in order.'),
  /** Codes it is coded with; the first is the one under which the article presents it. */
  codes: z.array(CodeSchema).min(1).describe('Codes it is coded with; the first is where the article presents it.'),
  /** What the article says just before quoting it, in our own words. */
  leadIn: TextSchema.describe('What the article says just before quoting it, in our own words.'),
  /** The researcher's interpretation, summarised in our own words. */
  interpretation: TextSchema.optional().describe("The researcher's interpretation, summarised in our own words; omit until it is written (an import from a QDA project without memos leaves it out)."),
  /** Where in the article it is quoted. */
  article: z
    .strictObject({
      /** Section heading, e.g. "Results › Theme 1: Separateness › 1.1: Boundaries". */
      section: TextSchema.describe('Section heading path, e.g. "Results › Theme 1: Separateness › 1.1: Boundaries".'),
      /** Printed page number, where known. */
      page: z.int().positive().optional().describe('Printed page number, where known.'),
      /** Position among the article's quoted excerpts, 1 for the first: the order readers meet them. */
      order: z.int().positive().describe("Position among the article's quoted excerpts, 1 for the first; lists follow it."),
    })
    .describe('Where in the article it is quoted.'),
  /** Reconstruction notes: what the text extraction lost, and every uncertain reading. */
  notes: z.array(TextSchema).default([]).describe('What the source extraction lost (e.g. underlining) and every uncertain reading.'),
});

export type Excerpt = z.output<typeof ExcerptSchema>;
export type Line = z.output<typeof LineSchema>;
export type TurnLine = z.output<typeof TurnLineSchema>;
