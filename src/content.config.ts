/**
 * The prose of a study: chapters and teaching pages are MDX in the study folder, loaded
 * by Astro's content layer, against the same frontmatter schemas `npm run check` uses.
 * Coded data (JSON) goes through src/study instead.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterFrontmatterSchema, TeachingFrontmatterSchema } from './study/schemas/prose.ts';
import { resolve } from 'node:path';

const studyDir = resolve(process.env.STUDY_DIR ?? 'content');

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: resolve(studyDir, 'chapters') }),
  schema: ChapterFrontmatterSchema,
});

const teaching = defineCollection({
  loader: glob({ pattern: '*.mdx', base: resolve(studyDir, 'teaching') }),
  schema: TeachingFrontmatterSchema,
});

export const collections = { chapters, teaching };
