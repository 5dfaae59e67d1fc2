import { z } from 'zod';
import { SchemaRefSchema, TextSchema } from './common.ts';

/** A place in this edition where an item is addressed. */
export const ReportedWhereSchema = z.strictObject({
  /** A path inside the site, as `<SiteLink path>` takes it, with an optional #section. */
  path: z
    .string()
    .regex(/^(?![a-z][a-z0-9+.-]*:)(?!\/)[^\s]*$/i, 'a path inside the site without a leading slash, e.g. "chapters/method/#ethics"')
    .describe('A page of this edition, as a path inside the site without a leading slash, e.g. "chapters/method/#ethics" or "appendices/procedure/".'),
  /** What the link says, e.g. "Method › Ethics". */
  label: TextSchema.describe('What the link says, e.g. "Method › Ethics".'),
});

/** The answer to one checklist item. */
export const ReportingItemSchema = z.strictObject({
  /** The item's number in the checklist (COREQ 1–32, SRQR 1–21). */
  item: z.int().positive().describe('The item’s number in the checklist: 1–32 for COREQ, 1–21 for SRQR.'),
  /** Whether the publication reports it. */
  status: z
    .enum(['reported', 'partly', 'not-reported', 'not-applicable'])
    .describe('Whether the publication reports it: "reported", "partly" (some of what the item asks), "not-reported", or "not-applicable" to this study.'),
  /** What the publication says, in our own words; for "not-reported", optional (e.g. that the publication says so). */
  answer: TextSchema.optional().describe('What the publication reports, in our own words. Required unless the status is "not-reported".'),
  /** Where the publication reports it, e.g. "Methods". */
  inWork: TextSchema.optional().describe('Where the publication itself reports it, e.g. "Methods" or "Appendix A".'),
  /** Where this edition addresses it. */
  where: z.array(ReportedWhereSchema).default([]).describe('Where this edition addresses it: one or more pages. Required when the status is "reported" or "partly".'),
});

/** `reporting.json` (optional): a reporting checklist answered for the study, shown as an appendix. */
export const ReportingSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Which checklist: COREQ (Tong et al., 2007) or SRQR (O'Brien et al., 2014). */
  checklist: z.enum(['coreq', 'srqr']).describe('Which checklist the study answers: "coreq" (32 items; Tong, Sainsbury & Craig, 2007) or "srqr" (21 items; O’Brien et al., 2014).'),
  /** One answer per item of the checklist, each item once. */
  items: z.array(ReportingItemSchema).min(1).describe('One answer per item of the checklist, every item once, in any order.'),
});

export type Reporting = z.output<typeof ReportingSchema>;
export type ReportingItem = z.output<typeof ReportingItemSchema>;
