/**
 * How a Casebook study sits in a REFI-QDA project, shared by export and import so the two
 * cannot drift apart:
 *
 * - each theme is a top-level code and each subtheme a code inside it (a theme with
 *   subthemes is not codable), with the theme's light-mode colour and its description;
 * - each excerpt is a text source named by its id, holding its lines as text (the grammar
 *   of lines-text.ts), with one selection over the whole text that carries its codes;
 * - its other fields are variables on the source, its interpretation a note on the
 *   selection, its lead-in and reconstruction notes notes on the source.
 */

/** Variables on each exported text source, with their REFI type. */
export const excerptVariables = {
  id: { name: 'excerpt id', type: 'Text' },
  title: { name: 'title', type: 'Text' },
  session: { name: 'session', type: 'Integer' },
  step: { name: 'step', type: 'Text' },
  source: { name: 'source', type: 'Text' },
  section: { name: 'article section', type: 'Text' },
  page: { name: 'article page', type: 'Integer' },
  order: { name: 'article order', type: 'Integer' },
} as const;

export type ExcerptVariable = keyof typeof excerptVariables;

/** Note roles, recognised on import by how the note's name starts. */
export const noteRoles = {
  interpretation: { label: 'Interpretation', pattern: /^interpretation\b/i },
  leadIn: { label: 'Lead-in', pattern: /^lead-?in\b/i },
  note: { label: 'Note', pattern: /^(?:reconstruction )?notes?\b/i },
} as const;

export type NoteRole = keyof typeof noteRoles;

export function noteRoleOf(name: string): NoteRole | undefined {
  return (Object.keys(noteRoles) as NoteRole[]).find((role) => noteRoles[role].pattern.test(name.trim()));
}

/**
 * A source's lead-in and reconstruction notes as one text, for the source's
 * `<Description>`: QualCoder shows it as the file's memo, NVivo as the source's
 * description, and QualCoder writes it back on export (it drops Casebook's separate notes).
 * One labelled block per note, in this order:
 *
 *     [Lead-in]
 *     What the article says before quoting it.
 *
 *     [Note 1]
 *     What the extraction lost.
 */
export function writeCombinedAnnotation(leadIn: string | undefined, notes: readonly string[]): string {
  return [...(leadIn ? [`[${noteRoles.leadIn.label}]\n${leadIn}`] : []), ...notes.map((note, index) => `[${noteRoles.note.label} ${index + 1}]\n${note}`)].join('\n\n');
}

/** Reads {@link writeCombinedAnnotation}'s text back; a description without its labels is not one. */
export function readCombinedAnnotation(text: string): { leadIn: string | undefined; notes: string[] } | undefined {
  const blocks = [...text.replace(/\r\n/g, '\n').matchAll(/^\[(Lead-in|Note \d+)\]\n([\s\S]*?)(?=\n\n\[(?:Lead-in|Note \d+)\]\n|$(?![\s\S]))/gm)];
  if (blocks.length === 0 || !text.trimStart().startsWith('[')) return undefined;
  return {
    leadIn: blocks.find((block) => block[1] === noteRoles.leadIn.label)?.[2]?.trim() || undefined,
    notes: blocks.filter((block) => block[1] !== noteRoles.leadIn.label).map((block) => block[2]!.trim()),
  };
}
