/**
 * Content JSON as the researcher's files hold it: fields in the schema's order, two-space
 * indentation, a final newline, and the "$schema" editor hint kept from the file being
 * replaced (or taken from its neighbours for a new file).
 */
import type { Codebook, Excerpt, Line } from '../study/schemas/index.ts';

/** What content/ files name when nothing else is known (the bundled study's layout). */
export const defaultSchemaRefs = {
  excerpt: '../../public/schemas/excerpt.schema.json',
  codebook: '../public/schemas/codebook.schema.json',
} as const;

function lineRecord(line: Line): Record<string, unknown> {
  const number = line.kind !== 'omission' && line.number !== undefined ? { number: line.number } : {};
  if (line.kind === 'turn') return { kind: 'turn', ...(line.speaker === undefined ? {} : { speaker: line.speaker }), text: line.text, ...number };
  return { kind: line.kind, text: line.text, ...number };
}

/** The excerpt as a file holds it, keys in the schema's order. */
export function excerptRecord(excerpt: Excerpt, schemaRef: string | undefined): Record<string, unknown> {
  return {
    ...(schemaRef === undefined ? {} : { $schema: schemaRef }),
    id: excerpt.id,
    title: excerpt.title,
    session: excerpt.session,
    ...(excerpt.step === undefined ? {} : { step: excerpt.step }),
    source: excerpt.source,
    lines: excerpt.lines.map(lineRecord),
    ...(excerpt.notLoud === undefined ? {} : { notLoud: excerpt.notLoud }),
    codes: excerpt.codes,
    ...(excerpt.leadIn === undefined ? {} : { leadIn: excerpt.leadIn }),
    interpretation: excerpt.interpretation,
    ...(excerpt.article === undefined ? {} : { article: placementRecord(excerpt.article.section, excerpt.article.page, excerpt.article.order) }),
    notes: excerpt.notes,
  };
}

/**
 * Where in the publication an excerpt is quoted, with only the parts that are given; an
 * excerpt with none of them is not quoted in the publication and has no "article".
 */
export function placementRecord(section: unknown, page: unknown, order: unknown): Record<string, unknown> | undefined {
  const given = (value: unknown) => value !== undefined && value !== '';
  if (!given(section) && !given(page) && !given(order)) return undefined;
  return { ...(given(section) ? { section } : {}), ...(given(page) ? { page } : {}), ...(given(order) ? { order } : {}) };
}

/** `{ [key]: value }` when the value is given, else nothing: for spreading into a record. */
export function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}

export function codebookRecord(codebook: Codebook, schemaRef: string | undefined): Record<string, unknown> {
  return {
    ...(schemaRef === undefined ? {} : { $schema: schemaRef }),
    themes: codebook.themes.map((theme) => ({
      code: theme.code,
      name: theme.name,
      slug: theme.slug,
      order: theme.order,
      colour: theme.colour,
      colourDark: theme.colourDark,
      description: theme.description,
      subthemes: theme.subthemes.map((subtheme) => ({ code: subtheme.code, name: subtheme.name, slug: subtheme.slug, order: subtheme.order, description: subtheme.description })),
    })),
  };
}

export function jsonText(record: unknown): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Drops the editor hint, which is not part of the data, for comparing records. */
export function withoutSchemaRef<T extends { $schema?: string | undefined }>(value: T): Omit<T, '$schema'> {
  const { $schema: _ignored, ...rest } = value;
  return rest;
}
