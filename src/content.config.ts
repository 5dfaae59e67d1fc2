/**
 * The prose of a study: chapters and teaching pages are MDX in the study folder, loaded
 * by Astro's content layer. Coded data (JSON) goes through src/study instead.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolve } from 'node:path';

const studyDir = resolve(process.env.STUDY_DIR ?? 'content');

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: resolve(studyDir, 'chapters') }),
  schema: z.strictObject({
    /** Heading and page title. */
    title: z.string().min(1),
    /** One sentence for the page description and lists. */
    description: z.string().min(1),
    /** Position in the reading order (overview first). */
    order: z.int().positive(),
  }),
});

const teaching = defineCollection({
  loader: glob({ pattern: '*.mdx', base: resolve(studyDir, 'teaching') }),
  schema: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    order: z.int().positive(),
    /** What kind of teaching page it is, which decides where it is listed. */
    kind: z.enum(['hub', 'lesson-plan', 'vignette', 'module', 'questions', 'course-pack']),
    /** Excerpt ids the page builds on; checked at build time. */
    excerpts: z.array(z.string()).default([]),
    /** Codes the page is about; checked at build time. */
    codes: z.array(z.string()).default([]),
  }),
});

export const collections = { chapters, teaching };
