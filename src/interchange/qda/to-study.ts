/**
 * Turns a REFI-QDA project into the study's codebook and excerpts, following the
 * conventions of conventions.ts. What the project does not say (an excerpt's lead-in when
 * a tool dropped the notes, a theme's dark-mode colour) is taken from the study being
 * replaced, matched by GUID (Casebook's exports carry stable ones) or else by name.
 * Nothing is validated here: the records go through the study's own checks (stage.ts).
 */
import type { JsonPath } from '../../study/json-source.ts';
import { codeInfos, type CodeInfo } from '../../study/model.ts';
import type { Codebook, Excerpt, Line } from '../../study/schemas/index.ts';
import { themeColours, fallbackPalette } from '../colours.ts';
import { readLines, unescapeEntry, type Speaker } from '../lines-text.ts';
import { excerptVariables, noteRoleOf, type ExcerptVariable } from './conventions.ts';
import { guidOf } from './guid.ts';
import { walkCodes, type QdaCode, type QdaProject, type QdaSelection, type QdaTextSource } from './model.ts';
import type { QdaNotice } from './read.ts';

/** The study folder's current codebook and excerpts, where they are valid. */
export interface ExistingStudy {
  codebook: Codebook | undefined;
  excerpts: Map<string, Excerpt>;
}

export interface ImportedRecord {
  record: Record<string, unknown>;
  /** Names the QDA item a path of the record came from, for messages. */
  describe(path: JsonPath): string;
}

export interface QdaImport {
  codebook: ImportedRecord | undefined;
  excerpts: ImportedRecord[];
  notices: QdaNotice[];
  /** Colours changed for contrast, slugs generated: reported, not errors. */
  adjustments: string[];
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'item';
}

function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base;
  for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

interface CodeMapping {
  codebook: ImportedRecord;
  /** Casebook code for each QDA code GUID (a code nested deeper than a subtheme counts for its subtheme). */
  codeOf: Map<string, string>;
  /** Old Casebook code → new one, for codes recognised in the study being replaced. */
  renumbered: Map<string, string>;
}

function mapCodebook(codes: readonly QdaCode[], existing: Codebook | undefined, notices: QdaNotice[], adjustments: string[]): CodeMapping {
  const known = existing ? codeInfos(existing.themes) : [];
  const byGuid = new Map(known.map((info) => [guidOf.code(info.slug).toLowerCase(), info]));
  const byName = new Map(known.map((info) => [info.name.toLowerCase(), info]));
  const claimed = new Set<CodeInfo>();
  const match = (code: QdaCode): CodeInfo | undefined => {
    const found = byGuid.get(code.guid) ?? byName.get(code.name.toLowerCase());
    if (!found || claimed.has(found)) return undefined;
    claimed.add(found);
    return found;
  };
  const used = new Set<string>();
  const codeOf = new Map<string, string>();
  const renumbered = new Map<string, string>();
  const names: string[][] = [];
  const slugFor = (code: QdaCode, matched: CodeInfo | undefined) => {
    if (matched && !used.has(matched.slug)) {
      used.add(matched.slug);
      return matched.slug;
    }
    const slug = uniqueSlug(slugify(code.name), used);
    adjustments.push(`code "${code.name}": new slug "${slug}"`);
    return slug;
  };

  const themes = codes.map((code, t) => {
    const number = `${t + 1}.0`;
    const matched = match(code);
    if (matched) renumbered.set(matched.code, number);
    for (const { code: inner } of walkCodes([code])) codeOf.set(inner.guid, number);
    const slug = slugFor(code, matched);
    const colours = themeColoursFor(code, matched, t, adjustments);
    const subthemes = code.children.map((child, s) => {
      const childNumber = `${t + 1}.${s + 1}`;
      const childMatch = match(child);
      if (childMatch) renumbered.set(childMatch.code, childNumber);
      for (const { code: inner, depth } of walkCodes([child])) {
        codeOf.set(inner.guid, childNumber);
        if (depth > 0) notices.push({ severity: 'warning', rule: 'qdpx-nesting', reason: `Code "${code.name} › ${child.name} › … › ${inner.name}" is nested deeper than a subtheme; its codings count for "${child.name}" (${childNumber})`, fix: 'Casebook has themes and subthemes only; move the code up a level in the QDA program to keep it apart.' });
      }
      names.push([code.name, child.name]);
      return { code: childNumber, name: child.name, slug: slugFor(child, childMatch), order: s + 1, description: child.description ?? childMatch?.description ?? '' };
    });
    names.push([code.name]);
    return { code: number, name: code.name, slug, order: t + 1, ...colours, description: code.description ?? matched?.description ?? '', subthemes };
  });
  const codebook: ImportedRecord = {
    record: { themes },
    describe(path) {
      const [, t, third, s] = path;
      const theme = typeof t === 'number' ? codes[t] : undefined;
      if (!theme) return '';
      const child = third === 'subthemes' && typeof s === 'number' ? theme.children[s] : undefined;
      const what = child ? `code "${theme.name} › ${child.name}"` : `code "${theme.name}"`;
      const field = path.at(-1);
      return ` (${what}${field === 'description' ? '; give it a description in the QDA program' : ''})`;
    },
  };
  return { codebook, codeOf, renumbered };
}

function themeColoursFor(code: QdaCode, matched: CodeInfo | undefined, index: number, adjustments: string[]): { colour: string; colourDark: string } {
  const previous = matched?.kind === 'theme' ? matched.theme : undefined;
  if (previous && (code.colour === undefined || code.colour.toUpperCase() === previous.colour.toUpperCase())) return { colour: previous.colour, colourDark: previous.colourDark };
  const base = code.colour ?? fallbackPalette[index % fallbackPalette.length]!;
  const computed = themeColours(base);
  if (code.colour === undefined) adjustments.push(`theme "${code.name}": no colour in the project, took ${base} from the palette`);
  for (const adjustment of computed.adjustments) adjustments.push(`theme "${code.name}": ${adjustment}`);
  return { colour: computed.colour, colourDark: computed.colourDark };
}

/** Code-point offsets into UTF-16 offsets, for a text. */
function utf16Offsets(text: string): number[] {
  const offsets = [0];
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    offsets.push(offset);
  }
  return offsets;
}

function normaliseQuote(text: string): string {
  return text.replace(/…$/, '').replace(/\s+/g, ' ').trim();
}

interface Span {
  /** UTF-16 offsets in the LF-normalised text. */
  start: number;
  end: number;
  selections: QdaSelection[];
  codeGuids: string[];
}

/**
 * Where a selection lies in the source's LF-normalised text. Positions count code points
 * with the end exclusive; for a text with CRLF line breaks a CRLF counts as two (the
 * standard) or one (ATLAS.ti), decided by the selection's name when it quotes the text.
 * An end that is inclusive is recognised the same way.
 */
function locateSelection(text: string, selection: QdaSelection): { start: number; end: number } | { problem: string } {
  const lf = text.replace(/\r\n/g, '\n');
  const rawPoints = Array.from(text);
  const lfPoints = Array.from(lf);
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return { problem: `runs from ${selection.start} to ${selection.end}, which is not a stretch of text` };
  const quote = selection.name === undefined ? '' : normaliseQuote(selection.name);
  const readings: { points: string[]; crlfAsTwo: boolean; inclusive: boolean }[] = [
    { points: rawPoints, crlfAsTwo: true, inclusive: false },
    { points: lfPoints, crlfAsTwo: false, inclusive: false },
    { points: rawPoints, crlfAsTwo: true, inclusive: true },
    { points: lfPoints, crlfAsTwo: false, inclusive: true },
  ];
  const fits = readings.filter((reading) => (reading.inclusive ? end + 1 : end) <= reading.points.length && (text.includes('\r\n') || reading.crlfAsTwo));
  if (fits.length === 0) return { problem: `runs from ${start} to ${end}, but the text has only ${rawPoints.length} characters (Unicode code points)` };
  const quoted = quote.length > 0 ? fits.find((reading) => normaliseQuote(reading.points.slice(start, reading.inclusive ? end + 1 : end).join('')).startsWith(quote)) : undefined;
  const chosen = quoted ?? fits[0]!;
  const last = chosen.inclusive ? end + 1 : end;
  // Map to the LF text: drop the CR of every CRLF before each position.
  const toLf = (position: number) => (chosen.crlfAsTwo ? position - (rawPoints.slice(0, position).join('').match(/\r(?=\n)/g)?.length ?? 0) : position);
  const offsets = utf16Offsets(lf);
  return { start: offsets[toLf(start)]!, end: offsets[Math.min(toLf(last), lfPoints.length)]! };
}

/** The lines of a stretch of the source: partly covered turns keep their speaker and the covered words. */
function linesOf(text: string, span: { start: number; end: number }, speakers: readonly Speaker[]): { lines: Line[]; whole: boolean } {
  const located = readLines(text, speakers);
  const lines: Line[] = [];
  let whole = true;
  for (const entry of located) {
    const entryEnd = entry.offset + entry.entry.length;
    const textStart = entry.offset + entry.textStart;
    if (span.start >= entryEnd || span.end <= entry.offset) {
      whole = false;
      continue;
    }
    if (entry.line.kind !== 'turn' || (span.start <= textStart && span.end >= entryEnd)) {
      lines.push(entry.line);
      continue;
    }
    whole = false;
    let piece = entry.entry.slice(Math.max(span.start, textStart) - entry.offset, Math.min(span.end, entryEnd) - entry.offset);
    if (span.start > textStart) piece = piece.trimStart();
    if (span.end < entryEnd) piece = piece.trimEnd();
    if (piece === '') continue;
    lines.push({ ...entry.line, text: unescapeEntry(piece) });
  }
  return { lines, whole };
}

function firstWords(lines: readonly Line[], count: number): string {
  const words = lines.flatMap((line) => line.text.split(/\s+/)).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}

function numberOrText(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim();
}

export function projectToStudy(project: QdaProject, existing: ExistingStudy, speakers: readonly Speaker[], notices: QdaNotice[]): QdaImport {
  const adjustments: string[] = [];
  const { codebook, codeOf, renumbered } = mapCodebook(project.codes, existing.codebook, notices, adjustments);
  if (project.kind === 'codebook') return { codebook, excerpts: renumberExcerpts(existing.excerpts, renumbered), notices, adjustments };

  const excerpts: ImportedRecord[] = [];
  const usedIds = new Set<string>();
  for (const source of project.sources) {
    if (source.text === undefined) {
      const coded = source.selections.length + (source.codeGuids.length > 0 ? 1 : 0);
      notices.push({ severity: coded > 0 ? 'error' : 'warning', rule: 'qdpx-missing-text', reason: `The text of source "${source.name}" cannot be read: ${source.missing}`, fix: coded > 0 ? 'Export the project again as a .qdpx so the source texts travel with it.' : 'Nothing to do: the source has no codings.' });
      continue;
    }
    excerpts.push(...sourceExcerpts(source, source.text, project, existing, speakers, codeOf, usedIds, notices));
  }
  return { codebook, excerpts, notices, adjustments };
}

function renumberExcerpts(excerpts: Map<string, Excerpt>, renumbered: Map<string, string>): ImportedRecord[] {
  return [...excerpts.values()].flatMap((excerpt) => {
    const codes = excerpt.codes.map((code) => renumbered.get(code) ?? code);
    if (codes.every((code, index) => code === excerpt.codes[index])) return [];
    const { $schema: _ignored, ...data } = excerpt;
    return [{ record: { ...data, codes }, describe: () => ` (excerpt "${excerpt.id}", recoded to the codebook's new numbers)` }];
  });
}

function sourceExcerpts(source: QdaTextSource, text: string, project: QdaProject, existing: ExistingStudy, speakers: readonly Speaker[], codeOf: Map<string, string>, usedIds: Set<string>, notices: QdaNotice[]): ImportedRecord[] {
  const lfText = text.replace(/\r\n/g, '\n');
  const spans = new Map<string, Span>();
  const addSpan = (start: number, end: number, selection: QdaSelection | undefined, codeGuids: string[]) => {
    const key = `${start}:${end}`;
    const span = spans.get(key) ?? { start, end, selections: [], codeGuids: [] };
    if (selection) span.selections.push(selection);
    span.codeGuids.push(...codeGuids);
    spans.set(key, span);
  };
  if (source.codeGuids.length > 0) addSpan(0, lfText.length, undefined, source.codeGuids);
  for (const selection of source.selections) {
    const where = locateSelection(text, selection);
    if ('problem' in where) {
      notices.push({ severity: 'error', rule: 'qdpx-selection-range', reason: `Selection ${selection.name ? `"${selection.name}" ` : ''}in source "${source.name}" ${where.problem}`, fix: 'The project and its source text disagree; export the project again, or remove the selection in the QDA program.' });
      continue;
    }
    if (where.start === where.end) {
      notices.push({ severity: 'warning', rule: 'qdpx-empty-selection', reason: `Selection at position ${selection.start} in source "${source.name}" is empty; skipped`, fix: 'Remove the empty selection in the QDA program.' });
      continue;
    }
    if (selection.codeGuids.length === 0) continue;
    addSpan(where.start, where.end, selection, selection.codeGuids);
  }

  const variable = (key: ExcerptVariable) => source.variables.get(excerptVariables[key].name);
  const fromCasebook = Object.values(excerptVariables).some((definition) => source.variables.has(definition.name));
  const baseId = variable('id') ?? (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(source.name) ? source.name : slugify(source.name.replace(/\.[a-z0-9]+$/i, '')));
  const previous = existing.excerpts.get(baseId);
  const sourceNotes = source.noteGuids.flatMap((guid) => project.notes.get(guid) ?? []);
  const sourceLeadIn = sourceNotes.find((note) => noteRoleOf(note.name) === 'leadIn')?.text.trim();
  const sourceReconstruction = sourceNotes.filter((note) => noteRoleOf(note.name) === 'note').map((note) => note.text.trim());

  const ordered = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const records: ImportedRecord[] = [];
  for (const span of ordered) {
    const { lines, whole } = linesOf(lfText, span, speakers);
    const single = ordered.length === 1;
    const id = whole || single ? uniqueSlug(baseId, usedIds) : uniqueSlug(`${baseId}-${slugify(firstWords(lines, 4))}`, usedIds);
    const isBase = id === baseId;
    const basis = isBase ? previous : undefined;
    const selectionNotes = span.selections.flatMap((selection) => selection.noteGuids.flatMap((guid) => project.notes.get(guid) ?? []));
    const interpretation =
      selectionNotes.find((note) => noteRoleOf(note.name) === 'interpretation')?.text ??
      selectionNotes.find((note) => noteRoleOf(note.name) === undefined)?.text ??
      span.selections.find((selection) => selection.description)?.description ??
      basis?.interpretation ??
      '';
    const leadIn = selectionNotes.find((note) => noteRoleOf(note.name) === 'leadIn')?.text ?? sourceLeadIn ?? previous?.leadIn ?? '';
    const codes = orderCodes(span.codeGuids.flatMap((guid) => {
      const code = codeOf.get(guid);
      if (code === undefined) notices.push({ severity: 'warning', rule: 'qdpx-unknown-code', reason: `A coding in source "${source.name}" refers to a code that is not in the codebook (${guid}); ignored`, fix: 'The project is inconsistent; check the coding in the QDA program.' });
      return code ?? [];
    }), previous?.codes ?? []);
    const session = numberOrText(variable('session'));
    const step = variable('step')?.trim() || undefined;
    const page = numberOrText(variable('page'));
    const selectionName = span.selections.find((selection) => selection.name)?.name?.trim();
    const title = (isBase ? variable('title') ?? previous?.title : undefined) ?? selectionName ?? firstWords(lines, 8);
    const record: Record<string, unknown> = {
      id,
      title,
      session: session ?? (fromCasebook ? null : previous?.session ?? null),
      ...(step !== undefined ? { step } : !fromCasebook && previous?.step !== undefined ? { step: previous.step } : {}),
      source: variable('source') ?? previous?.source ?? '',
      lines,
      codes,
      leadIn,
      interpretation,
      article: {
        section: variable('section') ?? previous?.article.section ?? '',
        ...(page !== undefined ? { page } : !fromCasebook && previous?.article.page !== undefined ? { page: previous.article.page } : {}),
        order: numberOrText(variable('order')) ?? previous?.article.order ?? '',
      },
      notes: sourceReconstruction.length > 0 || fromCasebook ? sourceReconstruction : (previous?.notes ?? []),
    };
    const where = `source "${source.name}"${whole ? '' : `, selection ${span.selections[0]?.start ?? 0}–${span.selections[0]?.end ?? ''}`}`;
    records.push({ record, describe: (path) => ` (${where}${hintFor(path)})` });
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
