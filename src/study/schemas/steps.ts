import { z } from 'zod';
import { IdSchema, TextSchema } from './common.ts';

/** The shapes a category's mark can take on the step chart. */
export const markShapes = ['circle', 'square', 'diamond', 'triangle', 'wye', 'star', 'cross', 'times'] as const;

/** A category of a step-table column: the values it stands for and how the chart marks it. */
export const StepCategorySchema = z.strictObject({
  /** Stable key, e.g. "open-question". */
  id: IdSchema.describe('Stable key, e.g. "open-question".'),
  /** Name in legends and tables, e.g. "Open question". */
  label: TextSchema.describe('Name in legends and tables, e.g. "Open question".'),
  /** Cell values that belong to it, compared whole and ignoring case. */
  values: z.array(TextSchema).min(1).describe('Printed cell values that belong to it, compared whole and ignoring case; a value matching no category stays text.'),
  /** Mark on the chart (columns drawn as "marks"). */
  shape: z
    .enum(markShapes)
    .optional()
    .describe(`Its mark on the chart in a "marks" column: ${markShapes.join(', ')}.`),
  /** Fill of its band (columns drawn as "band"). */
  shading: z.enum(['solid', 'hatched', 'sparse']).optional().describe('Its fill in a "band" column: "solid", "hatched" or "sparse" (wider stripes).'),
});

/** A column of the step table. */
export const StepColumnSchema = z.strictObject({
  /** Key of the column in each row's "cells", e.g. "topics". */
  id: IdSchema.describe('Key of the column in each row\'s "cells", e.g. "topics".'),
  /** Heading as the study prints it, e.g. "Topics of Discussion". */
  heading: TextSchema.describe('Heading as the study prints it, e.g. "Topics of Discussion".'),
  /** A short heading for the chart's narrow column, e.g. "Topics". */
  short: TextSchema.optional().describe('A short heading for the chart, e.g. "Topics"; the heading when omitted.'),
  /** What the chart's legend calls the categories, e.g. "Techniques". */
  legend: TextSchema.optional().describe('What the chart\'s legend calls the column\'s categories, e.g. "Activities"; the heading when omitted.'),
  /** How the chart draws it. */
  display: z
    .enum(['text', 'marks', 'band'])
    .default('text')
    .describe('"text": values as text; "marks": a shaped mark per category (other values as notes); "band": values as text beside a band filled by category.'),
  /** Categories, in legend order. */
  categories: z.array(StepCategorySchema).default([]).describe('Categories of its values, in legend order.'),
  /** The band's name for values in no category, e.g. "Talk" ("band" columns). */
  otherLabel: TextSchema.optional().describe('"band" columns: the legend name of values in no category, e.g. "Talk".'),
  /** Printed values meaning "the same as the row above", e.g. "As above". */
  continuation: z.array(TextSchema).default([]).describe('Printed values meaning "the same as the row above", e.g. "As above"; the chart carries the row above down.'),
});

/** A group of step rows, e.g. the parts of a call; rows name it in "phase". */
export const StepPhaseSchema = z.strictObject({
  /** Key used by rows' "phase". */
  id: IdSchema.describe('Key used by rows\' "phase".'),
  /** Name shown over its rows. */
  label: TextSchema.describe('Name shown over its rows.'),
});

/** `study.json` "steps": the columns of the per-unit step table. */
export const StepTableSchema = z.strictObject({
  /** What the table is called, e.g. "Call sequence". */
  title: TextSchema.describe('What the table is called, e.g. "Call sequence".'),
  /** Heading of the first column (each row's label) as printed. */
  labelHeading: TextSchema.describe('Heading of the first column (each row\'s label) as printed, e.g. "Stage".'),
  /** What a row's label names, for the chart's data table. */
  labelName: TextSchema.optional().describe('What a row\'s label names, e.g. "Stage of the call", for the chart\'s data table; the heading when omitted.'),
  /** Groups of rows in order; omit when rows are not grouped. */
  phases: z.array(StepPhaseSchema).default([]).describe('Groups of rows, in order; omit when rows are not grouped.'),
  /** The columns after the label, in printed order. */
  columns: z.array(StepColumnSchema).default([]).describe('The columns after the label, in printed order.'),
  /** What the study says about the table's timing, e.g. that it gives order, not durations. */
  note: TextSchema.optional().describe('A sentence shown with the table, e.g. that it gives the order of steps but not their durations.'),
});

export type StepCategory = z.output<typeof StepCategorySchema>;
export type StepColumn = z.output<typeof StepColumnSchema>;
export type StepTable = z.output<typeof StepTableSchema>;
