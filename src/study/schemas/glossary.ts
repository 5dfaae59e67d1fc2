import { z } from 'zod';
import { IdSchema, SchemaRefSchema, TextSchema } from './common.ts';

/** A term a reader or student may not know. */
export const TermSchema = z.strictObject({
  /** Anchor and link key, e.g. "group-interview". */
  id: IdSchema.describe('Anchor and link key, e.g. "group-interview".'),
  /** The term as shown, e.g. "Countertransference". */
  term: TextSchema.describe('The term as shown.'),
  /** A definition in plain words, our own. */
  definition: TextSchema.describe('A definition in plain words, our own.'),
  /** Other spellings or forms that should link to this term. */
  aliases: z.array(TextSchema).default([]).describe('Other spellings or forms that should link to this term.'),
  /** Ids of related terms. */
  related: z.array(IdSchema).default([]).describe('Ids of related terms.'),
  /** Reference ids that ground the definition. */
  sources: z.array(IdSchema).default([]).describe('Reference ids that ground the definition.'),
});

/** `content/glossary.json`. */
export const GlossarySchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Terms, in any order (the site sorts them). */
  terms: z.array(TermSchema).describe('Terms in any order; the site sorts them.'),
});

export type Term = z.output<typeof TermSchema>;
export type Glossary = z.output<typeof GlossarySchema>;
