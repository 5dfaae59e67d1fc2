import { z } from 'zod';
import { CodeSchema, ColourSchema, SchemaRefSchema, SlugSchema, TextSchema } from './common.ts';

/** A subtheme: a leaf of the codebook, to which excerpts are coded. */
export const SubthemeSchema = z.strictObject({
  /** `N.M`, where N is its theme's number, e.g. "1.2". */
  code: CodeSchema.describe('The code N.M, where N is the number of its theme, e.g. "1.2".'),
  /** Name as the study prints it, e.g. "Checking returns". */
  name: TextSchema.describe('Name as the study prints it, e.g. "Checking returns".'),
  /** URL segment of its page, e.g. "checking-returns". */
  slug: SlugSchema.describe('URL segment of its page, e.g. "checking-returns".'),
  /** Position among its theme's subthemes, from 1. */
  order: z.int().positive().describe("Position among its theme's subthemes, starting at 1."),
  /** What the subtheme captures, in our own words. */
  description: TextSchema.optional().describe('What the subtheme captures, in our own words; omit until it is written.'),
});

/** A theme: the top level of the codebook. Without subthemes it is itself a leaf and carries excerpts. */
export const ThemeSchema = z.strictObject({
  /** `N.0`, e.g. "1.0". */
  code: CodeSchema.describe('The code N.0, e.g. "1.0".'),
  /** Name as the study prints it, e.g. "Keeping things in circulation". */
  name: TextSchema.describe('Name as the study prints it, e.g. "Keeping things in circulation".'),
  /** URL segment of its page, e.g. "keeping-things-in-circulation". */
  slug: SlugSchema.describe('URL segment of its page, e.g. "keeping-things-in-circulation".'),
  /** Position in the study's (often roughly chronological) order, from 1. */
  order: z.int().positive().describe("Position in the study's order (often roughly chronological), starting at 1."),
  /** Accent colour in light mode; at least 3:1 against white. */
  colour: ColourSchema.describe('Accent colour in light mode; needs at least 3:1 contrast against white.'),
  /** Accent colour in dark mode; at least 3:1 against the dark background. */
  colourDark: ColourSchema.describe('Accent colour in dark mode; needs at least 3:1 contrast against #121416.'),
  /** What the theme captures, in our own words. */
  description: TextSchema.optional().describe('What the theme captures, in our own words; omit until it is written.'),
  /** Its subthemes in the study's order; empty when the theme has none. */
  subthemes: z.array(SubthemeSchema).default([]).describe("Its subthemes in the study's order; omit or leave empty when it has none."),
});

/** `content/codebook.json`: the themes and subthemes of the analysis. */
export const CodebookSchema = z.strictObject({
  $schema: SchemaRefSchema.optional(),
  /** Themes in the study's order. */
  themes: z.array(ThemeSchema).min(1).describe("Themes in the study's order."),
});

export type Codebook = z.output<typeof CodebookSchema>;
export type Theme = z.output<typeof ThemeSchema>;
export type Subtheme = z.output<typeof SubthemeSchema>;
