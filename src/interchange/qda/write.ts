/**
 * Writes a study as a REFI-QDA project (`.qdpx`): `project.qde`, valid against the
 * standard's Project.xsd, and one UTF-8 text file per excerpt in `sources/`. The output is
 * deterministic (stable GUIDs, fixed file dates), so exporting twice gives the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import type { Study } from '../../study/model.ts';
import type { Excerpt } from '../../study/schemas/index.ts';
import { writeLines } from '../lines-text.ts';
import { excerptVariables, noteRoles, writeCombinedAnnotation, type ExcerptVariable } from './conventions.ts';
import { guidOf } from './guid.ts';

/**
 * The date on notes, sources and codings. A study keeps no dates for them, and QualCoder
 * stops its import at a note without one; a fixed date keeps exports reproducible.
 */
const EXPORT_DATE = '2020-01-01T00:00:00Z';

export interface QdaExport {
  /** The project file's XML. */
  qde: string;
  /** Source files by their name inside `sources/`. */
  sources: Map<string, string>;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[char]!);
}

function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** Length in Unicode code points, the unit REFI-QDA positions count in. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

function variableValues(excerpt: Excerpt): [ExcerptVariable, string | number][] {
  const values: [ExcerptVariable, string | number | undefined][] = [
    ['id', excerpt.id],
    ['title', excerpt.title],
    ['session', excerpt.session ?? undefined],
    ['step', excerpt.step],
    ['source', excerpt.source],
    ['section', excerpt.article?.section],
    ['page', excerpt.article?.page],
    ['order', excerpt.article?.order],
  ];
  return values.filter((entry): entry is [ExcerptVariable, string | number] => entry[1] !== undefined);
}

interface NoteOut {
  guid: string;
  name: string;
  text: string;
}

export function studyToQda(study: Study): QdaExport {
  const user = guidOf.user();
  const speakers = [...study.participants.values()];
  const out: string[] = [];
  const notes: NoteOut[] = [];
  const sources = new Map<string, string>();

  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(
    `<Project${attrs({ xmlns: 'urn:QDA-XML:project:1.0', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': 'urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd', name: study.meta.shortTitle, origin: 'Casebook', creatingUserGUID: user })}>`,
  );
  out.push(`  <Users><User${attrs({ guid: user, name: 'Casebook' })}/></Users>`);
  out.push('  <CodeBook>');
  out.push('    <Codes>');
  for (const theme of [...study.themes].sort((a, b) => a.order - b.order)) {
    // Themes are codable codes, not categories (isCodable="false"): QualCoder keeps a colour only on codes, and gives a code without one a random colour.
    out.push(`      <Code${attrs({ guid: guidOf.code(theme.slug), name: theme.name, isCodable: true, color: theme.colour })}>`);
    if (theme.description) out.push(`        <Description>${escapeXml(theme.description)}</Description>`);
    for (const subtheme of [...theme.subthemes].sort((a, b) => a.order - b.order)) {
      out.push(`        <Code${attrs({ guid: guidOf.code(subtheme.slug), name: subtheme.name, isCodable: true, color: theme.colour })}>`);
      if (subtheme.description) out.push(`          <Description>${escapeXml(subtheme.description)}</Description>`);
      out.push('        </Code>');
    }
    out.push('      </Code>');
  }
  out.push('    </Codes>');
  out.push('  </CodeBook>');
  out.push('  <Variables>');
  for (const variable of Object.values(excerptVariables)) out.push(`    <Variable${attrs({ guid: guidOf.variable(variable.name), name: variable.name, typeOfVariable: variable.type })}/>`);
  out.push('  </Variables>');
  out.push('  <Sources>');
  for (const excerpt of study.excerpts) {
    const sourceGuid = guidOf.source(excerpt.id);
    const text = writeLines(excerpt.lines, speakers);
    sources.set(`${sourceGuid}.txt`, text);
    // Each interpretation and note is written twice, for the two ways tools read them: as a
    // dated <Note> referred to by <NoteRef> (NVivo, MAXQDA, ATLAS.ti memos) and as a
    // <Description> (QualCoder reads a selection's as the coding memo and a source's as the
    // file memo, and ignores <NoteRef> on selections). Notes carry no selection of their own:
    // QualCoder would make each an annotation, and two on one range break its import.
    const interpretation: NoteOut | undefined = excerpt.interpretation
      ? { guid: guidOf.note(excerpt.id, 'interpretation'), name: `${noteRoles.interpretation.label}: ${excerpt.id}`, text: excerpt.interpretation }
      : undefined;
    const leadIn: NoteOut | undefined = excerpt.leadIn ? { guid: guidOf.note(excerpt.id, 'lead-in'), name: `${noteRoles.leadIn.label}: ${excerpt.id}`, text: excerpt.leadIn } : undefined;
    const reconstruction = excerpt.notes.map(
      (note, index): NoteOut => ({ guid: guidOf.note(excerpt.id, `note-${index + 1}`), name: `${noteRoles.note.label} ${index + 1}: ${excerpt.id}`, text: note }),
    );
    const sourceNotes = [...(leadIn ? [leadIn] : []), ...reconstruction];
    notes.push(...(interpretation ? [interpretation] : []), ...sourceNotes);
    out.push(`    <TextSource${attrs({ guid: sourceGuid, name: excerpt.id, plainTextPath: `internal://${sourceGuid}.txt`, creatingUser: user, creationDateTime: EXPORT_DATE })}>`);
    const combined = writeCombinedAnnotation(excerpt.leadIn || undefined, excerpt.notes);
    if (combined) out.push(`      <Description>${escapeXml(combined)}</Description>`);
    out.push(
      `      <PlainTextSelection${attrs({ guid: guidOf.selection(excerpt.id), name: excerpt.title, startPosition: 0, endPosition: codePointLength(text), creatingUser: user, creationDateTime: EXPORT_DATE })}>`,
    );
    if (interpretation) out.push(`        <Description>${escapeXml(interpretation.text)}</Description>`);
    for (const code of excerpt.codes) {
      const info = study.codeIndex.get(code)!;
      out.push(
        `        <Coding${attrs({ guid: guidOf.coding(excerpt.id, code), creatingUser: user, creationDateTime: EXPORT_DATE })}><CodeRef${attrs({ targetGUID: guidOf.code(info.slug) })}/></Coding>`,
      );
    }
    if (interpretation) out.push(`        <NoteRef${attrs({ targetGUID: interpretation.guid })}/>`);
    out.push('      </PlainTextSelection>');
    for (const note of sourceNotes) out.push(`      <NoteRef${attrs({ targetGUID: note.guid })}/>`);
    for (const [key, value] of variableValues(excerpt)) {
      const variable = excerptVariables[key];
      const element = variable.type === 'Integer' ? 'IntegerValue' : 'TextValue';
      out.push(`      <VariableValue><VariableRef${attrs({ targetGUID: guidOf.variable(variable.name) })}/><${element}>${escapeXml(String(value))}</${element}></VariableValue>`);
    }
    out.push('    </TextSource>');
  }
  out.push('  </Sources>');
  out.push('  <Notes>');
  for (const note of notes)
    out.push(
      `    <Note${attrs({ guid: note.guid, name: note.name, creatingUser: user, creationDateTime: EXPORT_DATE, modifiedDateTime: EXPORT_DATE })}><PlainTextContent>${escapeXml(note.text)}</PlainTextContent></Note>`,
    );
  out.push('  </Notes>');
  out.push('</Project>');
  return { qde: `${out.join('\n')}\n`, sources };
}

/** A fixed date for every archive entry, so the same study always gives the same bytes. */
const ARCHIVE_DATE = new Date(Date.UTC(2020, 0, 1));

export function zipQdpx({ qde, sources }: QdaExport): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(qde) };
  for (const [name, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) entries[`sources/${name}`] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: ARCHIVE_DATE });
}
