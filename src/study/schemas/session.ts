import { z } from 'zod';
import { DurationSchema, IdSchema, SchemaRefSchema, TextSchema } from './common.ts';

/** The rows of the session durations table (Appendix B), in printed order. */
export const durationKeys = ['preTreatment', 'treatment', 'talk', 'silence', 'postTreatment', 'total'] as const;
export type DurationKey = (typeof durationKeys)[number];

/** Row labels as the durations table prints them. */
export const durationLabels: Record<DurationKey, string> = {
  preTreatment: 'Pre-treatment assessment',
  treatment: 'Treatment',
  talk: 'Talk',
  silence: 'Silence',
  postTreatment: 'Post-treatment assessment',
  total: 'Total',
};

export const DurationsSchema = z.strictObject({
  /** Pre-treatment assessment. */
  preTreatment: DurationSchema.describe('Pre-treatment assessment, mm:ss.'),
  /** Treatment (= talk + silence). */
  treatment: DurationSchema.describe('Treatment, mm:ss; must equal talk + silence.'),
  /** Talk during treatment. */
  talk: DurationSchema.describe('Talk during treatment, mm:ss.'),
  /** Silence during treatment. */
  silence: DurationSchema.describe('Silence during treatment, mm:ss.'),
  /** Post-treatment assessment. */
  postTreatment: DurationSchema.describe('Post-treatment assessment, mm:ss.'),
  /** Whole session (= pre-treatment + treatment + post-treatment). */
  total: DurationSchema.describe('Whole session, mm:ss; must equal pre-treatment + treatment + post-treatment.'),
});

const phase = z
  .enum(['pre-treatment', 'treatment', 'post-treatment'])
  .describe('Phase of the session the row belongs to.');

/** A row of the treatment-sequence table: a body region or stage, what was done, what was talked about. */
export const SegmentRowSchema = z.strictObject({
  kind: z.literal('segment'),
  /** Unique within the session; excerpts placed on this step refer to it. */
  id: IdSchema.describe('Unique within the session; an excerpt placed on this step refers to it.'),
  /** Phase of the session. */
  phase,
  /** The "Treatment Sequence" cell as printed, e.g. "Lower back/hips". */
  label: TextSchema.describe('The "Treatment Sequence" cell as printed, e.g. "Lower back/hips".'),
  /** The "Actions" cell, one entry per printed item, e.g. ["Effleurage", "petrissage"]. */
  actions: z.array(TextSchema).describe('The "Actions" cell, one entry per printed item.'),
  /** The "Topics of Discussion" cell, one entry per printed item ("As above" kept as printed). */
  topics: z.array(TextSchema).describe('The "Topics of Discussion" cell, one entry per printed item; "As above" kept as printed.'),
  /** A note on how this row was reconstructed from the source. */
  note: TextSchema.optional().describe('How this row was reconstructed, where the source is ambiguous.'),
});

/** A row printed across the table, marking something that happens between segments. */
export const EventRowSchema = z.strictObject({
  kind: z.literal('event'),
  /** Unique within the session. */
  id: IdSchema.describe('Unique within the session.'),
  /** Phase of the session. */
  phase,
  /** The text as printed, e.g. "The Client turns over". */
  label: TextSchema.describe('The text as printed, e.g. "The Client turns over".'),
  /** A note on how this row was reconstructed from the source. */
  note: TextSchema.optional().describe('How this row was reconstructed, where the source is ambiguous.'),
});

export const SequenceRowSchema = z.discriminatedUnion('kind', [SegmentRowSchema, EventRowSchema]);

/** `content/sessions/<n>.json`: one filmed massage session. */
export const SessionSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** 1, 2, 3… in the order the sessions took place. */
  number: z.int().positive().describe('1, 2, 3… in the order the sessions took place.'),
  /** Title for headings, e.g. "Session 1". */
  title: TextSchema.describe('Title for headings, e.g. "Session 1".'),
  /** How the article characterises the session, in our own words. */
  summary: TextSchema.describe('How the article characterises the session, in our own words.'),
  /** The session's column of the durations table. */
  durations: DurationsSchema.describe("The session's column of the durations table."),
  /** The treatment-sequence table, rows in printed order. */
  sequence: z.array(SequenceRowSchema).min(1).describe('The treatment-sequence table, rows in printed order.'),
  /** Notes on the reconstruction of this session's tables. */
  notes: z.array(TextSchema).default([]).describe("Notes on the reconstruction of this session's tables."),
});

export type Session = z.output<typeof SessionSchema>;
export type SequenceRow = z.output<typeof SequenceRowSchema>;
export type SegmentRow = z.output<typeof SegmentRowSchema>;
export type Durations = z.output<typeof DurationsSchema>;
