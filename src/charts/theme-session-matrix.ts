/**
 * Theme × session matrix, the code-document matrix of QDA tools: excerpt counts per theme
 * and subtheme (rows, in process order) per session, plus "session not stated", with row
 * and column totals. A table is the best chart for this, so the chart *is* an HTML table,
 * shaded by count in the theme's colour; every non-zero count links to the excerpt browser
 * filtered to that cell.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CodeInfo, SessionKey, Study } from '../study/model.ts';
import { codeColourStyle, share } from './colours.ts';
import { browserHref } from './urls.ts';
import type { ChartResult } from './types.ts';
import { capitalise, unitParam, workNoun } from '../study/words.ts';

export interface ThemeSessionMatrixOptions {
  /** Site base, e.g. "/" or "/casebook/". */
  base: string;
}

export interface MatrixCell {
  code: string;
  session: SessionKey;
  count: number;
  href: string;
}

export interface MatrixRow {
  info: CodeInfo;
  cells: MatrixCell[];
  total: number;
  totalHref: string;
}

export interface MatrixData {
  columns: { session: SessionKey; label: string; href: string }[];
  rows: MatrixRow[];
  /** Distinct excerpts per session key (an excerpt has exactly one). */
  columnTotals: number[];
  total: number;
  max: number;
}

export function sessionLabel(study: Study, key: SessionKey): string {
  const word = capitalise(study.meta.vocabulary.unit.singular);
  return key === null ? `${word} not stated` : (study.sessionIndex.get(key)?.title ?? `${word} ${key}`);
}

/** The counts, totals and links, straight from `study.matrix` and the indexes. */
export function matrixData(study: Study, base: string): MatrixData {
  const unit = unitParam(study.meta);
  const columns = study.sessionKeys.map((session) => ({ session, label: sessionLabel(study, session), href: browserHref(base, unit, { session }) }));
  const rows = study.codes.map((info): MatrixRow => {
    const counts = study.matrix.get(info.code);
    const cells = study.sessionKeys.map((session) => ({ code: info.code, session, count: counts?.get(session) ?? 0, href: browserHref(base, unit, { code: info.code, session }) }));
    return { info, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0), totalHref: browserHref(base, unit, { code: info.code }) };
  });
  const columnTotals = study.sessionKeys.map((key) => study.excerptsBySession.get(key)?.length ?? 0);
  const max = Math.max(0, ...rows.flatMap((row) => row.cells.map((cell) => cell.count)));
  return { columns, rows, columnTotals, total: columnTotals.reduce((a, b) => a + b, 0), max };
}

function countLink(count: number, href: string, context: string): ElementContent {
  if (count === 0) return h('span', { className: ['cb-zero'] }, '0');
  return h('a', { href }, [String(count), h('span', { className: ['cb-sr'] }, ` ${count === 1 ? 'excerpt' : 'excerpts'}: ${context}`)]);
}

export function themeSessionMatrix(study: Study, options: ThemeSessionMatrixOptions): ChartResult {
  const data = matrixData(study, options.base);
  const { singular, plural } = study.meta.vocabulary.unit;
  const title = `Excerpts per theme and ${singular}`;
  const description = `Counts of coded excerpts for each theme and subtheme (rows, in the study's order) in each ${singular} and where the ${workNoun(study.meta)} does not say which ${singular} (columns), with totals. A theme counts each of its excerpts once, even when it is coded to several of its subthemes. ${data.total} excerpts in all.`;
  const table: Element = h('table', { className: ['cb-matrix'] }, [
    h('caption', [title, h('span', { className: ['cb-caption-note'] }, ' — each count links to those excerpts')]),
    h(
      'thead',
      h('tr', [
        h('th', { scope: 'col' }, 'Theme or subtheme'),
        ...data.columns.map((column) => h('th', { scope: 'col', dataSession: column.session ?? 'none' }, column.label)),
        h('th', { scope: 'col', className: ['cb-total'] }, 'Total'),
      ]),
    ),
    h(
      'tbody',
      data.rows.map((row) =>
        h('tr', { className: [row.info.kind === 'theme' ? 'cb-theme-row' : 'cb-subtheme-row'], dataCode: row.info.code, dataThemeCode: row.info.theme.code, style: codeColourStyle(row.info) }, [
          h('th', { scope: 'row' }, [h('span', { className: ['cb-code'] }, row.info.code), ` ${row.info.name}`]),
          ...row.cells.map((cell, i) =>
            h(
              'td',
              { dataSession: cell.session ?? 'none', style: `--share: ${share(cell.count, data.max)}`, className: cell.count === 0 ? ['is-zero'] : [] },
              countLink(cell.count, cell.href, `${row.info.name}, ${data.columns[i]!.label}`),
            ),
          ),
          h('td', { className: ['cb-total'] }, countLink(row.total, row.totalHref, `${row.info.name}, all ${plural}`)),
        ]),
      ),
    ),
    h(
      'tfoot',
      h('tr', [
        h('th', { scope: 'row' }, 'All excerpts'),
        ...data.columnTotals.map((count, i) => h('td', { dataSession: data.columns[i]!.session ?? 'none' }, countLink(count, data.columns[i]!.href, data.columns[i]!.label))),
        h('td', { className: ['cb-total'] }, countLink(data.total, browserHref(options.base, unitParam(study.meta), {}), `all ${plural}`)),
      ]),
    ),
  ]);
  const notes = [
    'An excerpt coded to several themes is counted in each of their rows, so the rows add up to more than "All excerpts". A theme counts each excerpt once, even when it is coded to several of its subthemes.',
  ];
  return { svg: table, table, title, description, notes };
}
