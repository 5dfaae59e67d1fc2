/**
 * The last step of a REFI-QDA import: one source's coded selections become excerpt
 * records. Selections on the same stretch become one excerpt with all their codes; what
 * the project does not carry is taken from the excerpt being replaced or left to fill in.
 */
import type { JsonPath } from '../../study/json-source.ts';
import { readLines, type Speaker } from '../lines-text.ts';
import { excerptVariables, noteRoleOf, readCombinedAnnotation, type ExcerptVariable } from './conventions.ts';
import type { QdaProject, QdaSelection, QdaTextSource } from './model.ts';
import { locate, normaliseQuote, type PositionUnit, type SourceText } from './positions.ts';
import type { QdaNotice } from './read.ts';
import { firstWords, linesOf, type Span } from './selection-lines.ts';
import { slugify, uniqueSlug } from './map-codebook.ts';
import type { ExistingStudy, ImportedRecord } from './to-study.ts';

/** Whole numbers as numbers: QualCoder keeps numeric variables as floats ("2.0"). */
function numberOrText(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\d+(?:\.0*)?$/.test(value.trim()) ? Number(value.trim()) : value.trim();
}

export function sourceExcerpts(
  source: QdaTextSource,
  text: SourceText,
  unit: PositionUnit,
  project: QdaProject,
  existing: ExistingStudy,
  speakers: readonly Speaker[],
  codeOf: Map<string, string>,
  usedIds: Set<string>,
  notices: QdaNotice[],
  toFillIn: Map<string, string[]>,
  onlySource: string | undefined,
): ImportedRecord[] {
  const spans = new Map<string, Span>();
  const addSpan = (start: number, end: number, selection: QdaSelection | undefined, codeGuids: string[]) => {
    const key = `${start}:${end}`;
    const span = spans.get(key) ?? { start, end, selections: [], codeGuids: [] };
    if (selection) span.selections.push(selection);
    span.codeGuids.push(...codeGuids);
    spans.set(key, span);
  };
  if (source.codeGuids.length > 0) addSpan(0, text.lf.length, undefined, source.codeGuids);
  for (const selection of source.selections) {
    if (selection.codeGuids.length === 0) continue;
    const quote = selection.name ? normaliseQuote(selection.name) : '';
    const where = locate(text, { start: selection.start, end: selection.end, quote: quote || undefined }, unit);
    if ('problem' in where) {
      notices.push({
        severity: 'error',
        rule: 'qdpx-selection-range',
        reason: `Selection ${selection.name ? `"${selection.name}" ` : ''}in source "${source.name}" ${where.problem}`,
        fix: 'The project and its source text disagree; export the project again, or remove the selection in the QDA program.',
      });
      continue;
    }
    if (text.lf.slice(where.start, where.end).trim() === '') {
      notices.push({
        severity: 'warning',
        rule: 'qdpx-empty-selection',
        reason: `Selection at position ${selection.start} in source "${source.name}" holds no text; skipped`,
        fix: 'Remove the empty selection in the QDA program.',
      });
      continue;
    }
    addSpan(where.start, where.end, selection, selection.codeGuids);
  }

  const variable = (key: ExcerptVariable) => source.variables.get(excerptVariables[key].name);
  const fromCasebook = Object.values(excerptVariables).some((definition) => source.variables.has(definition.name));
  const baseId = variable('id') ?? (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(source.name) ? source.name : slugify(source.name.replace(/\.[a-z0-9]+$/i, '')));
  const previous = existing.excerpts.get(baseId);
  const sourceNotes = source.noteGuids.flatMap((guid) => project.notes.get(guid) ?? []);
  const combined = source.description === undefined ? undefined : readCombinedAnnotation(source.description);
  const sourceLeadIn = sourceNotes.find((note) => noteRoleOf(note.name) === 'leadIn')?.text.trim() || combined?.leadIn;
  const noteTexts = sourceNotes.filter((note) => noteRoleOf(note.name) === 'note').map((note) => note.text.trim());
  const sourceReconstruction = noteTexts.length > 0 ? noteTexts : (combined?.notes ?? []);
  const located = readLines(text.lf, speakers);

  const ordered = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const records: ImportedRecord[] = [];
  for (const span of ordered) {
    const { lines, whole } = linesOf(located, span);
    const single = ordered.length === 1;
    const id = whole || single ? uniqueSlug(baseId, usedIds) : uniqueSlug(`${baseId}-${slugify(firstWords(lines, 4))}`, usedIds);
    const isBase = id === baseId;
    const basis = isBase ? previous : undefined;
    const selectionNotes = span.selections.flatMap((selection) => selection.noteGuids.flatMap((guid) => project.notes.get(guid) ?? []));
    const interpretation =
      selectionNotes.find((note) => noteRoleOf(note.name) === 'interpretation')?.text ??
      selectionNotes.find((note) => noteRoleOf(note.name) === undefined)?.text ??
      span.selections.find((selection) => selection.description)?.description ??
      basis?.interpretation;
    const leadIn = selectionNotes.find((note) => noteRoleOf(note.name) === 'leadIn')?.text ?? sourceLeadIn ?? basis?.leadIn;
    const codes = orderCodes(
      span.codeGuids.flatMap((guid) => {
        const code = codeOf.get(guid);
        if (code === undefined)
          notices.push({
            severity: 'warning',
            rule: 'qdpx-unknown-code',
            reason: `A coding in source "${source.name}" refers to a code that is not in the codebook (${guid}); ignored`,
            fix: 'The project is inconsistent; check the coding in the QDA program.',
          });
        return code ?? [];
      }),
      basis?.codes ?? [],
    );
    const session = numberOrText(variable('session'));
    const step = variable('step')?.trim() || undefined;
    const page = numberOrText(variable('page'));
    const order = numberOrText(variable('order'));
    const section = variable('section')?.trim() || undefined;
    // A name that quotes the selected words (QualCoder and ATLAS.ti write them there) is not a title.
    const selected = normaliseQuote(text.lf.slice(span.start, span.end));
    const selectionName = span.selections.map((selection) => selection.name?.trim() ?? '').find((name) => name !== '' && !selected.startsWith(normaliseQuote(name)));
    const title = (isBase ? (variable('title') ?? basis?.title) : undefined) ?? selectionName ?? firstWords(lines, 8);
    const article = {
      ...(section !== undefined ? { section } : !fromCasebook && basis?.article?.section !== undefined ? { section: basis.article.section } : {}),
      ...(page !== undefined ? { page } : !fromCasebook && basis?.article?.page !== undefined ? { page: basis.article.page } : {}),
      ...(order !== undefined ? { order } : !fromCasebook && basis?.article?.order !== undefined ? { order: basis.article.order } : {}),
    };
    const sourceKind = variable('source') ?? basis?.source ?? onlySource;
    const record: Record<string, unknown> = {
      id,
      title,
      session: session ?? (fromCasebook ? null : (basis?.session ?? null)),
      ...(step !== undefined ? { step } : !fromCasebook && basis?.step !== undefined ? { step: basis.step } : {}),
      ...(sourceKind !== undefined ? { source: sourceKind } : {}),
      lines,
      // A project does not carry the acronyms that are not loud talk: the replaced excerpt's stay.
      ...(basis?.notLoud !== undefined ? { notLoud: basis.notLoud } : {}),
      codes,
      ...(leadIn !== undefined && leadIn.trim() !== '' ? { leadIn } : {}),
      ...(interpretation !== undefined && interpretation.trim() !== '' ? { interpretation } : {}),
      ...(Object.keys(article).length > 0 ? { article } : {}),
      notes: sourceReconstruction.length > 0 || fromCasebook ? sourceReconstruction : (basis?.notes ?? []),
    };
    // Lead-in and article place are optional (a study need not be an article); these two are what an excerpt is for.
    for (const [field, present] of [
      ['interpretation', 'interpretation' in record],
      ['source', 'source' in record],
    ] as const) {
      if (!present) toFillIn.set(field, [...(toFillIn.get(field) ?? []), id]);
    }
    const where = `source "${source.name}"${whole ? '' : `, selection ${span.selections[0]?.start ?? 0}–${span.selections[0]?.end ?? ''}`}`;
    records.push({ record, describe: (path) => ` (${where}${hintFor(path)})`, fromVariable: variable('source') !== undefined || basis?.source !== undefined });
  }
  return records;
}

/** Codes in the order the study had them (the first is where the article presents the excerpt), new ones after. */
function orderCodes(codes: string[], previous: readonly string[]): string[] {
  const unique = [...new Set(codes)];
  return [...previous.filter((code) => unique.includes(code)), ...unique.filter((code) => !previous.includes(code))];
}

function hintFor(path: JsonPath): string {
  const [first, second] = path;
  const variable = first === 'article' ? (second === 'page' ? 'page' : second === 'order' ? 'order' : 'section') : first;
  if (first === 'interpretation') return '; add a note (memo) to the selection';
  if (first === 'leadIn') return '; add a note named "Lead-in" to the source';
  if (typeof variable === 'string' && variable in excerptVariables) return `; set the variable "${excerptVariables[variable as ExcerptVariable].name}" on the source`;
  return '';
}
