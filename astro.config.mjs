// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { refreshContentStore, watchStudy } from './src/study/vite-watch.ts';

// Deployment is configured from the environment so one build recipe serves any host:
// CASEBOOK_SITE is the absolute origin, CASEBOOK_BASE the sub-path the site lives under.
const site = process.env.CASEBOOK_SITE ?? 'https://casebook.example.org';
const base = process.env.CASEBOOK_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.CASEBOOK_OUT_DIR ?? 'dist',
  integrations: [mdx(), sitemap()],
  markdown: {
    // Astro 7 defaults to its native Markdown engine, which would skip our remark/rehype
    // plugins. SmartyPants is off because it rewrites quotes and dashes, which would
    // silently alter quoted participants' words and CA notation.
    processor: unified({ remarkPlugins: [(await import('./src/ca/remark-ca.ts')).default], rehypePlugins: [], smartypants: false }),
  },
  // Rendering several pages at once overlaps one page's file writes with the next page's
  // rendering: about a fifth faster on the 1,000-excerpt benchmark study; 8 was no better.
  build: { format: 'directory', concurrency: 4 },
  // Edits to coded-data JSON and to MDX prose show in `npm run dev` without a restart.
  vite: { plugins: [watchStudy(process.env.STUDY_DIR ?? 'content'), refreshContentStore()] },
});
