import { z } from 'zod';

/** Lower-case words joined by hyphens: safe in URLs and file names. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lower-case letters, digits and single hyphens, e.g. "checking-returns"');

/** A codebook code: `N.0` for a theme, `N.M` for a subtheme (M ≥ 1). */
export const CodeSchema = z.string().regex(/^[1-9]\d*\.\d+$/, 'a code such as "1.0" (a theme) or "1.2" (a subtheme)');

/** An identifier referring to another record (participant, reference, term…). */
export const IdSchema = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'an id: lower-case letters, digits, "-" or "_", e.g. "client"');

/** Non-empty text with no surrounding whitespace. */
export const TextSchema = z.string().trim().min(1, 'non-empty text');

/** A `#rrggbb` colour. */
export const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written as #rrggbb, e.g. "#1b6f8a"');

/**
 * An absolute http(s) URL. Plain `z.url()` also accepts `javascript:` and `data:` URLs,
 * which would run script when a reader follows the link the site prints.
 */
export const WebUrlSchema = z.httpUrl({ error: 'a web address starting with https:// or http://' });

/** A DOI without its resolver prefix. */
export const DoiSchema = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.1037/0033-2909.130.1.3"');

/** The editor hint every content file may carry: the path or URL of its JSON Schema. */
/** Words written in capitals that are acronyms, not loud talk (Jefferson reads capitals as loud). */
export const NotLoudSchema = z
  .array(z.string().regex(/^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u, 'a word in capitals, e.g. "GP"'))
  .describe('Words written in capitals that are acronyms, not loud talk, e.g. ["GP", "ICU"]: capitals are loud in Jefferson notation, so without this "GP" reads as loud and the check warns.');

export const SchemaRefSchema = z.string().describe('Path or URL of the JSON Schema that validates this file (editor hint).');

const durationPattern = /^(?:(\d+):([0-5]\d):([0-5]\d)|(\d+):([0-5]\d))$/;

/**
 * A duration printed as `mm:ss` (minutes may exceed 59, e.g. "85:05") or
 * `h:mm:ss`. It keeps the printed text, so the site shows exactly what the source printed,
 * and adds the value in seconds for arithmetic and charts.
 */
export const DurationSchema = z
  .string()
  .regex(durationPattern, 'a duration written mm:ss or h:mm:ss, e.g. "69:37" or "1:09:37"')
  .transform((text) => ({ text, seconds: durationToSeconds(text) }));

export type Duration = z.output<typeof DurationSchema>;

/** Seconds in a `mm:ss` or `h:mm:ss` string already checked against the duration pattern. */
export function durationToSeconds(text: string): number {
  const parts = text.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Seconds as `m:ss`, how studies print durations (minutes are not wrapped into hours). */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}
