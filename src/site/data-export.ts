/**
 * The data downloads: the whole coded study as one versioned JSON document, and the
 * excerpts as a CSV table for spreadsheets. Both are built from the Study model (never by
 * copying content files), so they hold exactly what the site shows.
 */
import type { Study } from '../study/index.ts';
import type { Excerpt } from '../study/schemas/index.ts';
import { neutraliseFormula } from '../interchange/formula.ts';
import { capitalise, workNoun } from '../study/words.ts';
import { hasSourceNumbers, printedNumbers } from '../study/transcripts.ts';

/** Bumped whenever a field is renamed, removed or changes meaning; additions keep it. */
export const studyExportVersion = 1;

/** Drops the editor hint `$schema` that content files carry; it is not data. */
function withoutSchemaRef<T extends object>(value: T): Omit<T, '$schema'> {
  const { $schema: _ignored, ...rest } = value as T & { $schema?: unknown };
  return rest;
}

/**
 * `/data/study.json`. Each section has the shape of the content file it comes from, so the
 * JSON Schemas in `/schemas/` document it: `meta` ↔ study.schema.json, `codebook` ↔
 * codebook.schema.json, each of `sessions` ↔ session.schema.json, each of `excerpts` ↔
 * excerpt.schema.json, `questionnaires` ↔ questionnaires.schema.json (only when the study has them), `references` ↔ the
 * `references` list of references.schema.json, `glossary` ↔ the `terms` list of
 * glossary.schema.json, `procedure` ↔ procedure.schema.json (only when the study has one).
 */
export function studyExport(study: Study, documentation: string) {
  return {
    format: 'casebook-study',
    formatVersion: studyExportVersion,
    documentation,
    meta: withoutSchemaRef(study.meta),
    codebook: { themes: study.themes },
    sessions: study.sessions.map(withoutSchemaRef),
    excerpts: study.excerpts.map(withoutSchemaRef),
    ...(study.questionnaires ? { questionnaires: withoutSchemaRef(study.questionnaires) } : {}),
    references: study.references,
    glossary: study.glossary,
    ...(study.procedure ? { procedure: withoutSchemaRef(study.procedure) } : {}),
  };
}

export function studyJson(study: Study, documentation: string): string {
  return `${JSON.stringify(studyExport(study, documentation), null, 2)}\n`;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────

/**
 * One field, quoted when it holds a comma, a quote or a line break (RFC 4180 §2.6–2.7),
 * with a leading apostrophe where a spreadsheet would otherwise run it as a formula.
 */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Records end with CRLF, as RFC 4180 specifies. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * The quoted lines as plain text: "<speaker label>: …" for a labelled turn, one line each;
 * where the excerpt keeps its source's line numbers, each numbered line starts with its
 * number ("95 DR: …"), as src/interchange/lines-text.ts writes them for a spreadsheet.
 */
export function transcriptText(study: Study, excerpt: Excerpt): string {
  const numbers = hasSourceNumbers(excerpt.lines) ? printedNumbers(excerpt.lines) : [];
  return excerpt.lines
    .map((line, index) => {
      const text = line.kind === 'turn' && line.speaker !== undefined ? `${study.participants.get(line.speaker)?.label ?? line.speaker}: ${line.text}` : line.text;
      const number = numbers[index];
      return number === undefined ? text : `${String(number)} ${text}`;
    })
    .join('\n');
}

/** Labels of everyone who speaks, in order of their first turn. */
function speakerLabels(study: Study, excerpt: Excerpt): string[] {
  const ids = [...new Set(excerpt.lines.flatMap((line) => (line.kind === 'turn' && line.speaker !== undefined ? [line.speaker] : [])))];
  return ids.map((id) => study.participants.get(id)?.label ?? id);
}

export interface ExcerptColumn {
  name: string;
  description: string;
  value: (study: Study, excerpt: Excerpt) => string;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The columns of `/data/excerpts.csv`, with what each holds in the study's words (the about page lists them). */
export function excerptColumns(study: Study): readonly ExcerptColumn[] {
  const { singular } = study.meta.vocabulary.unit;
  const work = workNoun(study.meta);
  const sources = [...study.sources.values()].map((source) => `"${source.id}" (${lowerFirst((source.description ?? source.label).replace(/\.$/u, ''))})`);
  return [
    { name: 'id', description: 'Stable identifier; the excerpt’s page is /excerpts/<id>/.', value: (_, excerpt) => excerpt.id },
    { name: 'title', description: 'Short title.', value: (_, excerpt) => excerpt.title },
    { name: 'session', description: `${capitalise(singular)} number; empty where the ${work} does not say.`, value: (_, excerpt) => (excerpt.session === null ? '' : String(excerpt.session)) },
    { name: 'source', description: sources.length > 1 ? `${sources.slice(0, -1).join(', ')} or ${sources.at(-1)}.` : `${sources[0]}.`, value: (_, excerpt) => excerpt.source },
    { name: 'speakers', description: 'Who speaks, in order of first turn, separated by "; ".', value: (current, excerpt) => speakerLabels(current, excerpt).join('; ') },
    { name: 'codes', description: `Codebook codes, the one the ${work} presents it under first, separated by "; ".`, value: (_, excerpt) => excerpt.codes.join('; ') },
    {
      name: 'transcript',
      description:
        'The quoted lines exactly as printed (transcripts in Jefferson notation), one per line; where the excerpt keeps its source’s line numbers, each line starts with its number (“95 DR: …”).',
      value: transcriptText,
    },
    { name: 'lead_in', description: `What the ${work} says just before quoting it (our words); empty where there is none.`, value: (_, excerpt) => excerpt.leadIn ?? '' },
    { name: 'interpretation', description: 'The researcher’s interpretation (our summary).', value: (_, excerpt) => excerpt.interpretation ?? '' },
    { name: 'article_section', description: `Where in the ${work} it is quoted; empty where it is not.`, value: (_, excerpt) => excerpt.article?.section ?? '' },
    {
      name: 'article_order',
      description: `Its position among the ${work}’s quoted excerpts; empty where it is not quoted there.`,
      value: (_, excerpt) => (excerpt.article?.order === undefined ? '' : String(excerpt.article.order)),
    },
  ];
}

/**
 * `/data/excerpts.csv`: a header and one record per excerpt, UTF-8 with a byte-order mark
 * so Excel reads the curly quotes and dashes of the transcripts correctly.
 */
export function excerptsCsv(study: Study): string {
  const columns = excerptColumns(study);
  const header = csvRecord(columns.map((column) => column.name));
  const rows = study.excerpts.map((excerpt) => csvRecord(columns.map((column) => column.value(study, excerpt))));
  return `\uFEFF${header}${rows.join('')}`;
}

/** Size in bytes of a download as served (UTF-8). */
export function byteSize(body: string): number {
  return new TextEncoder().encode(body).length;
}
