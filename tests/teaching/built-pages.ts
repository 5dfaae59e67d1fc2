/** Reading the built teaching pages: which exist, their HTML, and the links in them. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './content-copy.ts';

export interface TeachingSource {
  id: string;
  kind: string;
  excerpts: string[];
  codes: string[];
  /** Whether the page sets timed activities (a lesson plan with a projector view). */
  activities: boolean;
}

/** Frontmatter of a study's teaching files (only the fields the tests need). */
export function teachingSources(studyDir = contentDir): TeachingSource[] {
  const folder = join(studyDir, 'teaching');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const front = readFileSync(join(folder, name), 'utf8').split('---')[1] ?? '';
      const field = (key: string) => front.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? '';
      const list = (key: string) =>
        (field(key).match(/^\[(.*)\]$/)?.[1] ?? '')
          .split(',')
          .map((item) => item.trim().replace(/^"|"$/g, ''))
          .filter(Boolean);
      return { id: name.replace(/\.mdx$/, ''), kind: field('kind'), excerpts: list('excerpts'), codes: list('codes'), activities: /^activities:\s*$/m.test(front) };
    });
}

/** Site paths ("teaching/x/") of every teaching page, its projector view and handout, and the glossary. */
export function teachingPaths(): string[] {
  const pages = teachingSources().flatMap((source) => {
    if (source.kind === 'hub') return ['teaching/'];
    if (source.kind === 'course-pack') return ['teaching/course-pack/'];
    return [`teaching/${source.id}/`, ...projectorPaths().filter((path) => path === `teaching/${source.id}/projector/`), ...handoutPaths().filter((path) => path === `teaching/${source.id}/handout/`)];
  });
  return [...pages, 'glossary/'];
}

/** Projector views: one per vignette with excerpts and per page with timed activities. */
export function projectorPaths(): string[] {
  return teachingSources()
    .filter((source) => (source.kind === 'vignette' && source.excerpts.length > 0) || source.activities)
    .map((source) => `teaching/${source.id}/projector/`);
}

/** Student handouts: one per vignette. */
export function handoutPaths(): string[] {
  return teachingSources()
    .filter((source) => source.kind === 'vignette')
    .map((source) => `teaching/${source.id}/handout/`);
}

export function readPage(distDir: string, path: string): string {
  return readFileSync(join(distDir, path, 'index.html'), 'utf8');
}

/** Every `href` in the page's `<main>`, decoded. */
export function mainHrefs(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

/** Whether a root-relative URL (base "/") is a file of the built site, and its #fragment an id on it. */
export function resolves(distDir: string, url: string, fromPath: string): boolean {
  const [pathPart = '', fragment] = url.split('#');
  const path = pathPart === '' ? fromPath : pathPart.replace(/^\//, '').split('?')[0]!;
  const file = path.endsWith('/') || path === '' ? join(distDir, path, 'index.html') : join(distDir, path);
  if (!existsSync(file)) return false;
  if (!fragment) return true;
  return readFileSync(file, 'utf8').includes(`id="${fragment}"`);
}

export function allHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}
