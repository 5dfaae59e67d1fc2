/**
 * Frontmatter of the study's prose: `chapters/*.mdx` and `teaching/*.mdx`. Astro's content
 * collections and `npm run check` validate against these same schemas, so the build never
 * finds a frontmatter problem the check missed.
 */
import { z } from 'zod';
import { FacilitatorNotesSchema } from './discussion.ts';

export const ChapterFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('Heading and page title.'),
    description: z.string().min(1).describe('One sentence for the page description and lists.'),
    order: z.int().positive().describe('Position in the reading order (1 comes first).'),
  })
  .describe('Frontmatter of a chapter (chapters/*.mdx).');

export const teachingKinds = ['hub', 'lesson-plan', 'vignette', 'module', 'questions', 'course-pack'] as const;

const TeachingQuestionSchema = z.strictObject({
  text: z.string().min(1).describe('The question as students read it (plain text).'),
  facilitator: FacilitatorNotesSchema.optional().describe('Notes for whoever leads the discussion.'),
});

const ActivitySchema = z.strictObject({ title: z.string().min(1), minutes: z.int().positive() }).describe('One timed step of a lesson plan.');

const RubricCriterionSchema = z
  .strictObject({
    criterion: z.string().min(1),
    levels: z
      .array(z.strictObject({ label: z.string().min(1), description: z.string().min(1) }))
      .min(2)
      .describe('Levels from best to weakest.'),
  })
  .describe('One criterion of the rubric for a lesson plan’s written task.');

export const TeachingFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('Heading and page title.'),
    description: z.string().min(1).describe('One sentence for the page description and lists.'),
    order: z.int().positive().describe('Position among the teaching pages (1 comes first).'),
    kind: z
      .enum(teachingKinds)
      .describe('What kind of teaching page it is, which decides where it is listed: hub (the teaching front page), lesson-plan, vignette (a case built on excerpts), module, questions, course-pack.'),
    excerpts: z.array(z.string()).default([]).describe('Excerpt ids the page builds on.'),
    codes: z.array(z.string()).default([]).describe('Codes (themes or subthemes, e.g. "2.1") the page is about.'),
    minutes: z.int().positive().optional().describe('Class time the page needs, in minutes; shown on the hub’s card and the page.'),
    objectives: z.array(z.string().min(1)).default([]).describe('What students can do afterwards, one sentence each; shown on the hub’s card and the page.'),
    questions: z.array(TeachingQuestionSchema).default([]).describe('Questions for students; `<Questions page="…" />` prints them. Facilitator notes are never shown to students.'),
    activities: z.array(ActivitySchema).default([]).describe('A lesson plan’s timed steps, in order; with `minutes` they must add up to it.'),
    task: z.string().min(1).optional().describe('The written task a lesson plan sets.'),
    rubric: z.array(RubricCriterionSchema).default([]).describe('How to mark the written task, criterion by criterion; needs `task`.'),
  })
  .superRefine((data, context) => {
    const total = data.activities.reduce((sum, step) => sum + step.minutes, 0);
    if (data.minutes !== undefined && data.activities.length > 0 && total !== data.minutes) {
      context.addIssue({ code: 'custom', path: ['activities'], message: `The activities add up to ${total} minutes but \`minutes\` is ${data.minutes}: make them agree.` });
    }
    if (data.rubric.length > 0 && data.task === undefined) {
      context.addIssue({ code: 'custom', path: ['task'], message: 'A rubric needs the written task it marks: add `task`.' });
    }
  })
  .describe('Frontmatter of a teaching page (teaching/*.mdx).');

export type ChapterFrontmatter = z.output<typeof ChapterFrontmatterSchema>;
export type TeachingFrontmatter = z.output<typeof TeachingFrontmatterSchema>;
