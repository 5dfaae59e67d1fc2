import { z } from 'zod';
import { SchemaRefSchema, TextSchema } from './common.ts';

/** A sub-item of a sub-item, e.g. "i. The back, neck, and shoulders". */
export const ProcedureSubItemSchema = z.strictObject({
  /** Its printed label, e.g. "i". */
  label: TextSchema.describe('Its printed label, e.g. "i".'),
  /** The text, verbatim. */
  text: TextSchema.describe('The text, verbatim.'),
});

/** A lettered sub-item of a step, e.g. "a. During the interview…". */
export const ProcedureItemSchema = z.strictObject({
  /** Its printed label, e.g. "a". */
  label: TextSchema.describe('Its printed label, e.g. "a".'),
  /** The text, verbatim. */
  text: TextSchema.describe('The text, verbatim.'),
  /** Its numbered sub-items, verbatim. */
  items: z.array(ProcedureSubItemSchema).default([]).describe('Its sub-items, verbatim.'),
});

/** A numbered step of the data-collection protocol. */
export const ProcedureStepSchema = z.strictObject({
  /** Step number as printed. */
  number: z.int().positive().describe('Step number as printed.'),
  /** The text, verbatim. */
  text: TextSchema.describe('The text, verbatim.'),
  /** Lettered sub-items, verbatim. */
  items: z.array(ProcedureItemSchema).default([]).describe('Lettered sub-items, verbatim.'),
});

/** `content/procedure.json`: the data-collection protocol, quoted verbatim. */
export const ProcedureSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** The heading as printed. */
  heading: TextSchema.describe('The heading as printed.'),
  /** Steps in order. */
  steps: z.array(ProcedureStepSchema).min(1).describe('Steps in order.'),
  /** Notes on how the protocol was reconstructed from the source. */
  notes: z.array(TextSchema).default([]).describe('How the protocol was reconstructed from the source.'),
});

export type Procedure = z.output<typeof ProcedureSchema>;
export type ProcedureStep = z.output<typeof ProcedureStepSchema>;
