/**
 * The components MDX prose may use without importing them, and what each prop must be.
 * `src/components/mdx/index.ts` provides exactly these names (its type says so), and
 * `npm run check` checks every use against the study with this table, so a wrong id or a
 * misspelt prop is reported at its line and column before Astro renders anything.
 */

/** What a prop holds; the ones naming records are checked against the study. */
export type PropKind =
  | 'excerpt' // an excerpt id
  | 'references' // one reference id, or several separated by commas
  | 'term' // a glossary term id
  | 'code' // a theme or subtheme code, e.g. "2.1"
  | 'unit' // a session (or interview, call…) number, written {3}
  | 'chart' // a chart name
  | 'figure-id' // a name given to a figure on its page, e.g. "phases"
  | 'figure' // the name of a figure on the same page
  | 'teaching' // a teaching page's file name without .mdx
  | 'path' // a path inside the site, e.g. "glossary/"
  | 'text'
  | 'boolean'
  | 'level'; // a heading level, {2} or {3}

export interface PropSpec {
  kind: PropKind;
  required?: true;
  /** One line for the docs and for fix hints. */
  doc: string;
}

export interface ComponentSpec {
  props: Record<string, PropSpec>;
  /** What the component is for, one line, for the docs. */
  doc: string;
  /** A complete example, for the docs and tests. */
  example: string;
}

export const mdxComponentSpecs = {
  Excerpt: {
    doc: 'Embeds a coded excerpt (its transcript, codes and, unless turned off, the interpretation).',
    example: '<Excerpt id="first-visit" />',
    props: {
      id: { kind: 'excerpt', required: true, doc: 'The excerpt id (its file name in excerpts/ without .json).' },
      level: { kind: 'level', doc: 'Heading level of the excerpt title: {2} or {3} (default 3).' },
      context: { kind: 'boolean', doc: 'Show the lead-in and interpretation (default true); {false} shows the excerpt alone.' },
    },
  },
  ExcerptLink: {
    doc: 'An inline link to an excerpt’s own page, with its first lines on hover or focus; without text it shows the excerpt’s title.',
    example: '<ExcerptLink id="first-visit">the first visit</ExcerptLink>',
    props: { id: { kind: 'excerpt', required: true, doc: 'The excerpt id.' } },
  },
  Interpretation: {
    doc: 'Quotes the study’s reading of one excerpt, from the excerpt’s own record.',
    example: '<Interpretation id="first-visit" />',
    props: { id: { kind: 'excerpt', required: true, doc: 'The excerpt id.' } },
  },
  Cite: {
    doc: 'An author–date citation linking to the references page, with the full reference on hover or focus.',
    example: '<Cite id="smith2020" locator="p. 12" />',
    props: {
      id: { kind: 'references', required: true, doc: 'A reference id from references.json, or several separated by commas.' },
      locator: { kind: 'text', doc: 'Page or section after the last work, e.g. "p. 12".' },
    },
  },
  Term: {
    doc: 'Links a word to its glossary entry, with the definition on hover or focus; without text it shows the term.',
    example: '<Term id="member-checking">member checking</Term>',
    props: { id: { kind: 'term', required: true, doc: 'A term id from glossary.json.' } },
  },
  ThemeLink: {
    doc: 'A link to a theme or subtheme page, with its description on hover or focus; without text it shows the code and name.',
    example: '<ThemeLink code="2.1" />',
    props: { code: { kind: 'code', required: true, doc: 'A code from codebook.json, e.g. "1.0" or "2.1".' } },
  },
  UnitLink: {
    doc: 'A link to a unit’s page (a session, interview…), with its key figures on hover or focus; without text it shows the unit’s title.',
    example: '<UnitLink session={2}>the second session</UnitLink>',
    props: { session: { kind: 'unit', required: true, doc: 'The unit’s number (its file in sessions/), written {2}.' } },
  },
  Chart: {
    doc: 'Embeds a chart drawn from the study’s data, so prose never repeats its numbers.',
    example: '<Chart name="theme-session-matrix" id="matrix" />',
    props: {
      name: { kind: 'chart', required: true, doc: 'Which chart (see Charts below); the names available depend on what the study declares.' },
      session: { kind: 'unit', doc: 'A session number, written {3}: required by the step-sequence chart, and highlights that session in the phases chart.' },
      id: {
        kind: 'figure-id',
        doc: 'A name for the figure (lower-case letters, digits and hyphens), unique on the page, so that `<FigureRef id="…" />` can refer to it. Every chart is a numbered figure with a caption ("Figure 2. …"), numbered in the order of the page.',
      },
    },
  },
  FigureRef: {
    doc: 'Refers to a chart on the same page by its id: prints "Figure n" with the number the figure has on the page, as a link to it.',
    example: '<FigureRef id="matrix" />',
    props: { id: { kind: 'figure', required: true, doc: 'The id given to a `<Chart>` on the same page.' } },
  },
  Analysis: {
    doc: 'A disclosure holding the analysis of a teaching case, closed until the reader opens it.',
    example: '<Analysis>\n\nWhat the excerpt shows…\n\n</Analysis>',
    props: {
      label: { kind: 'text', doc: 'Text of the disclosure’s summary line.' },
      open: { kind: 'boolean', doc: 'Start open.' },
    },
  },
  TeachingLink: {
    doc: 'A link to another teaching page; without text it shows the page title.',
    example: '<TeachingLink id="discussion-questions" />',
    props: { id: { kind: 'teaching', required: true, doc: 'The teaching page’s file name without .mdx.' } },
  },
  Questions: {
    doc: 'Prints a teaching page’s questions for students, from the `questions` in its frontmatter (never the facilitator notes).',
    example: '<Questions page="discussion-questions" />',
    props: { page: { kind: 'teaching', required: true, doc: 'The teaching page whose questions to print, usually the page itself (file name without .mdx).' } },
  },
  SiteLink: {
    doc: 'A link to another page of this site that works wherever the site is deployed.',
    example: '<SiteLink path="glossary/">the glossary</SiteLink>',
    props: { path: { kind: 'path', required: true, doc: 'A path inside the site without a leading slash, e.g. "glossary/" ("" is the home page).' } },
  },
} as const satisfies Record<string, ComponentSpec>;

export type MdxComponentName = keyof typeof mdxComponentSpecs;
