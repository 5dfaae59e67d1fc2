/**
 * The study in Astro's content layer. Its prose: chapters and teaching pages are MDX in
 * the study folder, against the same frontmatter schemas `npm run check` uses; both folders
 * are optional, and pages read them through src/site/prose-entries.ts. Its coded data: the
 * whole study folder, validated and cross-checked as one (src/study/content-loader.ts);
 * pages read it through src/study/index.ts.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { studyLoader } from './study/content-loader.ts';
import { ChapterFrontmatterSchema, TeachingFrontmatterSchema } from './study/schemas/prose.ts';

const studyDir = resolve(process.env.STUDY_DIR ?? 'content');

/**
 * Astro's glob loader warns that its base directory does not exist; a study without
 * teaching pages is complete as it is, so an absent folder loads as no entries, silently.
 * Astro keeps the content store between builds, and the glob loader reuses an entry whose
 * contents are unchanged with the file path it was first read from: after a build of
 * another copy of a study, a chapter would be rendered from the other copy (or from a
 * folder since deleted). Entries read from outside this study folder are forgotten first.
 */
function optionalFolder(base: string): Loader {
  const files = glob({ pattern: '*.mdx', base });
  return {
    name: 'casebook-optional-folder',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      for (const [id, entry] of context.store.entries()) {
        const from = entry.filePath === undefined ? undefined : relative(base, resolve(root, entry.filePath));
        if (from === undefined || from.startsWith('..') || isAbsolute(from)) context.store.delete(id);
      }
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

const study = defineCollection({ loader: studyLoader(studyDir) });

export const collections = { chapters, teaching, study };
