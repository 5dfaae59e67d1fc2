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
