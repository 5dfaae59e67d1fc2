/**
 * Reads a REFI-QDA file: a `.qdpx` archive (a zip holding `project.qde` and `sources/`),
 * a bare `.qde` project or a `.qdc` codebook. Real exports deviate from the standard, so
 * reading is lenient where the meaning is still clear (a `.qde` named after the project,
 * `Sources/` for `sources/`, the NVivo `…:1:0` namespace spelling, prefixed elements, BOMs)
 * and says what it skipped (media, PDF and picture sources, cases, sets, links, graphs).
 */
import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { QdaCode, QdaNote, QdaProject, QdaSelection, QdaTextSource } from './model.ts';

export interface QdaNotice {
  severity: 'error' | 'warning';
  rule: string;
  reason: string;
  fix: string;
  /** Line and column in the XML, where known. */
  place?: { line: number; column: number } | undefined;
}

export interface QdaReadResult {
  project: QdaProject | undefined;
  notices: QdaNotice[];
}

const namespaces = {
  Project: 'urn:QDA-XML:project:1.0',
  CodeBook: 'urn:QDA-XML:codebook:1.0',
} as const;

type XmlNode = Record<string, unknown>;

/** Reads any of the three file kinds from its bytes; `name` is the file name, used to tell them apart and in messages. */
export function readQdaFile(bytes: Uint8Array, name: string): QdaReadResult {
  const notices: QdaNotice[] = [];
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) {
    if (/\.qdpx$/i.test(name)) {
      notices.push({ severity: 'error', rule: 'qdpx-archive', reason: `${name} is not a zip archive, so it is not a .qdpx project`, fix: 'Export the project again from the QDA program as a REFI-QDA project (.qdpx); a .qde or .qdc file can be imported directly too.' });
      return { project: undefined, notices };
    }
    return readXml(decodeText(bytes), new Map(), false, notices);
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    notices.push({ severity: 'error', rule: 'qdpx-archive', reason: `${name} is a damaged zip archive (${(error as Error).message})`, fix: 'Export the project again from the QDA program.' });
    return { project: undefined, notices };
  }
  const projectFiles = Object.keys(entries).filter((path) => !path.includes('/') && /\.qde$/i.test(path));
  const standard = projectFiles.find((path) => path.toLowerCase() === 'project.qde');
  const chosen = standard ?? (projectFiles.length === 1 ? projectFiles[0] : undefined);
  if (!chosen) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-missing-project',
      reason: projectFiles.length === 0 ? `${name} holds no project.qde at its top level` : `${name} holds several project files (${projectFiles.join(', ')}) and none is named project.qde`,
      fix: 'A .qdpx must contain project.qde next to a sources/ folder; export the project again from the QDA program.',
    });
    return { project: undefined, notices };
  }
  if (!standard) notices.push({ severity: 'warning', rule: 'qdpx-project-name', reason: `The project file is named ${chosen}, not project.qde as the standard requires; read it anyway`, fix: 'Nothing to do; some programs (ATLAS.ti) name it after the project.' });
  const sources = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    const match = /^sources\/(.+)$/i.exec(path);
    if (match && !path.endsWith('/')) sources.set(match[1]!.toLowerCase(), data);
  }
  return readXml(decodeText(entries[chosen]!), sources, true, notices);
}

/** UTF-8 without a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function readXml(xml: string, sources: Map<string, Uint8Array>, inArchive: boolean, notices: QdaNotice[]): QdaReadResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    notices.push({ severity: 'error', rule: 'qde-xml', reason: `Malformed XML: ${valid.err.msg}`, fix: 'The file is damaged or was edited by hand; export it again from the QDA program.', place: { line: valid.err.line, column: valid.err.col } });
    return { project: undefined, notices };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const document = parser.parse(xml) as XmlNode;
  const rootName = (['Project', 'CodeBook'] as const).find((candidate) => candidate in document);
  if (!rootName) {
    notices.push({ severity: 'error', rule: 'qde-root', reason: 'The XML is neither a REFI-QDA project (<Project>) nor a codebook (<CodeBook>)', fix: 'Import a .qdpx, .qde or .qdc file exported by a QDA program.' });
    return { project: undefined, notices };
  }
  checkNamespace(xml, rootName, notices);
  const root = elements(document, rootName)[0]!;
  const codesParent = rootName === 'Project' ? elements(root, 'CodeBook')[0] : root;
  const codes = nestPseudoHierarchy(elements(elements(codesParent, 'Codes')[0], 'Code').map(readCode));
  if (rootName === 'CodeBook') return { project: { name: attr(root, 'origin') ?? 'codebook', kind: 'codebook', codes, sources: [], notes: new Map() }, notices };

  const variables = new Map(elements(elements(root, 'Variables')[0], 'Variable').map((variable) => [guidOf(attr(variable, 'guid')), attr(variable, 'name') ?? '']));
  const resolve = (path: string | undefined, owner: string): { text?: string; missing?: string } => resolveText(path, owner, sources, inArchive);
  const sourcesNode = elements(root, 'Sources')[0];
  const textSources = elements(sourcesNode, 'TextSource').map((node) => readTextSource(node, variables, resolve));
  reportSkipped(sourcesNode, root, notices);
  const notes = new Map<string, QdaNote>();
  for (const node of elements(elements(root, 'Notes')[0], 'Note')) {
    const guid = guidOf(attr(node, 'guid'));
    const inline = elements(node, 'PlainTextContent')[0];
    const text = inline !== undefined ? textOf(inline) : resolve(attr(node, 'plainTextPath'), `note "${attr(node, 'name') ?? guid}"`).text ?? '';
    notes.set(guid, { guid, name: attr(node, 'name') ?? '', text });
  }
  return { project: { name: attr(root, 'name') ?? 'project', kind: 'project', codes, sources: textSources, notes }, notices };
}

function checkNamespace(xml: string, rootName: 'Project' | 'CodeBook', notices: QdaNotice[]): void {
  const start = new RegExp(`<(?:([\\w.-]+):)?${rootName}\\b([^>]*)>`).exec(xml);
  const prefix = start?.[1];
  const declared = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(start?.[2] ?? '')?.[1];
  const expected = namespaces[rootName];
  if (declared === expected) return;
  if (declared === expected.replace(/1\.0$/, '1:0')) {
    notices.push({ severity: 'warning', rule: 'qde-namespace', reason: `The namespace is written "${declared}" (a known NVivo misspelling of "${expected}"); read it anyway`, fix: 'Nothing to do; Casebook always writes the correct namespace.' });
    return;
  }
  notices.push({ severity: 'warning', rule: 'qde-namespace', reason: `Expected the namespace "${expected}", found ${declared ? `"${declared}"` : 'none'}; read as REFI-QDA anyway`, fix: 'Check that the file is a REFI-QDA export; elements Casebook does not recognise are ignored.' });
}

function readCode(node: XmlNode): QdaCode {
  const description = elements(node, 'Description')[0];
  return {
    guid: guidOf(attr(node, 'guid')),
    name: (attr(node, 'name') ?? '').trim(),
    colour: expandColour(attr(node, 'color')),
    description: description === undefined ? undefined : textOf(description).trim() || undefined,
    isCodable: /^(true|1)$/i.test(attr(node, 'isCodable') ?? 'true'),
    children: elements(node, 'Code').map(readCode),
  };
}

/** `#rgb` → `#rrggbb`; anything that is not a colour → undefined. */
function expandColour(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value.trim());
  if (short) return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}`.toUpperCase();
  return /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim() : undefined;
}

/**
 * ATLAS.ti writes a flat codebook with the hierarchy in the names ("Coke::diet Coke").
 * When top-level names carry "::", they are nested under the code named by the prefix
 * (created, not codable, when the project has no code of that name).
 */
function nestPseudoHierarchy(codes: QdaCode[]): QdaCode[] {
  if (!codes.some((code) => code.name.includes('::'))) return codes;
  const top: QdaCode[] = [];
  const byName = new Map<string, QdaCode>();
  for (const code of codes.filter((candidate) => !candidate.name.includes('::'))) {
    top.push(code);
    byName.set(code.name, code);
  }
  for (const code of codes.filter((candidate) => candidate.name.includes('::'))) {
    const [parentName, ...rest] = code.name.split('::');
    let parent = byName.get(parentName!.trim());
    if (!parent) {
      parent = { guid: `pseudo:${parentName!.trim()}`, name: parentName!.trim(), colour: code.colour, description: undefined, isCodable: false, children: [] };
      top.push(parent);
      byName.set(parent.name, parent);
    }
    parent.children.push({ ...code, name: rest.join('::').trim() });
  }
  return top;
}

function readTextSource(node: XmlNode, variables: Map<string, string>, resolve: (path: string | undefined, owner: string) => { text?: string; missing?: string }): QdaTextSource {
  const guid = guidOf(attr(node, 'guid'));
  const name = attr(node, 'name') ?? guid;
  const inline = elements(node, 'PlainTextContent')[0];
  const resolved = inline !== undefined ? { text: textOf(inline) } : resolve(attr(node, 'plainTextPath'), `text source "${name}"`);
  const description = elements(node, 'Description')[0];
  return {
    guid,
    name,
    text: resolved.text?.replace(/^\uFEFF/, ''),
    missing: resolved.missing,
    selections: elements(node, 'PlainTextSelection').map(readSelection),
    codeGuids: elements(node, 'Coding').flatMap(codeRefs),
    noteGuids: noteRefs(node),
    variables: new Map(
      elements(node, 'VariableValue').flatMap((value) => {
        const ref = guidOf(attr(elements(value, 'VariableRef')[0], 'targetGUID'));
        const variable = ref === undefined ? undefined : variables.get(ref);
        const content = ['TextValue', 'IntegerValue', 'FloatValue', 'BooleanValue', 'DateValue', 'DateTimeValue'].map((kind) => elements(value, kind)[0]).find((found) => found !== undefined);
        return variable === undefined ? [] : [[variable, content === undefined ? '' : textOf(content).trim()] as const];
      }),
    ),
    description: description === undefined ? undefined : textOf(description).trim() || undefined,
  };
}

function readSelection(node: XmlNode): QdaSelection {
  const description = elements(node, 'Description')[0];
  return {
    guid: guidOf(attr(node, 'guid')),
    name: attr(node, 'name'),
    start: Number(attr(node, 'startPosition')),
    end: Number(attr(node, 'endPosition')),
    codeGuids: elements(node, 'Coding').flatMap(codeRefs),
    noteGuids: noteRefs(node),
    description: description === undefined ? undefined : textOf(description).trim() || undefined,
  };
}

function codeRefs(coding: XmlNode): string[] {
  return elements(coding, 'CodeRef').flatMap((ref) => guidOf(attr(ref, 'targetGUID')) || []);
}

function noteRefs(node: XmlNode): string[] {
  return elements(node, 'NoteRef').flatMap((ref) => guidOf(attr(ref, 'targetGUID')) || []);
}

function resolveText(path: string | undefined, owner: string, sources: Map<string, Uint8Array>, inArchive: boolean): { text?: string; missing?: string } {
  if (!path) return { missing: `${owner} has neither PlainTextContent nor plainTextPath` };
  const internal = /^internal:\/\/(.+)$/i.exec(path);
  if (!internal) return { missing: `${owner} refers to a file outside the project (${path}); only files inside the .qdpx are read` };
  if (!inArchive) return { missing: `${owner} refers to ${path}, which only a .qdpx archive holds` };
  const data = sources.get(internal[1]!.toLowerCase());
  return data ? { text: decodeText(data) } : { missing: `${owner} refers to ${path}, which is not in the archive's sources/ folder` };
}

function reportSkipped(sourcesNode: XmlNode | undefined, root: XmlNode, notices: QdaNotice[]): void {
  const media = [
    ['PictureSource', 'picture', 'PictureSelection'],
    ['PDFSource', 'PDF', 'PDFSelection'],
    ['AudioSource', 'audio', 'AudioSelection'],
    ['VideoSource', 'video', 'VideoSelection'],
  ] as const;
  for (const [element, kind, selection] of media) {
    for (const node of elements(sourcesNode, element)) {
      const selections = elements(node, selection).length + elements(elements(node, 'Representation')[0], 'PlainTextSelection').length;
      notices.push({
        severity: 'warning',
        rule: 'qdpx-skipped',
        reason: `Skipped ${kind} source "${attr(node, 'name') ?? attr(node, 'guid')}"${selections > 0 ? ` and its ${selections} selection${selections === 1 ? '' : 's'}` : ''}: Casebook imports text sources only`,
        fix: 'Nothing to do if the study needs no media; a transcript belongs in a text source.',
      });
    }
  }
  const others = (['Cases', 'Links', 'Sets', 'Graphs'] as const).flatMap((element) => {
    const count = elements(elements(root, element)[0], element.slice(0, -1)).length;
    return count > 0 ? [`${count} ${element.slice(0, -1).toLowerCase()}${count === 1 ? '' : 's'}`] : [];
  });
  if (others.length > 0) notices.push({ severity: 'warning', rule: 'qdpx-skipped', reason: `Skipped ${others.join(', ')}: Casebook has no place for them`, fix: 'Nothing to do; they stay in your QDA project.' });
}

function elements(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** GUIDs compare without braces and case ("{ABC-…}" and "abc-…" are the same). */
function guidOf(value: string | undefined): string {
  return (value ?? '').trim().replace(/^\{|\}$/g, '').toLowerCase();
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node !== null && typeof node === 'object' && typeof (node as XmlNode)['#text'] === 'string') return (node as XmlNode)['#text'] as string;
  return '';
}
