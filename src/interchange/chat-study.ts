/**
 * A read CHAT file → what the study can hold of it: one excerpt (the whole transcript, or a
 * range of its lines) and the participants its speakers become. Speakers are matched to
 * the study's participants by an explicit `--speaker CODE=id`, else by id or label; a
 * speaker the study does not have yet becomes a new participant built from its
 * `@Participants` and `@ID` headers. Names stay out: CHAT files often carry real first
 * names, and a published study shows labels and roles, so a name is listed as not kept.
 */
import { silenceLine } from '../ca/line-grammar.ts';
import type { Problem } from '../study/diagnostics.ts';
import { IdSchema, SlugSchema } from '../study/schemas/index.ts';
import type { ChatDocument, ChatParticipant, Place } from './chat.ts';

export interface ChatImportOptions {
  /** The excerpt's id; default: the file name as a slug, with the line range when one is given. */
  id?: string | undefined;
  /** CA-CLAN line numbers to import, inclusive; default: every line. */
  range?: { from: number; to: number } | undefined;
  /** The unit (sessions/<n>.json) the excerpt belongs to; default: none (null). */
  unit?: number | undefined;
  /** An excerpt source id; default: the study's only source transcribed in Jefferson notation. */
  source?: string | undefined;
  /** Codes to code the excerpt with (at least one). */
  codes: string[];
  title?: string | undefined;
  /** CHAT speaker code → participant id of the study. */
  speakers: Map<string, string>;
}

export interface StudyContext {
  participants: { id: string; label: string }[];
  sources: { id: string; transcription: string | undefined }[];
}

export interface ChatImport {
  excerpt: Record<string, unknown>;
  /** Where each stored line came from in the file. */
  places: { text: Place; speaker: Place }[];
  /** Participants to add to study.json. */
  participants: { id: string; label: string; role: string; description: string }[];
  /** How each speaker code was taken into the study. */
  speakers: string[];
  /** What the study cannot hold, one line each, with the file place. */
  notKept: string[];
  problems: Problem[];
}

export function chatToStudy(doc: ChatDocument, fileName: string, options: ChatImportOptions, context: StudyContext): ChatImport {
  const problems: Problem[] = [];
  const option = (reason: string, fix: string) => problems.push({ reason, rule: 'chat-option', severity: 'error', place: undefined, fix });
  const last = doc.lines.at(-1)?.number ?? 0;
  const range = options.range ?? { from: 1, to: last };
  if (options.range && (range.from < 1 || range.to > last || range.from > range.to)) {
    option(`--lines ${range.from}-${range.to} is outside the transcript, which has lines 1-${last}`, `Give a range within 1-${last}, first line first.`);
  }
  const selected = doc.lines.filter((line) => line.number >= range.from && line.number <= range.to);

  const jefferson = context.sources.filter((source) => source.transcription === 'jefferson');
  let source = options.source;
  if (source === undefined) {
    if (jefferson.length === 1) source = jefferson[0]!.id;
    else
      option(
        `No --source given, and the study declares ${jefferson.length === 0 ? 'no source' : `${jefferson.length} sources`} transcribed in Jefferson notation${jefferson.length > 0 ? ` (${jefferson.map((entry) => entry.id).join(', ')})` : ''}`,
        'Pass --source <id> with the id of the source in study.json "sources" the transcript belongs to.',
      );
  }
  if (options.codes.length === 0)
    option('No --code given: an excerpt is coded with at least one code', 'Pass --code 1.1 (several: --code 1.1,2.0), codes of codebook.json; the first is where the study presents it.');

  const base = slug(fileName.replace(/\.cha$/i, '')) || 'chat';
  const id = options.id ?? (options.range ? `${base}-${range.from}-${range.to}` : base);
  if (options.id !== undefined && !SlugSchema.safeParse(options.id).success)
    option(`--id "${options.id}" is not a slug`, 'Use lower-case letters, digits and single hyphens, e.g. --id klee-or-knijff.');

  // Speakers: explicit mapping, then the study's own participants by id or label, else a new participant.
  const participants: ChatImport['participants'] = [];
  const speakerLines: string[] = [];
  const notKept: string[] = [];
  const idOf = new Map<string, string>();
  const used = new Set(selected.map((line) => line.code));
  const taken = new Set(context.participants.map((participant) => participant.id));
  for (const [code, target] of options.speakers) {
    if (!doc.participants.some((participant) => participant.code === code))
      option(
        `--speaker ${code}=${target}: the file has no speaker ${code} (${doc.participants.map((participant) => participant.code).join(', ')})`,
        'Give a speaker code from the file’s @Participants.',
      );
    else if (!taken.has(target))
      option(
        `--speaker ${code}=${target}: the study has no participant "${target}" (${[...taken].join(', ')})`,
        'Give the id of a participant in study.json, or leave the speaker out to add it as a new participant.',
      );
  }
  for (const speaker of doc.participants) {
    if (speaker.name !== undefined)
      notKept.push(`${placeText(fileName, speaker.place)}  the name of ${speaker.code} (names stay out of a published study; add one to study.json yourself if the study may print it)`);
    if (!used.has(speaker.code)) continue;
    const mapped = options.speakers.get(speaker.code);
    const existing =
      mapped !== undefined
        ? context.participants.find((participant) => participant.id === mapped)
        : context.participants.find((participant) => participant.id === speaker.code.toLowerCase() || participant.label === speaker.code);
    if (existing) {
      idOf.set(speaker.code, existing.id);
      speakerLines.push(`${speaker.code} → participant "${existing.id}" (label ${existing.label})`);
      continue;
    }
    const newId = freeId(speaker.code, taken);
    taken.add(newId);
    idOf.set(speaker.code, newId);
    participants.push({ id: newId, label: speaker.code, role: speaker.role, description: describe(speaker, fileName) });
    speakerLines.push(`${speaker.code} → new participant "${newId}" (${speaker.role})`);
  }

  const lines: Record<string, unknown>[] = [];
  const places: ChatImport['places'] = [];
  let spoken = false;
  for (const line of selected) {
    const speaker = idOf.get(line.code) ?? line.code.toLowerCase();
    places.push({ text: line.place, speaker: line.codePlace });
    // A continuation that is only a timed pause (with its note or media time) is a silence line.
    // Every line keeps the number CA-CLAN gives it, so the page and a citation show the file's numbering.
    if (!line.first && silenceLine.test(line.text)) {
      lines.push({ kind: 'silence', text: line.text, number: line.number });
      continue;
    }
    // The first turn of a range that starts inside a tier names the tier's speaker.
    lines.push(line.first || !spoken ? { kind: 'turn', speaker, text: line.text, number: line.number } : { kind: 'turn', text: line.text, number: line.number });
    spoken = true;
  }
  const span = (from: number | undefined, to: number | undefined) => (from === to ? `${from ?? ''}` : `${from}–${to}`);
  const printed = span(selected[0]?.number, selected.at(-1)?.number);
  const fileLines = span(selected[0]?.place.line, selected.at(-1)?.place.line);
  const plural = selected.length === 1 ? '' : 's';
  // The excerpt's lines carry the transcript's numbers, so comments name lines by them; the first note says which lines of the text file those are.
  const notes = [
    `Imported from the CHAT file ${fileName}: its transcript line${plural} ${printed}, which keep${plural ? '' : 's'} ${plural ? 'those numbers' : 'that number'} (file line${plural} ${fileLines})${doc.media ? `, media ${doc.media.value}` : ''}; a number_number word on a line is its media time code (start_end, milliseconds).`,
    ...doc.comments
      .filter((comment) => comment.line === undefined || (comment.line >= range.from && comment.line <= range.to))
      .map(
        (comment) =>
          `${comment.line === undefined ? 'Comment' : comment.name === '%com' ? `Comment on line ${comment.line}` : `Comment after line ${comment.line}`} (${comment.name}, file line ${comment.place.line}): ${comment.value}`,
      ),
  ];
  for (const field of doc.notKept) {
    if (field.line !== undefined && (field.line < range.from || field.line > range.to)) continue;
    notKept.push(`${placeText(fileName, field.place)}  ${field.name}${field.value ? ` ${clip(field.value)}` : ''} (the study has no field for it)`);
  }
  const excerpt = {
    id,
    title: options.title ?? `${fileName}, line${plural} ${printed}`,
    session: options.unit ?? null,
    source: source ?? '',
    lines,
    codes: options.codes,
    notes,
  };
  return { excerpt, places, participants, speakers: speakerLines, notKept, problems };
}

function describe(speaker: ChatParticipant, fileName: string): string {
  const fields = Object.entries(speaker.id).map(([key, value]) => `${key === 'ses' ? 'SES' : key} ${value}`);
  return `${speaker.role}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}, as the @Participants and @ID headers of ${fileName} describe ${speaker.code}.`;
}

function freeId(code: string, taken: ReadonlySet<string>): string {
  const base = IdSchema.safeParse(code.toLowerCase()).success ? code.toLowerCase() : slug(code) || 'speaker';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function placeText(fileName: string, place: Place): string {
  return `${fileName}:${place.line}:${place.column}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
