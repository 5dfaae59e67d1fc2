/**
 * Reads a CHAT file (`.cha`, the CLAN format CABank and the rest of TalkBank publish) as far
 * as its frame goes: the `@UTF8`/`@Begin`/`@End` frame, the headers, the participants
 * (`@Participants`, `@ID`), main tiers (`*KAT:`), dependent tiers (`%com:`) and
 * tab-indented continuation lines. The talk inside a tier is not read here: it is kept as
 * written and read by the CA engine (src/ca), which already knows CABank's notation and
 * media links, so there is one grammar of talk, not two.
 *
 * Every problem is located (line and column of the file) and all are collected, never
 * thrown. Lines the study cannot hold are listed as `notKept`, so nothing is dropped unsaid.
 */
import { mediaLinks } from '../ca/tokenize.ts';
import type { Problem } from '../study/diagnostics.ts';

export interface Place {
  line: number;
  column: number;
}

/** A speaker the file declares: `@Participants` entry plus its `@ID` fields, where given. */
export interface ChatParticipant {
  /** The speaker code printed on main tiers, e.g. `KAT`. */
  code: string;
  /** The name the file gives, with `_` read as a space; undefined when the entry has only code and role. */
  name: string | undefined;
  /** The role, with `_` read as a space, e.g. `Target Adult`. */
  role: string;
  /** Fields of the `@ID` header that are given: age, sex, group, SES, education, custom. */
  id: { age?: string; sex?: string; group?: string; ses?: string; education?: string; custom?: string };
  place: Place;
}

/** One printed line of the transcript: a main tier's first line, or a continuation of it. */
export interface ChatLine {
  /** CA-CLAN's line number: the position among the transcript's printed lines, from 1. */
  number: number;
  /** The speaker code of the tier the line belongs to. */
  code: string;
  /** True for the tier's first line (the one with `*KAT:`), false for a tab-indented continuation. */
  first: boolean;
  /** The talk as written, media bullets (U+0015) taken off and the `start_end` link kept as a word. */
  text: string;
  /** Where the talk starts in the file. */
  place: Place;
  /** Where the speaker code starts (a continuation: its tier's code). */
  codePlace: Place;
  /** The media times the line carries, in milliseconds. */
  times: { start: number; end: number }[];
}

/** A header or dependent tier, with its value (continuation lines joined with a space). */
export interface ChatField {
  /** `@Comment`, `@Media`, `%com`, `%mor`… */
  name: string;
  value: string;
  place: Place;
  /** The number of the transcript line a dependent tier belongs to, or a header among the tiers follows; undefined before the first tier. */
  line?: number | undefined;
}

export interface ChatDocument {
  participants: ChatParticipant[];
  lines: ChatLine[];
  /** `@Comment` headers and `%com` tiers: kept as the excerpt's notes. */
  comments: ChatField[];
  /** `@Media`, where given. */
  media: ChatField | undefined;
  /** Headers and dependent tiers the study has no place for. */
  notKept: ChatField[];
  problems: Problem[];
}

// Headers whose whole meaning is the frame or the participants; read, so not listed as not kept.
const frameHeaders = new Set(['@UTF8', '@Begin', '@End', '@Participants', '@ID']);
const mediaBullet = /\u0015([^\u0015]*)\u0015?/g;

/** Decodes the bytes of a `.cha` file: UTF-8, a byte-order mark dropped; invalid UTF-8 is a located error. */
export function decodeChat(bytes: Uint8Array): { text: string; problems: Problem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), problems: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0)).split(/\r\n|\n|\r/);
    return {
      text,
      problems: [
        {
          reason: 'The file is not valid UTF-8 (CHAT files are UTF-8, as their @UTF8 header says)',
          rule: 'chat-encoding',
          severity: 'error',
          place: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
          fix: 'Open the file in CLAN or a text editor and save it as UTF-8, then check the characters around this place.',
        },
      ],
    };
  }
}

export function readChat(input: string): ChatDocument {
  const text = input.replace(/^\uFEFF/, '');
  const rows = text.split(/\r\n|\n|\r/);
  // A final line break leaves an empty last row that is no line of the file.
  if (rows.length > 1 && rows.at(-1) === '') rows.pop();
  const problems: Problem[] = [];
  const participants: ChatParticipant[] = [];
  const lines: ChatLine[] = [];
  const comments: ChatField[] = [];
  const notKept: ChatField[] = [];
  let media: ChatField | undefined;
  let begin: number | undefined;
  let end: number | undefined;
  let utf8 = false;
  let participantsSeen = false;
  let options: ChatField | undefined;
  const ids: { fields: string[]; place: Place }[] = [];
  // What a tab-indented line continues: a main tier, or a header or dependent tier (a field).
  let current: { kind: 'tier'; code: string; codePlace: Place } | { kind: 'field'; field: ChatField } | { kind: 'skip' } | undefined;
  const error = (place: Place | undefined, reason: string, rule: string, fix: string) => problems.push({ reason, rule, severity: 'error', place, fix });

  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    if (raw.trim() === '') continue;
    if (end !== undefined) {
      error(
        { line: row, column: 1 },
        `Unexpected \`${clip(raw)}\` after @End (line ${end}), expected nothing: @End closes the transcript`,
        'chat-end',
        'Move @End to the last line, or delete what follows it.',
      );
      continue;
    }
    if (raw.startsWith('\t') || raw.startsWith(' ')) {
      const column = raw.length - raw.trimStart().length + 1;
      if (current?.kind === 'field') {
        current.field.value = `${current.field.value} ${raw.trim()}`.trim();
        // CLAN wraps a long @Participants after a comma: the next entries are on this line.
        if (current.field.name === '@Participants') participantEntries(raw, column, row, participants, problems);
      } else if (current?.kind === 'skip') continue;
      else if (current?.kind === 'tier') lines.push(tierLine(raw.slice(column - 1), { line: row, column }, current.code, current.codePlace, false, lines.length + 1, problems));
      else
        error(
          { line: row, column: 1 },
          'Unexpected indented line with no tier or header before it to continue, expected a line starting with `@`, `*` or `%`',
          'chat-continuation',
          'A line starting with a tab continues the tier above it: join it to a tier, or start it with `*CODE:` and a tab.',
        );
      continue;
    }
    if (raw.startsWith('@')) {
      // The name runs to the colon or tab (`@Room Layout:`, `@New Episode`), the value after it.
      const match = /^(@[^:\t]*)(?::[ \t]*|\t+)?(.*)$/s.exec(raw)!;
      const name = match[1]!.trimEnd();
      const value = match[2]!.trim();
      const valueColumn = raw.length - match[2]!.length + (match[2]!.length - match[2]!.trimStart().length) + 1;
      // A header among the tiers (@Comment, @Bg, @New Episode…) belongs after the line above it.
      const field: ChatField = { name, value, place: { line: row, column: 1 }, line: lines.at(-1)?.number };
      current = { kind: 'field', field };
      if (name === '@Options') options = field;
      if (name === '@UTF8') utf8 = true;
      else if (name === '@Begin') begin ??= row;
      else if (name === '@End') end = row;
      else if (name === '@Participants') {
        participantsSeen = true;
        participantEntries(raw, valueColumn, row, participants, problems);
      } else if (name === '@ID') ids.push({ fields: value.split('|'), place: { line: row, column: valueColumn } });
      else if (name === '@Comment') comments.push(field);
      else if (name === '@Media') media = field;
      else notKept.push(field);
      if (!frameHeaders.has(name) && begin === undefined && name !== '@Font' && name !== '@PID' && name !== '@Window' && name !== '@ColorWords') {
        // CLAN writes a few hidden headers before @Begin; others belong inside the frame.
        error({ line: row, column: 1 }, `Unexpected ${name} before @Begin, expected @Begin first`, 'chat-begin', 'Put @Begin on the line after @UTF8, before every other header.');
      }
      continue;
    }
    if (raw.startsWith('*')) {
      const match = /^\*([^:\s]+)(:?)([ \t]*)(.*)$/s.exec(raw);
      if (!match) {
        error(
          { line: row, column: 2 },
          `Unexpected \`${clip(raw)}\`, expected a speaker code after \`*\` (\`*KAT:\` and a tab)`,
          'chat-speaker',
          'Write the speaker code of the turn after the `*`, as @Participants declares it.',
        );
        current = { kind: 'skip' }; // its continuation lines belong to a tier already reported
        continue;
      }
      const code = match[1]!;
      const codePlace = { line: row, column: 2 };
      if (begin === undefined)
        error({ line: row, column: 1 }, `Unexpected tier *${code} before @Begin, expected @Begin and the headers first`, 'chat-begin', 'Put @Begin and the @Participants header above the first tier.');
      if (match[2] === '' || match[3] === '') {
        problems.push({
          reason: `Unexpected \`*${code}${match[2]}\` without ${match[2] === '' ? 'a colon' : 'a tab'} after the speaker code, expected \`*${code}:\` and a tab`,
          rule: 'chat-tier',
          severity: 'warning',
          place: { line: row, column: 2 + code.length },
          fix: `Write \`*${code}:\` followed by a tab (CLAN's check does the same); the line is read as ${code}'s tier.`,
        });
      }
      current = { kind: 'tier', code, codePlace };
      const textColumn = 2 + code.length + match[2]!.length + match[3]!.length;
      lines.push(tierLine(match[4]!, { line: row, column: textColumn }, code, codePlace, true, lines.length + 1, problems));
      continue;
    }
    if (raw.startsWith('%')) {
      const match = /^(%[^:\s]+):?[ \t]*(.*)$/s.exec(raw);
      if (!match) {
        error(
          { line: row, column: 2 },
          `Unexpected \`${clip(raw)}\`, expected a tier name after \`%\` (\`%com:\` and a tab)`,
          'chat-dependent-tier',
          'Write the dependent tier’s name after the `%` (com, mor, gra…), or delete the line.',
        );
        current = { kind: 'skip' };
        continue;
      }
      const field: ChatField = { name: match[1]!, value: match[2]!.trim(), place: { line: row, column: 1 }, line: lines.at(-1)?.number };
      current = { kind: 'field', field };
      if (lines.length === 0)
        error(
          { line: row, column: 1 },
          `Unexpected dependent tier ${field.name} before any main tier, expected it under the tier (\`*CODE:\`) it describes`,
          'chat-dependent-tier',
          'Move it below the main tier it belongs to, or delete it.',
        );
      else if (field.name === '%com') comments.push(field);
      else notKept.push(field);
      continue;
    }
    error(
      { line: row, column: 1 },
      `Unexpected \`${clip(raw)}\` at the start of a line, expected a header (\`@…\`), a main tier (\`*CODE:\`), a dependent tier (\`%com:\`) or a tab-indented continuation`,
      'chat-line',
      'Start the line with a tab if it continues the tier above, or with `*CODE:` and a tab if it is a new turn.',
    );
  }

  const last = { line: Math.max(rows.length, 1), column: (rows.at(-1)?.length ?? 0) + 1 };
  if (!utf8)
    problems.push({
      reason: 'The file has no @UTF8 header, expected it on the first line of a CHAT file',
      rule: 'chat-utf8',
      severity: 'warning',
      place: { line: 1, column: 1 },
      fix: 'The file is read as UTF-8 anyway; add @UTF8 as its first line so CLAN reads it the same way.',
    });
  if (begin === undefined)
    error(
      { line: 1, column: 1 },
      'The file has no @Begin header, expected @Begin before the headers and tiers',
      'chat-begin',
      'Add @Begin on the line after @UTF8. A file without it is not a complete CHAT transcript.',
    );
  if (end === undefined)
    error(last, 'The file ends without @End, expected @End on the last line', 'chat-end', 'Add @End as the last line; if the file was cut short, check that the transcript is complete.');
  if (!participantsSeen)
    error(
      { line: begin ?? 1, column: 1 },
      'The file has no @Participants header, expected one naming every speaker (`@Participants:\tKAT Kate Customer, …`)',
      'chat-participants',
      'Add @Participants after @Languages, one entry per speaker code: code, optional name, role.',
    );
  if (participantsSeen && lines.length === 0) error(last, 'The file has no main tier, expected at least one line of talk (`*KAT:\t…`)', 'chat-no-tiers', 'Import a transcript with talk in it.');

  // CHAT without CA marks overlaps, pauses and retracings its own way (`<yes> [>]`, `&um`, `[/]`), which Jefferson notation reads otherwise.
  if (!/(^|[\s,])CA($|[\s,])/.test(options?.value ?? '')) {
    problems.push({
      reason: `The file is not marked as CHAT-CA (${options ? `@Options is "${options.value}"` : 'it has no @Options: CA header'}), expected a Conversation Analysis transcript: its tiers are read as Jefferson notation, so CHAT's own marks (\`<yes> [>]\`, \`&um\`, \`[/]\`) may be misread`,
      rule: 'chat-not-ca',
      severity: 'warning',
      place: options?.place ?? { line: begin ?? 1, column: 1 },
      fix: "Check the imported lines on the excerpt page; for Jefferson notation import a CA transcript (CABank marks them @Options: CA), or rewrite the marks as Jefferson's.",
    });
  }
  const byCode = new Map(participants.map((participant) => [participant.code, participant]));
  for (const { fields, place } of ids) {
    const code = fields[2]?.trim() ?? '';
    const participant = byCode.get(code);
    if (fields.length < 10 || !participant) {
      error(
        place,
        fields.length < 10
          ? `Unexpected @ID with ${fields.length - 1} bars, expected 10 fields \`language|corpus|code|age|sex|group|SES|role|education|custom|\``
          : `Unexpected @ID for \`${code}\`, expected a code declared in @Participants (${[...byCode.keys()].join(', ') || 'none'})`,
        'chat-id',
        fields.length < 10 ? 'Write every field of the @ID, leaving the unknown ones empty between their bars.' : 'Correct the code in the @ID, or add the speaker to @Participants.',
      );
      continue;
    }
    const [, , , age, sex, group, ses, , education, custom] = fields.map((field) => field.trim());
    participant.id = Object.fromEntries(Object.entries({ age, sex, group, ses, education, custom }).filter(([, value]) => value !== undefined && value !== '')) as ChatParticipant['id'];
  }
  for (const line of lines) {
    if (!line.first || byCode.has(line.code) || !participantsSeen) continue;
    error(
      line.codePlace,
      `Unknown speaker \`${line.code}\`: @Participants does not declare it (${[...byCode.keys()].join(', ') || 'none'})`,
      'chat-speaker',
      'Correct the speaker code of this tier, or add the speaker to @Participants (and an @ID for it).',
    );
  }
  return { participants, lines, comments, media, notKept, problems };
}

function participantEntries(raw: string, valueColumn: number, row: number, into: ChatParticipant[], problems: Problem[]): void {
  let column = valueColumn;
  for (const entry of raw.slice(valueColumn - 1).split(',')) {
    const place = { line: row, column: column + (entry.length - entry.trimStart().length) };
    column += entry.length + 1;
    const words = entry.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue; // CLAN tolerates a trailing comma
    if (words.length < 2) {
      problems.push({
        reason: `Unexpected participant \`${entry.trim()}\` without a role, expected \`CODE Name Role\` or \`CODE Role\``,
        rule: 'chat-participants',
        severity: 'error',
        place,
        fix: 'Add the role after the code (CHAT roles such as Adult, Target_Adult, Investigator, Unidentified).',
      });
      continue;
    }
    const [code, ...rest] = words;
    const role = rest.pop()!;
    if (into.some((participant) => participant.code === code)) {
      problems.push({ reason: `Duplicate participant \`${code}\` in @Participants`, rule: 'chat-participants', severity: 'error', place, fix: 'Declare each speaker code once.' });
      continue;
    }
    into.push({ code: code!, name: rest.length > 0 ? rest.join(' ').replaceAll('_', ' ') : undefined, role: role.replaceAll('_', ' '), id: {}, place });
  }
}

function tierLine(raw: string, place: Place, code: string, codePlace: Place, first: boolean, number: number, problems: Problem[]): ChatLine {
  // A bullet holds a media link `start_end`; older CLAN wrote `%snd:"file"_start_end` or `%pic:` there.
  for (const match of raw.matchAll(mediaBullet)) {
    if (/^\d+_\d+$/.test(match[1]!)) continue;
    problems.push({
      reason: `Unexpected media bullet \`${clip(match[0].replaceAll('\u0015', '•'))}\`, expected a time code \`start_end\` in milliseconds between U+0015 bullets`,
      rule: 'chat-media-bullet',
      severity: 'error',
      place: { line: place.line, column: place.column + match.index },
      fix: 'Re-save the file with a current CLAN (bullets then hold `start_end` only), or delete the bullet.',
    });
  }
  const text = raw
    .replace(mediaBullet, (whole, inside: string) => (/^\d+_\d+$/.test(inside) ? ` ${inside} ` : whole))
    .replace(/[ \t]{2,}(?=\d+_\d+(?:\s|$))|(?<=\d+_\d+)[ \t]{2,}/g, ' ')
    .trim();
  // The CA engine's own rule for a media link, so the times here are the ones the page carries.
  const times = [...text.matchAll(mediaLinks)].map((match) => ({ start: Number(match[1]), end: Number(match[2]) }));
  return { number, code, first, text, place, codePlace, times };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
