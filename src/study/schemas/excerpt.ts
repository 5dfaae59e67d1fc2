import { z } from 'zod';
import { CodeSchema, IdSchema, NotLoudSchema, SchemaRefSchema, SlugSchema, TextSchema } from './common.ts';
import { silenceLine } from '../../ca/line-grammar.ts';

/** The number the source prints on a line; later lines without one count on from it. */
export const LineNumberSchema = z
  .int()
  .positive()
  .describe(
    'The line number the source prints on this line (e.g. 95), where the source numbers its lines; a line without one counts on from the line before, so the first line’s number is enough unless the source skips numbers. Each number must be higher than the line before it. Omit on every line to number the excerpt from 1.',
  );

/** A speaker's turn, or the continuation of one on a new printed line when `speaker` is absent. */
export const TurnLineSchema = z.strictObject({
  kind: z.literal('turn'),
  /** Participant id of the speaker; omit when the line continues the previous speaker's turn unlabelled. */
  speaker: IdSchema.optional().describe("Participant id of the speaker; omit when the line continues the previous speaker's turn, printed without a label."),
  /** The words in Jefferson notation, exactly as printed (alignment tabs are not kept: the renderer aligns overlaps). */
  text: z.string().min(1).describe('The words in Jefferson notation, exactly as printed; leave out alignment tabs.'),
  /** The source's own number for this line, e.g. 95; absent: one more than the line before (the first line 1). */
  number: LineNumberSchema.optional(),
});

/** A timed silence printed on its own line, e.g. "(5.0)". */
export const SilenceLineSchema = z.strictObject({
  kind: z.literal('silence'),
  /** The pause as printed, e.g. "(35.0)". */
  text: z
    .string()
    .regex(silenceLine, 'a timed pause such as "(5.0)" or "(.7)", optionally with a note "((tannoy))" and a media time "12_34"')
    .describe('The pause as printed, e.g. "(35.0)", "(.7)", "(5.7) ((tannoy))".'),
  /** The source's own number for this line, as on a turn. */
  number: LineNumberSchema.optional(),
});

/** Lines the quoting author left out, printed as a row of dots or "[…]". */
export const OmissionLineSchema = z.strictObject({
  kind: z.literal('omission'),
  /** The marker as printed, e.g. "……………..". */
  text: z.string().min(1).describe('The marker as printed, e.g. "……………..".'),
});

export const LineSchema = z.discriminatedUnion('kind', [TurnLineSchema, SilenceLineSchema, OmissionLineSchema]);

/** `content/excerpts/<id>.json`: one quoted passage (an exchange, a commentary, a note) and how it is coded. */
export const ExcerptSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Stable identifier, also the permalink segment; by convention the file name. */
  id: SlugSchema.describe('Stable identifier and permalink segment; by convention the file name without .json.'),
  /** A short title for lists, e.g. a phrase the participant uses. */
  title: TextSchema.describe('A short title for lists, e.g. a phrase the participant uses.'),
  /** The unit (session, interview…) the study places it in, or null where the study does not say. */
  session: z.int().positive().nullable().describe('Number of the unit (a file in sessions/) the study places it in; null where it does not say (shown as unplaced).'),
  /** Id of the step-table row the study places it on, if it does. */
  step: IdSchema.optional().describe("Id of the row of its unit's step table the study places it on; omit unless the study says."),
  /** Where it comes from: an id of study.json "sources". */
  source: IdSchema.describe('Where it comes from: an id of study.json "sources", e.g. "interview-transcript".'),
  /** The quoted lines, in order. */
  lines: z.array(LineSchema).min(1).describe('The quoted lines, in order.'),
  /** Acronyms this excerpt writes in capitals that are not loud talk, besides the study's own list. */
  notLoud: NotLoudSchema.optional(),
  /** Codes it is coded with; the first is the one under which the study presents it. */
  codes: z.array(CodeSchema).min(1).describe('Codes it is coded with; the first is where the study presents it.'),
  /** What the study says just before quoting it, in our own words. */
  leadIn: TextSchema.optional().describe('What the study says just before quoting it, in our own words.'),
  /** The researcher's interpretation, summarised in our own words. */
  interpretation: TextSchema.optional().describe("The researcher's interpretation, summarised in our own words; omit until it is written (an import from a QDA project without memos leaves it out)."),
  /** Where in the publication it is quoted. */
  article: z
    .strictObject({
      /** Section heading, e.g. "Results › Theme 1 › 1.1". */
      section: TextSchema.optional().describe('Section heading path, e.g. "Findings › Theme 1: Keeping things in circulation › 1.1: Checking returns".'),
      /** Printed page number, where known. */
      page: z.int().positive().optional().describe('Printed page number, where known.'),
      /** Position among the publication's quoted excerpts, 1 for the first: the order readers meet them. */
      order: z.int().positive().optional().describe("Position among the publication's quoted excerpts, 1 for the first; lists follow it."),
    })
    .optional()
    .describe('Where in the publication it is quoted; omit when it is not quoted there.'),
  /** Reconstruction notes: what the text extraction lost, and every uncertain reading. */
  notes: z.array(TextSchema).default([]).describe('What the source extraction lost (e.g. underlining) and every uncertain reading.'),
});

export type Excerpt = z.output<typeof ExcerptSchema>;
export type Line = z.output<typeof LineSchema>;
export type TurnLine = z.output<typeof TurnLineSchema>;
