/**
 * Theme process: the themes in their roughly chronological order, each with its subthemes
 * and excerpt counts. It doubles as navigation (overview, codebook page), so it is an HTML
 * ordered list of links, drawn as a process by CSS (a row of steps with arrows on wide
 * screens, a column on narrow ones), with a small count bar per theme.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { CodeInfo, Study } from '../study/model.ts';
import { codeColourStyle, share } from './colours.ts';
import { dataTable } from './html.ts';
import { codeHref } from './urls.ts';
import type { ChartResult } from './types.ts';

export interface ThemeProcessOptions {
  /** Site base, e.g. "/" or "/casebook/". */
  base: string;
  /** Code of the page being shown, marked `aria-current="page"`. */
  current?: string;
}

function count(study: Study, code: string): number {
  return study.excerptsByCode.get(code)?.length ?? 0;
}

function countText(n: number): string {
  return `${n} ${n === 1 ? 'excerpt' : 'excerpts'}`;
}

export function themeProcess(study: Study, options: ThemeProcessOptions): ChartResult {
  const { base, current } = options;
  const themes = study.codes.filter((info) => info.kind === 'theme');
  const subthemesOf = (theme: CodeInfo) => study.codes.filter((info) => info.kind === 'subtheme' && info.theme.code === theme.code);
  const max = Math.max(0, ...themes.map((theme) => count(study, theme.code)));
  const link = (info: CodeInfo, children: (Element | string)[]) => h('a', { href: codeHref(base, info), ...(info.code === current ? { ariaCurrent: 'page' } : {}) }, children);

  const title = 'The themes as a process';
  const description = `The ${themes.length} themes in their roughly chronological order, with their subthemes and how many excerpts each has: ${themes
    .map((theme) => {
      const subs = subthemesOf(theme);
      return `${theme.theme.order}. ${theme.name} (${countText(count(study, theme.code))}${subs.length > 0 ? `; ${subs.map((sub) => `${sub.name} ${count(study, sub.code)}`).join(', ')}` : '; no subthemes'})`;
    })
    .join(', then ')}.`;

  const svg = h('nav', { className: ['cb-process'], ariaLabel: 'Themes, in the order of the process' }, [
    h(
      'ol',
      { className: ['cb-process-steps'] },
      themes.map((theme) => {
        const subs = subthemesOf(theme);
        const n = count(study, theme.code);
        return h('li', { className: ['cb-process-step'], dataCode: theme.code, dataThemeCode: theme.code, style: codeColourStyle(theme) }, [
          link(theme, [h('span', { className: ['cb-process-number'] }, String(theme.theme.order)), ' ', h('span', { className: ['cb-process-name'] }, theme.name)]),
          h('span', { className: ['cb-count'] }, [countText(n), h('span', { className: ['cb-count-bar'], style: `--share: ${share(n, max)}`, ariaHidden: 'true' })]),
          subs.length > 0
            ? h(
                'ul',
                { className: ['cb-process-subthemes'] },
                subs.map((sub) =>
                  h('li', { dataCode: sub.code, dataThemeCode: theme.code }, [
                    link(sub, [h('span', { className: ['cb-code'] }, sub.code), ` ${sub.name}`]),
                    ' ',
                    h('span', { className: ['cb-count'] }, `(${count(study, sub.code)})`),
                  ]),
                ),
              )
            : h('p', { className: ['cb-process-none'] }, 'No subthemes'),
        ]);
      }),
    ),
  ]);

  const table = dataTable({
    caption: 'Themes and subthemes in process order, with excerpt counts',
    columns: ['Theme', 'Subtheme', 'Excerpts'],
    rows: themes.flatMap((theme) => [
      { cells: [`${theme.theme.order}. ${theme.name}`, '—', count(study, theme.code)], properties: { dataCode: theme.code } },
      ...subthemesOf(theme).map((sub) => ({ cells: [`${theme.theme.order}. ${theme.name}`, `${sub.code} ${sub.name}`, count(study, sub.code)], properties: { dataCode: sub.code } })),
    ]),
  });
  return { svg, table, title, description, notes: [] };
}
