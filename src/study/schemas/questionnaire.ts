import { z } from 'zod';
import { IdSchema, SchemaRefSchema, TextSchema } from './common.ts';

/** One question, quoted verbatim, with the sub-items printed under it. */
export const QuestionSchema = z.strictObject({
  /** The question as printed. */
  text: TextSchema.describe('The question, verbatim.'),
  /** Sub-items printed under the question, verbatim, e.g. "Welcome or unwelcome?". */
  items: z.array(TextSchema).default([]).describe('Sub-items printed under the question, verbatim.'),
});

/** A block of questions for one respondent and one scope, as a heading of the appendix groups them. */
export const QuestionGroupSchema = z.strictObject({
  /** Unique id, e.g. "nurse-all" or "caller-call-3". */
  id: IdSchema.describe('Unique id, e.g. "nurse-all" or "caller-call-3".'),
  /** Participant id of who answers. */
  respondent: IdSchema.describe('Participant id of who answers, e.g. "caller".'),
  /** "all" for every unit, or the number of the unit the questions were added for. */
  scope: z.union([z.literal('all'), z.int().positive()]).describe('"all" for questions asked at every unit (session, interview…), or the number of the unit they were added for.'),
  /** The heading as printed, e.g. "Client Questions—All Sessions". */
  heading: TextSchema.describe('The heading as printed.'),
  /** Questions in printed order. */
  questions: z.array(QuestionSchema).min(1).describe('Questions in printed order.'),
  /** How the grouping was reconstructed where the source is ambiguous. */
  note: TextSchema.optional().describe('How the grouping was reconstructed, where the source is ambiguous.'),
});

/** `content/questionnaires.json`: questionnaires the participants answered. */
export const QuestionnairesSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** What the questionnaires were for, in our words. */
  introduction: TextSchema.describe('What the questionnaires were for, in our words.'),
  /** Question groups in printed order. */
  groups: z.array(QuestionGroupSchema).min(1).describe('Question groups in printed order.'),
});

export type Questionnaires = z.output<typeof QuestionnairesSchema>;
export type QuestionGroup = z.output<typeof QuestionGroupSchema>;
export type Question = z.output<typeof QuestionSchema>;
