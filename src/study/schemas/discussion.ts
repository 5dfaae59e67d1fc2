import { z } from 'zod';
import { CodeSchema, SchemaRefSchema, SlugSchema, TextSchema } from './common.ts';

/**
 * What whoever leads the discussion of one question needs: shown on instructors' pages and
 * in the course pack, never on a student handout. Shared by discussion.json and the
 * questions of teaching pages.
 */
export const FacilitatorNotesSchema = z
  .strictObject({
    listenFor: z.array(z.string().min(1)).min(1).describe('What to listen for in students’ answers.'),
    modelAnswer: z.string().min(1).describe('A model answer in our own words, grounded in the study’s interpretation.'),
    source: z.string().min(1).describe('Where in the study the model answer comes from, e.g. "Findings › 1.2 Mending".'),
    misreadings: z.array(z.string().min(1)).default([]).describe('Readings students often arrive at that the data do not support.'),
  })
  .describe('Notes for whoever leads the discussion of a question; never shown to students.');

/** One question for class discussion, optionally grounded in excerpts. */
export const DiscussionQuestionSchema = z.strictObject({
  /** The question, in our own words. */
  text: TextSchema.describe('The question, in our own words.'),
  /** Ids of excerpts the question asks students to look at; checked against excerpts/. */
  excerpts: z.array(SlugSchema).default([]).describe('Ids of excerpts the question asks students to read; each must exist in excerpts/.'),
  /** Notes for the instructor leading the discussion. */
  facilitator: FacilitatorNotesSchema.optional(),
});

/** The questions for one theme or subtheme. */
export const DiscussionTopicSchema = z.strictObject({
  /** A code from codebook.json, theme ("1.0") or subtheme ("1.1"). */
  code: CodeSchema.describe('A code from codebook.json: a theme ("1.0") or a subtheme ("1.1").'),
  /** Questions in the order they should be asked. */
  questions: z.array(DiscussionQuestionSchema).min(1).describe('Questions in the order they should be asked.'),
});

/** `content/discussion.json` (optional): discussion questions for teaching, per theme and subtheme. */
export const DiscussionSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** One entry per code, in any order (the site follows the codebook). */
  topics: z.array(DiscussionTopicSchema).describe('One entry per theme or subtheme, in any order; the site follows the codebook.'),
});

export type DiscussionQuestion = z.output<typeof DiscussionQuestionSchema>;
export type FacilitatorNotes = z.output<typeof FacilitatorNotesSchema>;
export type DiscussionTopic = z.output<typeof DiscussionTopicSchema>;
export type Discussion = z.output<typeof DiscussionSchema>;
