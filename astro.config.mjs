// @ts-check
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { coursePackPdf } from './src/site/course-pack-pdf.ts';
import { searchIndex } from './src/site/search-index.ts';

// Deployment is configured from the environment so one build recipe serves any host:
// CASEBOOK_SITE is the absolute origin, CASEBOOK_BASE the sub-path the site lives under.
const site = process.env.CASEBOOK_SITE ?? 'https://casebook.example.org';
const base = process.env.CASEBOOK_BASE ?? '/';

/** Acronyms the study declares not loud (study.json "notLoud"), for its chapters' ```ca blocks; the build checks the file first. */
function studyNotLoud() {
  try {
    const meta = JSON.parse(readFileSync(resolve(process.env.STUDY_DIR ?? 'content', 'study.json'), 'utf8'));
    return Array.isArray(meta.notLoud) ? meta.notLoud.filter((/** @type {unknown} */ word) => typeof word === 'string') : [];
  } catch {
    return [];
  }
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.CASEBOOK_OUT_DIR ?? 'dist',
  // When the pages are written, Pagefind indexes them and the course pack PDF is printed.
  integrations: [mdx(), sitemap(), searchIndex(), coursePackPdf()],
  security: {
    // Every page carries a policy that allows only the site's own scripts and styles: Astro
    // hashes the scripts and styles it renders, and nothing loads from another host.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // Pagefind's search runs as WebAssembly, which a policy with script hashes blocks unless allowed.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Style attributes carry data-driven custom properties (a transcript's label width, a
      // bar's share); they cannot run script, and style elements stay limited to hashes.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  markdown: {
    // Astro 7 defaults to its native Markdown engine, which would skip our remark/rehype
    // plugins. SmartyPants is off because it rewrites quotes and dashes, which would
    // silently alter quoted participants' words and CA notation.
    processor: unified({
      remarkPlugins: [[(await import('./src/ca/remark-ca.ts')).default, { legend: false, notLoud: studyNotLoud() }]],
      rehypePlugins: [(await import('./src/site/rehype-table-scroll.ts')).default],
      smartypants: false,
    }),
  },
  // Rendering several pages at once overlaps one page's file writes with the next page's
  // rendering: about a fifth faster on the 1,000-excerpt benchmark study; 8 was no better.
  build: { format: 'directory', concurrency: 4 },
  vite: {
    // The dev server serves any file of the project by its path, the study folder's private
    // list of real names included. Setting `deny` replaces Vite's own list, so that list
    // (Vite 8's default) comes first; Vite matches these against the resolved file path,
    // ignoring case, whichever way the URL spells it.
    server: {
      fs: {
        deny: ['.env', '.env.*', '*.{crt,pem,key,p12,pfx,cer,der}', '.npmrc', '.yarnrc.yml', '**/.git/**', `${resolve(process.env.STUDY_DIR ?? 'content')}/private/**`],
      },
    },
    build: {
      rolldownOptions: {
        // Astro marks every MDX module "use astro:head-inject" for its own bundling, and the
        // bundler warns, once per chapter, that it may not keep the directive; Astro does not
        // need it kept. A researcher could do nothing about it, so a build does not print it.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
