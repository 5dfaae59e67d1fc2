import { z } from 'zod';
import { DurationSchema, IdSchema, SchemaRefSchema, TextSchema } from './common.ts';

/** A row of the step table: its label and a cell per declared column. */
export const StepRowSchema = z.strictObject({
  kind: z.literal('step'),
  /** Unique within the unit; excerpts placed on this step refer to it. */
  id: IdSchema.describe('Unique within the unit; an excerpt placed on this step refers to it.'),
  /** Id of the group it belongs to, from study.json steps.phases. */
  phase: IdSchema.optional().describe('Id of the group of rows it belongs to, from study.json "steps.phases"; omit when rows are not grouped.'),
  /** The first cell as printed. */
  label: TextSchema.describe('The first cell as printed.'),
  /** A cell per column id from study.json "steps.columns", one entry per printed item; a column left out is an empty cell. */
  cells: z
    .record(IdSchema, z.array(TextSchema))
    .default({})
    .describe('A cell per column id from study.json "steps.columns", one entry per printed item (e.g. {"topics": ["Background of names"]}); a column left out is an empty cell.'),
  /** A note on how this row was reconstructed from the source. */
  note: TextSchema.optional().describe('How this row was reconstructed, where the source is ambiguous.'),
});

/** A row printed across the table, marking something that happens between steps. */
export const EventRowSchema = z.strictObject({
  kind: z.literal('event'),
  /** Unique within the unit. */
  id: IdSchema.describe('Unique within the unit.'),
  /** Id of the group it belongs to, from study.json steps.phases. */
  phase: IdSchema.optional().describe('Id of the group of rows it belongs to, from study.json "steps.phases".'),
  /** The text as printed, e.g. "Second caller joins". */
  label: TextSchema.describe('The text as printed.'),
  /** A note on how this row was reconstructed from the source. */
  note: TextSchema.optional().describe('How this row was reconstructed, where the source is ambiguous.'),
});

export const StepTableRowSchema = z.discriminatedUnion('kind', [StepRowSchema, EventRowSchema]);

/** `content/sessions/<n>.json`: one unit of data collection (what study.json "vocabulary.unit" calls it). */
export const SessionSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** 1, 2, 3… in the order the units took place. */
  number: z.int().positive().describe('1, 2, 3… in the order the units took place.'),
  /** Title for headings, e.g. "Interview 1". */
  title: TextSchema.describe('Title for headings, e.g. "Interview 1".'),
  /** What happened in it, in our own words. */
  summary: TextSchema.optional().describe('What happened in it, in our own words.'),
  /** Its durations, keyed by the phase ids of study.json "timing". */
  durations: z.record(IdSchema, DurationSchema).optional().describe('Its durations (mm:ss), one per phase id of study.json "timing" (and its total, if declared); omit when the study gives none.'),
  /** The step table's rows, in printed order. */
  steps: z.array(StepTableRowSchema).default([]).describe('The rows of its step table, in printed order (columns are declared in study.json "steps").'),
  /** Notes on the reconstruction of this unit's tables. */
  notes: z.array(TextSchema).default([]).describe("Notes on the reconstruction of this unit's tables."),
});

export type Session = z.output<typeof SessionSchema>;
export type StepTableRow = z.output<typeof StepTableRowSchema>;
export type StepRow = z.output<typeof StepRowSchema>;
export type EventRow = z.output<typeof EventRowSchema>;
