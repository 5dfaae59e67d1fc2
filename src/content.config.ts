/**
 * The prose of a study: chapters and teaching pages are MDX in the study folder, loaded
 * by Astro's content layer, against the same frontmatter schemas `npm run check` uses.
 * Coded data (JSON) goes through src/study instead. Both folders are optional; pages read
 * them through src/site/prose-entries.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { ChapterFrontmatterSchema, TeachingFrontmatterSchema } from './study/schemas/prose.ts';

const studyDir = resolve(process.env.STUDY_DIR ?? 'content');

/**
 * Astro's glob loader warns that its base directory does not exist; a study without
 * teaching pages is complete as it is, so an absent folder loads as no entries, silently.
 */
function optionalFolder(base: string): Loader {
  const files = glob({ pattern: '*.mdx', base });
  return {
    name: 'casebook-optional-folder',
    load: async (context) => {
      if (existsSync(base)) return files.load(context);
      context.store.clear();
    },
  };
}

const chapters = defineCollection({
  loader: optionalFolder(resolve(studyDir, 'chapters')),
  schema: ChapterFrontmatterSchema,
});

const teaching = defineCollection({
  loader: optionalFolder(resolve(studyDir, 'teaching')),
  schema: TeachingFrontmatterSchema,
});

export const collections = { chapters, teaching };
