/** One page of every page template, derived from the Study, for browser-level checks. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Study } from '../../src/study/index.ts';
import { loadStudy } from '../../src/study/load.ts';
import { appendices } from '../../src/site/appendices.ts';
import { repoRoot } from '../helpers/build-site.ts';

export async function bundledStudy(): Promise<Study> {
  const { study } = await loadStudy(join(repoRoot, 'content'));
  if (!study) throw new Error('The bundled study does not load');
  return study;
}

export function templatePages(study: Study): { template: string; path: string }[] {
  const theme = study.codes.find((info) => info.kind === 'theme' && !info.leaf) ?? study.codes[0]!;
  const subtheme = study.codes.find((info) => info.kind === 'subtheme') ?? theme;
  const session = study.sessions.find((s) => (study.excerptsBySession.get(s.number)?.length ?? 0) > 0) ?? study.sessions[0]!;
  const chaptersDir = join(repoRoot, 'content', 'chapters');
  const chapter = existsSync(chaptersDir)
    ? readdirSync(chaptersDir)
        .find((file) => file.endsWith('.mdx'))
        ?.replace(/\.mdx$/, '')
    : undefined;
  return [
    { template: 'overview', path: '' },
    { template: 'codebook', path: 'codebook/' },
    { template: 'theme', path: `themes/${theme.slug}/` },
    { template: 'subtheme', path: `themes/${subtheme.theme.slug}/${subtheme.slug}/` },
    { template: 'sessions', path: 'sessions/' },
    { template: 'session', path: `sessions/${session.number}/` },
    { template: 'excerpt browser', path: 'excerpts/' },
    { template: 'pre-filtered browser', path: `excerpts/code/${subtheme.code.replace('.', '-')}/` },
    { template: 'excerpt permalink', path: `excerpts/${study.excerpts[0]!.id}/` },
    { template: 'appendices', path: 'appendices/' },
    ...appendices(study).map((entry) => ({ template: `appendix: ${entry.slug}`, path: `appendices/${entry.slug}/` })),
    { template: 'chapters', path: 'chapters/' },
    ...(chapter ? [{ template: 'chapter', path: `chapters/${chapter}/` }] : []),
    { template: '404', path: 'no-such-page/' },
  ];
}
