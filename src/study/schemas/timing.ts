import { z } from 'zod';
import { IdSchema, TextSchema } from './common.ts';

/** How a phase without sub-phases is filled in the phases chart. */
export const ShadingSchema = z.enum(['light', 'dark', 'hatched']).describe('How the phases chart fills it: "light", "dark" or "hatched" (drawn as stripes, e.g. for silence).');

export interface PhaseInput {
  id: string;
  label: string;
  short?: string | undefined;
  legend?: string | undefined;
  shading?: z.input<typeof ShadingSchema> | undefined;
  note?: string | undefined;
  children?: PhaseInput[] | undefined;
}

/** A timed phase of a unit; its sub-phases, if any, add up to it. */
export const PhaseSchema = z.strictObject({
  /** Key of its duration in each unit's "durations", e.g. "opening". */
  id: IdSchema.describe('Key of its duration in each unit\'s "durations", e.g. "opening".'),
  /** Row label as the study prints it, e.g. "Opening of the call". */
  label: TextSchema.describe('Row label as the study prints it, e.g. "Opening of the call".'),
  /** A short name for the chart's bar, e.g. "Open"; the label when omitted. */
  short: TextSchema.optional().describe('A short name written inside the chart\'s bar, e.g. "Open"; the label is used when omitted.'),
  /** Legend entry; phases with the same legend text share one entry. */
  legend: TextSchema.optional().describe('Its legend entry on the chart; phases with the same text share one entry. The label is used when omitted.'),
  /** Fill on the chart (phases without sub-phases only). */
  shading: ShadingSchema.default('dark'),
  /** A footnote to its row, e.g. how it was measured. */
  note: TextSchema.optional().describe('A footnote to its row, e.g. how it was measured.'),
  /** Sub-phases in order; their durations must add up to this phase's. */
  get children() {
    return z.array(PhaseSchema).default([]).describe("Sub-phases in order; each unit's durations of them must add up to this phase's.");
  },
});

/** `study.json` "timing": the phases in which the study gives each unit's durations. */
export const TimingSchema = z.strictObject({
  /** A sentence shown with the durations chart, e.g. how sub-phases were measured. */
  note: TextSchema.optional().describe('A sentence shown with the durations chart, e.g. "Talk and silence are totals within the interview, not the order in which they happened."'),
  /** Top-level phases in order. */
  phases: z.array(PhaseSchema).min(1).describe('Top-level phases in the order they happen; nest sub-phases under "children".'),
  /** A total row: each unit gives it, and it must equal the sum of the top-level phases. */
  total: z
    .strictObject({
      /** Key of the total in each unit's "durations", e.g. "total". */
      id: IdSchema.describe('Key of the total in each unit\'s "durations", e.g. "total".'),
      /** Row label, e.g. "Total". */
      label: TextSchema.describe('Row label, e.g. "Total".'),
      /** A footnote to the row. */
      note: TextSchema.optional().describe('A footnote to the row.'),
    })
    .optional()
    .describe('A printed total row; each unit then gives it, and it must equal the sum of the top-level phases.'),
});

export type Phase = z.output<typeof PhaseSchema>;
export type Timing = z.output<typeof TimingSchema>;
