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
import { readLines, unescapeEntry, type LocatedLine, type Speaker } from '../lines-text.ts';
import { excerptVariables, noteRoleOf, readCombinedAnnotation, type ExcerptVariable } from './conventions.ts';
import { guidOf } from './guid.ts';
import { walkCodes, type QdaCode, type QdaProject, type QdaSelection, type QdaTextSource } from './model.ts';
import { decideUnit, locate, normaliseQuote, SourceText, unitEvidence, type PositionUnit } from './positions.ts';
import type { QdaNotice } from './read.ts';
import type { DeclaredSource } from '../speakers.ts';

/** The study folder's current codebook and excerpts, where they are valid. */
export interface ExistingStudy {
  codebook: Codebook | undefined;
  excerpts: Map<string, Excerpt>;
}

export interface ImportedRecord {
  record: Record<string, unknown>;
  /** Names the QDA item a path of the record came from, for messages. */
  describe(path: JsonPath): string;
  /** Whether its source came from the project or the excerpt it replaces (not from the study's only source). */
  fromVariable?: boolean;
}

export interface QdaImport {
  codebook: ImportedRecord | undefined;
  excerpts: ImportedRecord[];
  notices: QdaNotice[];
  /** Colours changed for contrast, slugs generated, codes renumbered: reported, not errors. */
  adjustments: string[];
  /** Old code → new code, for codes of the study whose number changed. */
  renumbered: Map<string, string>;
  /** Codes of the study the import does not have. */
  removed: CodeInfo[];
  /** How positions were read (unit and why), for projects with selections. */
  positions: string | undefined;
  /** Fields the project does not carry, with the excerpts that lack them. */
  toFillIn: string[];
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
  /** Old Casebook code → new one, for codes recognised in the study being replaced whose number changed. */
  renumbered: Map<string, string>;
  /** Codes of the study being replaced that the import does not have. */
  removed: CodeInfo[];
}

/**
 * Codes are recognised by GUID (Casebook's exports carry stable ones), then by name; never
 * by position, because tools write codes in their own order (QualCoder alphabetically). A
 * recognised code keeps its number and its place in the study's order; a new code takes the
 * next free number in its theme; a recognised subtheme under another theme is renumbered,
 * and that is reported.
 */
function mapCodebook(codes: readonly QdaCode[], existing: Codebook | undefined, origin: string | undefined, notices: QdaNotice[], adjustments: string[]): CodeMapping {
  const known = existing ? codeInfos(existing.themes) : [];
  const byGuid = new Map(known.map((info) => [guidOf.code(info.slug).toLowerCase(), info]));
  const nameCounts = new Map<string, number>();
  for (const info of known) nameCounts.set(info.name.toLowerCase(), (nameCounts.get(info.name.toLowerCase()) ?? 0) + 1);
  const byName = new Map(known.filter((info) => nameCounts.get(info.name.toLowerCase()) === 1).map((info) => [info.name.toLowerCase(), info]));
  const claimed = new Set<CodeInfo>();
  const matches = new Map<QdaCode, CodeInfo>();
  // GUIDs first over the whole tree, so a name shared by two codes cannot take a code its GUID names.
  for (const { code } of walkCodes(codes)) {
    const found = byGuid.get(code.guid);
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
    }
  }
  for (const { code } of walkCodes(codes)) {
    if (matches.has(code)) continue;
    const found = byName.get(code.name.toLowerCase());
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
    }
  }
  // A code whose GUID the tool regenerated (QualCoder does on every export) and whose name was
  // changed is still recognised by its description, when that is the study's alone.
  const descriptionCounts = new Map<string, number>();
  const descriptionOf = (info: CodeInfo) => info.description?.trim() ?? '';
  for (const info of known) if (descriptionOf(info)) descriptionCounts.set(descriptionOf(info), (descriptionCounts.get(descriptionOf(info)) ?? 0) + 1);
  const byDescription = new Map(known.filter((info) => descriptionCounts.get(descriptionOf(info)) === 1).map((info) => [descriptionOf(info), info]));
  for (const { code } of walkCodes(codes)) {
    if (matches.has(code) || !code.description) continue;
    const found = byDescription.get(code.description.trim());
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
      if (found.name !== code.name) adjustments.push(`code "${code.name}" recognised as ${found.code} "${found.name}" by its description (the project gives it a new GUID and name): renamed`);
    }
  }
  const used = new Set<string>();
  const codeOf = new Map<string, string>();
  const renumbered = new Map<string, string>();
  const slugFor = (code: QdaCode, matched: CodeInfo | undefined) => {
    if (matched && !used.has(matched.slug)) {
      used.add(matched.slug);
      return matched.slug;
    }
    const slug = uniqueSlug(slugify(code.name), used);
    adjustments.push(`code "${code.name}": new slug "${slug}"`);
    return slug;
  };
  const themeNumber = (code: string) => Number(code.split('.')[0]);
  const keptThemes = new Set(codes.flatMap((code) => (matches.get(code)?.kind === 'theme' ? [themeNumber(matches.get(code)!.code)] : [])));
  const nextFree = (taken: Set<number>) => {
    let number = 1;
    while (taken.has(number)) number += 1;
    taken.add(number);
    return number;
  };
  const takenThemes = new Set(keptThemes);
  // Recognised themes keep the study's order; new ones follow in the project's order.
  const oldOrder = (code: QdaCode) => (matches.get(code)?.kind === 'theme' ? matches.get(code)!.theme.order : Number.POSITIVE_INFINITY);
  const ordered = codes.map((code, index) => ({ code, index })).sort((a, b) => oldOrder(a.code) - oldOrder(b.code) || a.index - b.index);
  if (ordered.some((entry, position) => entry.index !== position) && codes.some((code) => matches.has(code))) {
    adjustments.push(`themes kept in the study's order (${ordered.map((entry) => `"${entry.code.name}"`).join(', ')}); the project lists them in another order, which QDA programs choose themselves`);
  }
  const themes = ordered.map(({ code }, t) => {
    const matched = matches.get(code);
    const n = matched?.kind === 'theme' ? themeNumber(matched.code) : nextFree(takenThemes);
    const number = `${n}.0`;
    if (matched && matched.code !== number) renumbered.set(matched.code, number);
    for (const { code: inner } of walkCodes([code])) codeOf.set(inner.guid, number);
    const slug = slugFor(code, matched);
    const colours = themeColoursFor(code, matched, t, origin, adjustments);
    const takenSubthemes = new Set(code.children.flatMap((child) => {
      const childMatch = matches.get(child);
      return childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n ? [Number(childMatch.code.split('.')[1])] : [];
    }));
    const childOrder = (child: QdaCode) => {
      const childMatch = matches.get(child);
      return childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n ? childMatch.subtheme!.order : Number.POSITIVE_INFINITY;
    };
    const children = code.children.map((child, index) => ({ child, index })).sort((a, b) => childOrder(a.child) - childOrder(b.child) || a.index - b.index);
    const subthemes = children.map(({ child, index }, s) => {
      const childMatch = matches.get(child);
      const keeps = childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n;
      const childNumber = keeps ? childMatch.code : `${n}.${nextFree(takenSubthemes)}`;
      if (childMatch && childMatch.code !== childNumber) renumbered.set(childMatch.code, childNumber);
      for (const { code: inner, depth } of walkCodes([child])) {
        codeOf.set(inner.guid, childNumber);
        if (depth > 0) notices.push({ severity: 'warning', rule: 'qdpx-nesting', reason: `Code "${code.name} › ${child.name} › … › ${inner.name}" is nested deeper than a subtheme; its codings count for "${child.name}" (${childNumber})`, fix: 'Casebook has themes and subthemes only; move the code up a level in the QDA program to keep it apart.' });
      }
      const description = child.description ?? childMatch?.description;
      return { sourceIndex: index, record: { code: childNumber, name: child.name, slug: slugFor(child, childMatch), order: s + 1, ...(description ? { description } : {}) } };
    });
    const description = code.description ?? matched?.description;
    return { source: code, sourceChildren: subthemes.map((entry) => entry.sourceIndex), record: { code: number, name: code.name, slug, order: t + 1, ...colours, ...(description ? { description } : {}), subthemes: subthemes.map((entry) => entry.record) } };
  });
  for (const [from, to] of renumbered) {
    const info = known.find((candidate) => candidate.code === from)!;
    const now = to.endsWith('.0') ? (info.kind === 'subtheme' ? ' (it is now a theme)' : '') : info.kind === 'theme' ? ' (it is now a subtheme)' : ' (it is now under another theme)';
    adjustments.push(`code "${info.name}" renumbered ${from} → ${to}${now}`);
  }
  const codebook: ImportedRecord = {
    record: { themes: themes.map((theme) => theme.record) },
    describe(path) {
      const [, t, third, s] = path;
      const theme = typeof t === 'number' ? themes[t] : undefined;
      if (!theme) return '';
      const childIndex = third === 'subthemes' && typeof s === 'number' ? theme.sourceChildren[s] : undefined;
      const child = childIndex === undefined ? undefined : theme.source.children[childIndex];
      const what = child ? `code "${theme.source.name} › ${child.name}"` : `code "${theme.source.name}"`;
      const field = path.at(-1);
      return ` (${what}${field === 'description' ? '; give it a description in the QDA program' : ''})`;
    },
  };
  return { codebook, codeOf, renumbered, removed: known.filter((info) => !claimed.has(info)) };
}

/**
 * Programs that replace every imported colour by the nearest of their own palette (QualCoder
 * keeps 120, and a theme's colour can come back far from where it went: #007A5A as #487E4B).
 * What such a project says about a known theme's colour is the palette's doing, so the
 * study's colours are kept and the difference is reported; a colour change is made in
 * codebook.json.
 */
const quantisesColours = /qualcoder/i;

function themeColoursFor(code: QdaCode, matched: CodeInfo | undefined, index: number, origin: string | undefined, adjustments: string[]): { colour: string; colourDark: string } {
  const previous = matched?.kind === 'theme' ? matched.theme : undefined;
  if (previous && (code.colour === undefined || code.colour.toUpperCase() === previous.colour.toUpperCase())) return { colour: previous.colour, colourDark: previous.colourDark };
  if (previous && origin !== undefined && quantisesColours.test(origin)) {
    adjustments.push(`theme "${code.name}": kept its colour ${previous.colour}; the project has ${code.colour}, but ${origin} replaces every imported colour with the nearest of its palette, so its colours are not taken (change a theme's colour in codebook.json)`);
    return { colour: previous.colour, colourDark: previous.colourDark };
  }
  const base = code.colour ?? fallbackPalette[index % fallbackPalette.length]!;
  const computed = themeColours(base);
  if (code.colour === undefined) adjustments.push(`theme "${code.name}": no colour in the project, took ${base} from the palette`);
  else if (previous) adjustments.push(`theme "${code.name}": colour ${previous.colour} changed to ${code.colour}, as the project has it`);
  for (const adjustment of computed.adjustments) adjustments.push(`theme "${code.name}": ${adjustment}`);
  return { colour: computed.colour, colourDark: computed.colourDark };
}

interface Span {
  /** UTF-16 offsets in the LF-normalised text. */
  start: number;
  end: number;
  selections: QdaSelection[];
  codeGuids: string[];
}

/** The lines of a stretch of the source: partly covered turns keep their speaker and the covered words. */
function linesOf(located: readonly LocatedLine[], span: { start: number; end: number }): { lines: Line[]; whole: boolean } {
  // Binary search for the first line that ends after the span starts: sources run to 600,000 characters.
  let low = 0;
  let high = located.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const entry = located[middle]!;
    if (entry.offset + entry.entry.length <= span.start) low = middle + 1;
    else high = middle;
  }
  const lines: Line[] = [];
  let whole = low === 0;
  let index = low;
  for (; index < located.length && located[index]!.offset < span.end; index += 1) {
    const entry = located[index]!;
    const entryEnd = entry.offset + entry.entry.length;
    const textStart = entry.offset + entry.textStart;
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
  if (index < located.length) whole = false;
  return { lines, whole };
}

function firstWords(lines: readonly Line[], count: number): string {
  const words = lines.flatMap((line) => line.text.split(/\s+/)).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}

/** Whole numbers as numbers: QualCoder keeps numeric variables as floats ("2.0"). */
function numberOrText(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\d+(?:\.0*)?$/.test(value.trim()) ? Number(value.trim()) : value.trim();
}

export interface ImportOptions {
  /** The unit positions count in, when the researcher says so (`--positions`). */
  positions?: PositionUnit | undefined;
  /** Import the code tree only, not the coded selections. */
  codebookOnly?: boolean | undefined;
  /**
   * The excerpt sources the study declares (study.json "sources"): with only one, every
   * excerpt the project does not place comes from it. When given, excerpts left without a
   * source, or with turns nobody speaks in a source of talk, are refused per document.
   */
  excerptSources?: readonly DeclaredSource[] | undefined;
  /** The declared source every excerpt the project does not place comes from (`--source`). */
  source?: string | undefined;
}

export function projectToStudy(project: QdaProject, existing: ExistingStudy, speakers: readonly Speaker[], notices: QdaNotice[], options: ImportOptions = {}): QdaImport {
  const adjustments: string[] = [];
  const { codebook, codeOf, renumbered, removed } = mapCodebook(project.codes, existing.codebook, project.origin, notices, adjustments);
  const base = { codebook, notices, adjustments, renumbered, removed, positions: undefined, toFillIn: [] };
  if (project.kind === 'codebook' || options.codebookOnly) return { ...base, excerpts: [] };

  // Coded sources whose texts are missing are one refusal, however many there are.
  const unreadable: string[] = [];
  const readable = project.sources.flatMap((source) => {
    if (source.text !== undefined) return [{ source, text: new SourceText(source.text) }];
    if (source.missing === undefined) return [];
    const coded = source.selections.length + (source.codeGuids.length > 0 ? 1 : 0);
    if (coded > 0) unreadable.push(source.missing);
    else notices.push({ severity: 'warning', rule: 'qdpx-missing-text', reason: `The text of source "${source.name}" cannot be read: ${source.missing}`, fix: 'Nothing to do: the source has no codings.' });
    return [];
  });
  if (unreadable.length > 0) {
    notices.push({ severity: 'error', rule: 'qdpx-missing-text', reason: `The text${unreadable.length === 1 ? '' : 's'} of ${unreadable.length === 1 ? 'a coded source' : `${unreadable.length} coded sources`} cannot be read: ${unreadable.join('; ')}`, fix: 'Export the project again as a .qdpx so the source texts travel with it, or import its codes alone with --codebook-only.' });
  }
  const positions = (selection: QdaSelection) => ({ start: selection.start, end: selection.end, quote: selection.name && normaliseQuote(selection.name).length > 0 ? normaliseQuote(selection.name) : undefined });
  const decision = decideUnit(project.origin, unitEvidence(readable.map(({ source, text }) => ({ text, selections: source.selections.filter((selection) => selection.codeGuids.length > 0).map(positions) }))), options.positions);
  if (decision.unit === undefined) {
    notices.push({ severity: 'error', rule: 'qdpx-positions', reason: `The project's selection positions are ambiguous: Casebook ${decision.why}`, fix: 'Open one selection after an emoji in the QDA program, compare, and import again with --positions utf-16 or --positions code-points.' });
    return { ...base, excerpts: [], positions: decision.why };
  }
  const excerpts: ImportedRecord[] = [];
  const toFillIn = new Map<string, string[]>();
  const usedIds = new Set<string>();
  const declared = options.excerptSources;
  if (options.source !== undefined && declared !== undefined && !declared.some((candidate) => candidate.id === options.source)) {
    notices.push({ severity: 'error', rule: 'qdpx-source-option', reason: `--source ${options.source} names no source of the study`, fix: `Use one of ${declared.map((candidate) => candidate.id).join(', ') || '(none: declare the source in study.json "sources")'}.` });
    return { ...base, excerpts: [], positions: decision.why };
  }
  const onlySource = options.source ?? (declared?.length === 1 ? declared[0]!.id : undefined);
  for (const { source, text } of readable) {
    const records = sourceExcerpts(source, text, decision.unit, project, existing, speakers, codeOf, usedIds, notices, toFillIn, onlySource);
    if (declared !== undefined) refuseUnplaceable(source, records, declared, notices);
    excerpts.push(...records);
  }
  if (onlySource !== undefined && excerpts.some((entry) => entry.record.source === onlySource && !entry.fromVariable)) adjustments.push(`source: excerpts the project does not place come from "${onlySource}", ${options.source !== undefined ? 'as asked (--source)' : 'the only source the study declares'}`);
  const unknownSpeakers = speakerLabelsNotParticipants(readable.map(({ text }) => text.lf), speakers);
  return {
    ...base,
    excerpts,
    positions: decision.why,
    toFillIn: [
      ...[...toFillIn].map(([field, ids]) => `${field}: ${ids.length} excerpt${ids.length === 1 ? '' : 's'} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`),
      ...(unknownSpeakers.length > 0 ? [`speakers: ${unknownSpeakers.map(([label, count]) => `"${label}" starts ${count} lines`).join(', ')}; if these are speakers, add them to study.json's participants and import again to attribute their turns`] : []),
    ],
  };
}

/**
 * What the study check would report once per excerpt, said once per document of the
 * project, before anything is staged: excerpts the project does not place when the study
 * has several sources to choose from, and excerpts whose turns nobody speaks when their
 * source is talk (the comments, documents and field notes of a real project have no
 * speaker labels).
 */
function refuseUnplaceable(source: QdaTextSource, records: readonly ImportedRecord[], declared: readonly DeclaredSource[], notices: QdaNotice[]): void {
  const list = (ids: string[]) => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? `, and ${ids.length - 3} more` : ''}`;
  const ids = (entries: readonly ImportedRecord[]) => entries.map((entry) => String(entry.record.id));
  const unplaced = records.filter((entry) => entry.record.source === undefined);
  if (unplaced.length > 0) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-excerpt-source',
      reason: `Document "${source.name}": the project does not say which of the study's sources its ${unplaced.length} excerpt${unplaced.length === 1 ? '' : 's'} (${list(ids(unplaced))}) come from, and the study declares ${declared.length === 0 ? 'none' : declared.map((candidate) => `"${candidate.id}"`).join(' and ')}`,
      fix: declared.length === 0 ? 'Declare the source of these texts in study.json "sources" and import again.' : 'Import again with --source <id> (one of the sources above), or give the document a variable "source" in the QDA program.',
    });
  }
  const bySource = new Map(declared.map((candidate) => [candidate.id, candidate]));
  const unspoken = records.filter((entry) => {
    const kind = bySource.get(String(entry.record.source));
    const firstTurn = (entry.record.lines as Line[]).find((line) => line.kind === 'turn');
    return kind?.speakers === true && firstTurn !== undefined && firstTurn.speaker === undefined;
  });
  if (unspoken.length > 0) {
    const kinds = [...new Set(unspoken.map((entry) => String(entry.record.source)))];
    notices.push({
      severity: 'error',
      rule: 'qdpx-no-speaker',
      reason: `Document "${source.name}": ${unspoken.length} of its excerpts (${list(ids(unspoken))}) start with words no participant is named as saying, and their source ${kinds.map((kind) => `"${kind}"`).join(', ')} is talk, where every turn has a speaker`,
      fix: 'If these texts are documents or written comments, declare their source with "speakers": false in study.json and import with --source <it>; if they are talk, start each turn with a participant\'s label ("Label: words") in the QDA program, or add the labels the text uses to study.json\'s participants.',
    });
  }
}

/**
 * Labels that start several lines of the texts ("Interviewer: …") but name no participant:
 * their turns are imported without a speaker, and the researcher is told which labels to
 * declare. Only reported: a label is not a participant until the study says so.
 */
function speakerLabelsNotParticipants(texts: readonly string[], speakers: readonly Speaker[]): [string, number][] {
  const known = new Set(speakers.flatMap((speaker) => [speaker.label.toLowerCase(), speaker.id.toLowerCase()]));
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/^([\p{L}][\p{L}\p{N} .'-]{0,29}):[ \t]/gmu)) {
      const label = match[1]!.trim();
      if (!known.has(label.toLowerCase())) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, count]) => count >= 3).sort((a, b) => b[1] - a[1]).slice(0, 5);
}

function sourceExcerpts(source: QdaTextSource, text: SourceText, unit: PositionUnit, project: QdaProject, existing: ExistingStudy, speakers: readonly Speaker[], codeOf: Map<string, string>, usedIds: Set<string>, notices: QdaNotice[], toFillIn: Map<string, string[]>, onlySource: string | undefined): ImportedRecord[] {
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
      notices.push({ severity: 'error', rule: 'qdpx-selection-range', reason: `Selection ${selection.name ? `"${selection.name}" ` : ''}in source "${source.name}" ${where.problem}`, fix: 'The project and its source text disagree; export the project again, or remove the selection in the QDA program.' });
      continue;
    }
    if (text.lf.slice(where.start, where.end).trim() === '') {
      notices.push({ severity: 'warning', rule: 'qdpx-empty-selection', reason: `Selection at position ${selection.start} in source "${source.name}" holds no text; skipped`, fix: 'Remove the empty selection in the QDA program.' });
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
    const codes = orderCodes(span.codeGuids.flatMap((guid) => {
      const code = codeOf.get(guid);
      if (code === undefined) notices.push({ severity: 'warning', rule: 'qdpx-unknown-code', reason: `A coding in source "${source.name}" refers to a code that is not in the codebook (${guid}); ignored`, fix: 'The project is inconsistent; check the coding in the QDA program.' });
      return code ?? [];
    }), basis?.codes ?? []);
    const session = numberOrText(variable('session'));
    const step = variable('step')?.trim() || undefined;
    const page = numberOrText(variable('page'));
    const order = numberOrText(variable('order'));
    const section = variable('section')?.trim() || undefined;
    // A name that quotes the selected words (QualCoder and ATLAS.ti write them there) is not a title.
    const selected = normaliseQuote(text.lf.slice(span.start, span.end));
    const selectionName = span.selections.map((selection) => selection.name?.trim() ?? '').find((name) => name !== '' && !selected.startsWith(normaliseQuote(name)));
    const title = (isBase ? variable('title') ?? basis?.title : undefined) ?? selectionName ?? firstWords(lines, 8);
    const article = {
      ...(section !== undefined ? { section } : !fromCasebook && basis?.article?.section !== undefined ? { section: basis.article.section } : {}),
      ...(page !== undefined ? { page } : !fromCasebook && basis?.article?.page !== undefined ? { page: basis.article.page } : {}),
      ...(order !== undefined ? { order } : !fromCasebook && basis?.article?.order !== undefined ? { order: basis.article.order } : {}),
    };
    const sourceKind = variable('source') ?? basis?.source ?? onlySource;
    const record: Record<string, unknown> = {
      id,
      title,
      session: session ?? (fromCasebook ? null : basis?.session ?? null),
      ...(step !== undefined ? { step } : !fromCasebook && basis?.step !== undefined ? { step: basis.step } : {}),
      ...(sourceKind !== undefined ? { source: sourceKind } : {}),
      lines,
      codes,
      ...(leadIn !== undefined && leadIn.trim() !== '' ? { leadIn } : {}),
      ...(interpretation !== undefined && interpretation.trim() !== '' ? { interpretation } : {}),
      ...(Object.keys(article).length > 0 ? { article } : {}),
      notes: sourceReconstruction.length > 0 || fromCasebook ? sourceReconstruction : (basis?.notes ?? []),
    };
    // Lead-in and article place are optional (a study need not be an article); these two are what an excerpt is for.
    for (const [field, present] of [['interpretation', 'interpretation' in record], ['source', 'source' in record]] as const) {
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
