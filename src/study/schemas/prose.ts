/**
 * Frontmatter of the study's prose: `chapters/*.mdx` and `teaching/*.mdx`. Astro's content
 * collections and `npm run check` validate against these same schemas, so the build never
 * finds a frontmatter problem the check missed.
 */
import { z } from 'zod';

export const ChapterFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('Heading and page title.'),
    description: z.string().min(1).describe('One sentence for the page description and lists.'),
    order: z.int().positive().describe('Position in the reading order (1 comes first).'),
  })
  .describe('Frontmatter of a chapter (chapters/*.mdx).');

export const teachingKinds = ['hub', 'lesson-plan', 'vignette', 'module', 'questions', 'course-pack'] as const;

export const TeachingFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('Heading and page title.'),
    description: z.string().min(1).describe('One sentence for the page description and lists.'),
    order: z.int().positive().describe('Position among the teaching pages (1 comes first).'),
    kind: z
      .enum(teachingKinds)
      .describe(
        'What kind of teaching page it is, which decides where it is listed: hub (the teaching front page), lesson-plan, vignette (a case built on excerpts), module, questions, course-pack.',
      ),
    excerpts: z.array(z.string()).default([]).describe('Excerpt ids the page builds on.'),
    codes: z.array(z.string()).default([]).describe('Codes (themes or subthemes, e.g. "2.1") the page is about.'),
  })
  .describe('Frontmatter of a teaching page (teaching/*.mdx).');

export type ChapterFrontmatter = z.output<typeof ChapterFrontmatterSchema>;
export type TeachingFrontmatter = z.output<typeof TeachingFrontmatterSchema>;
