/**
 * Reads a REFI-QDA file: a `.qdpx` archive (a zip holding `project.qde` and `sources/`),
 * a bare `.qde` project or a `.qdc` codebook. Real exports deviate from the standard, so
 * reading is lenient where the meaning is still clear (a `.qde` named after the project,
 * `Sources/` for `sources/`, the NVivo `…:1:0` namespace spelling, prefixed elements, BOMs)
 * and says what it skipped (media, PDF and picture sources, cases, sets, links, graphs).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inflateEntries, listEntries, refuseInflating, type ArchiveEntry } from './archive.ts';
import { walkCodes, type QdaCode, type QdaNote, type QdaProject, type QdaSelection, type QdaTextSource } from './model.ts';
import { decodeBytes, placeAt, type Place } from './text-bytes.ts';

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
  const fail = (rule: string, reason: string, fix: string, place?: Place) => {
    notices.push({ severity: 'error', rule, reason, fix, place });
    return { project: undefined, notices };
  };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) {
    if (/\.qdpx$/i.test(name))
      return fail(
        'qdpx-archive',
        `${name} is not a zip archive, so it is not a .qdpx project`,
        'Export the project again from the QDA program as a REFI-QDA project (.qdpx); a .qde or .qdc file can be imported directly too.',
      );
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return fail('qde-encoding', `${name} ${decoded.reason}`, 'Save the file as UTF-8, or export it again from the QDA program.', decoded.place);
    const parsed = parseXml(decoded.text, name, notices);
    if (parsed) resolveTexts(parsed, new Map(), false, notices);
    return { project: parsed?.project, notices };
  }
  const listed = listEntries(bytes);
  if (!listed.ok) return fail('qdpx-archive', `${name} ${listed.reason}`, 'Export the project again from the QDA program.');
  const entries = listed.value;
  const projectFiles = entries.filter((entry) => !entry.name.includes('/') && /\.qde$/i.test(entry.name));
  const standard = projectFiles.find((entry) => entry.name.toLowerCase() === 'project.qde');
  const chosen = standard ?? (projectFiles.length === 1 ? projectFiles[0] : undefined);
  if (!chosen) {
    return fail(
      'qdpx-missing-project',
      projectFiles.length === 0
        ? `${name} holds no project.qde at its top level`
        : `${name} holds several project files (${projectFiles.map((entry) => entry.name).join(', ')}) and none is named project.qde`,
      'A .qdpx must contain project.qde next to a sources/ folder; export the project again from the QDA program.',
    );
  }
  if (!standard)
    notices.push({
      severity: 'warning',
      rule: 'qdpx-project-name',
      reason: `The project file is named ${chosen.name}, not project.qde as the standard requires; read it anyway`,
      fix: 'Nothing to do; some programs (ATLAS.ti) name it after the project.',
    });
  const projectBytes = inflateChecked(bytes, [chosen], name, notices)?.get(chosen.name);
  if (!projectBytes) return { project: undefined, notices };
  const decoded = decodeBytes(projectBytes);
  if (!decoded.ok) return fail('qde-encoding', `${name}: ${chosen.name} ${decoded.reason}`, 'Export the project again from the QDA program.', decoded.place);
  const parsed = parseXml(decoded.text, `${name}: ${chosen.name}`, notices);
  if (!parsed) return { project: undefined, notices };

  // Only the texts the project refers to are unpacked; sources/ may also hold .docx and PDF originals.
  const byPath = new Map(
    entries.flatMap((entry) => {
      const match = /^sources\/(.+)$/i.exec(entry.name);
      return match && !entry.name.endsWith('/') ? [[match[1]!.toLowerCase(), entry] as const] : [];
    }),
  );
  const wanted = [
    ...new Set(
      parsed.paths.flatMap((path) => {
        const entry = byPath.get(internalPath(path) ?? '');
        return entry ? [entry] : [];
      }),
    ),
  ];
  const inflated = inflateChecked(bytes, wanted, name, notices);
  if (!inflated) return { project: undefined, notices };
  const texts = new Map<string, Uint8Array>();
  for (const [path, entry] of byPath) {
    const data = inflated.get(entry.name);
    if (data) texts.set(path, data);
  }
  resolveTexts(parsed, texts, true, notices);
  return { project: parsed.project, notices };
}

function inflateChecked(bytes: Uint8Array, entries: readonly ArchiveEntry[], name: string, notices: QdaNotice[]): Map<string, Uint8Array> | undefined {
  const refused = refuseInflating(entries);
  if (refused) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-limits',
      reason: `${name} ${refused}`,
      fix: 'Export the project again from the QDA program; if it really is this large, import its codebook (.qdc) and the sources you need.',
    });
    return undefined;
  }
  const inflated = inflateEntries(bytes, entries);
  if (!inflated.ok) {
    notices.push({ severity: 'error', rule: 'qdpx-archive', reason: `${name} ${inflated.reason}`, fix: 'Export the project again from the QDA program.' });
    return undefined;
  }
  return inflated.value;
}

/** The file name inside sources/ of an `internal://` path, lower-cased as archives are matched. */
function internalPath(path: string): string | undefined {
  return /^internal:\/\/(.+)$/i.exec(path)?.[1]?.toLowerCase();
}

interface Parsed {
  project: QdaProject;
  /** The plain-text paths the project refers to. */
  paths: string[];
  /** Texts to fill in once the archive's files are read. */
  pending: { path: string | undefined; owner: string; set(text: string | undefined, missing: string | undefined): void }[];
}

/** A DOCTYPE is where entity declarations live; REFI-QDA files have none, and expanding entities is how XML bombs work. */
const doctypePattern = /<!DOCTYPE/i;

function parseXml(xml: string, where: string, notices: QdaNotice[]): Parsed | undefined {
  const doctype = doctypePattern.exec(xml);
  if (doctype) {
    notices.push({
      severity: 'error',
      rule: 'qde-doctype',
      reason: `${where} declares a DOCTYPE (line ${placeAt(xml, doctype.index).line}); REFI-QDA files have none, and Casebook does not expand the entities it may declare`,
      fix: 'Export the project again from the QDA program; if you edited it by hand, remove the <!DOCTYPE …> declaration.',
      place: placeAt(xml, doctype.index),
    });
    return undefined;
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    notices.push({
      severity: 'error',
      rule: 'qde-xml',
      reason: `Malformed XML in ${where} at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
      fix: 'The file is damaged or was edited by hand; export it again from the QDA program.',
      place: { line: valid.err.line, column: valid.err.col },
    });
    return undefined;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    processEntities: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    notices.push({
      severity: 'error',
      rule: 'qde-xml',
      reason: `Malformed XML in ${where}: ${(error as Error).message}`,
      fix: 'The file is damaged or was edited by hand; export it again from the QDA program.',
    });
    return undefined;
  }
  const rootName = (['Project', 'CodeBook'] as const).find((candidate) => candidate in document);
  if (!rootName) {
    notices.push({
      severity: 'error',
      rule: 'qde-root',
      reason: `${where} is neither a REFI-QDA project (<Project>) nor a codebook (<CodeBook>)`,
      fix: 'Import a .qdpx, .qde or .qdc file exported by a QDA program.',
    });
    return undefined;
  }
  checkNamespace(xml, rootName, notices);
  const root = elements(document, rootName)[0]!;
  const origin = attr(root, 'origin');
  const codesParent = rootName === 'Project' ? elements(root, 'CodeBook')[0] : root;
  const flatCodes = elements(elements(codesParent, 'Codes')[0], 'Code').map(readCode);
  if (!checkDuplicateGuids(xml, where, flatCodes, rootName === 'Project' ? root : undefined, notices)) return undefined;
  const codes = nestPseudoHierarchy(flatCodes);
  if (rootName === 'CodeBook') return { project: { name: origin ?? 'codebook', origin, kind: 'codebook', codes, sources: [], notes: new Map() }, paths: [], pending: [] };

  const variables = new Map(elements(elements(root, 'Variables')[0], 'Variable').map((variable) => [guidOf(attr(variable, 'guid')), attr(variable, 'name') ?? '']));
  const pending: Parsed['pending'] = [];
  const sourcesNode = elements(root, 'Sources')[0];
  const textSources = elements(sourcesNode, 'TextSource').map((node) => readTextSource(node, variables, pending));
  reportSkipped(sourcesNode, root, notices);
  const notes = new Map<string, QdaNote>();
  for (const node of elements(elements(root, 'Notes')[0], 'Note')) {
    const guid = guidOf(attr(node, 'guid'));
    const inline = elements(node, 'PlainTextContent')[0];
    const note: QdaNote = { guid, name: attr(node, 'name') ?? '', text: inline !== undefined ? textOf(inline) : '' };
    if (inline === undefined) pending.push({ path: attr(node, 'plainTextPath'), owner: `note "${note.name || guid}"`, set: (text) => (note.text = text ?? '') });
    notes.set(guid, note);
  }
  const project: QdaProject = { name: attr(root, 'name') ?? 'project', origin, kind: 'project', codes, sources: textSources, notes };
  return { project, paths: pending.flatMap((entry) => entry.path ?? []), pending };
}

function resolveTexts(parsed: Parsed, texts: Map<string, Uint8Array>, inArchive: boolean, notices: QdaNotice[]): void {
  for (const { path, owner, set } of parsed.pending) {
    if (!path) {
      set(undefined, `${owner} has neither PlainTextContent nor plainTextPath`);
      continue;
    }
    const inner = internalPath(path);
    if (inner === undefined) set(undefined, `${owner} refers to a file outside the project (${path}); only files inside the .qdpx are read`);
    else if (!inArchive) set(undefined, `${owner} refers to ${path}, which only a .qdpx archive holds`);
    else {
      const data = texts.get(inner);
      if (!data) {
        set(undefined, `${owner} refers to ${path}, which is not in the archive's sources/ folder`);
        continue;
      }
      const decoded = decodeBytes(data);
      if (!decoded.ok) {
        notices.push({
          severity: 'error',
          rule: 'qdpx-source-encoding',
          reason: `The text of ${owner} (sources/${inner}) ${decoded.reason}${decoded.place ? `; first at line ${decoded.place.line}, column ${decoded.place.column}` : ''}`,
          fix: 'Save the source as UTF-8 in the QDA program (or re-import it there as UTF-8) and export again.',
          place: decoded.place,
        });
        set(undefined, undefined);
        continue;
      }
      if (decoded.encoding !== 'utf-8')
        notices.push({
          severity: 'warning',
          rule: 'qdpx-source-encoding',
          reason: `The text of ${owner} (sources/${inner}) is ${decoded.encoding.toUpperCase()}, not the UTF-8 REFI-QDA asks for; read as ${decoded.encoding.toUpperCase()}`,
          fix: 'Nothing to do if its selections land on the right words.',
        });
      set(decoded.text, undefined);
    }
  }
}

/**
 * Two codes with one GUID would send each other's codings to the wrong code; two sources,
 * selections or notes with one GUID make references ambiguous. Named with the line of the
 * second use.
 */
function checkDuplicateGuids(xml: string, where: string, codes: readonly QdaCode[], root: XmlNode | undefined, notices: QdaNotice[]): boolean {
  const seen = new Map<string, string>();
  const owners: [string, string][] = walkCodes(codes).map(({ code }) => [code.guid, `code "${code.name}"`]);
  if (root) {
    const sourcesNode = elements(root, 'Sources')[0];
    for (const kind of ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
      for (const source of elements(sourcesNode, kind)) {
        owners.push([guidOf(attr(source, 'guid')), `source "${attr(source, 'name') ?? ''}"`]);
        for (const selection of elements(source, 'PlainTextSelection')) owners.push([guidOf(attr(selection, 'guid')), `a selection in source "${attr(source, 'name') ?? ''}"`]);
      }
    }
    for (const note of elements(elements(root, 'Notes')[0], 'Note')) owners.push([guidOf(attr(note, 'guid')), `note "${attr(note, 'name') ?? ''}"`]);
  }
  let ok = true;
  for (const [guid, owner] of owners) {
    if (guid === '') continue;
    const first = seen.get(guid);
    if (first === undefined) {
      seen.set(guid, owner);
      continue;
    }
    ok = false;
    const place = secondUse(xml, guid);
    notices.push({
      severity: 'error',
      rule: 'qde-duplicate-guid',
      reason: `${where}: ${owner} has the GUID ${guid}, which ${first} already has${place ? ` (second use at line ${place.line})` : ''}; codings and notes that refer to it cannot be told apart`,
      fix: 'Export the project again from the QDA program; if the file was edited or merged by hand, give one of them a new GUID.',
      place,
    });
  }
  return ok;
}

function secondUse(xml: string, guid: string): Place | undefined {
  const pattern = new RegExp(`\\bguid\\s*=\\s*["']\\{?${guid.replace(/[^0-9a-f-]/gi, '')}\\}?["']`, 'gi');
  pattern.exec(xml);
  const second = pattern.exec(xml);
  return second ? placeAt(xml, second.index) : undefined;
}

function checkNamespace(xml: string, rootName: 'Project' | 'CodeBook', notices: QdaNotice[]): void {
  const start = new RegExp(`<(?:([\\w.-]+):)?${rootName}\\b([^>]*)>`).exec(xml);
  const prefix = start?.[1];
  const declared = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(start?.[2] ?? '')?.[1];
  const expected = namespaces[rootName];
  if (declared === expected) return;
  if (declared === expected.replace(/1\.0$/, '1:0')) {
    notices.push({
      severity: 'warning',
      rule: 'qde-namespace',
      reason: `The namespace is written "${declared}" (a known NVivo misspelling of "${expected}"); read it anyway`,
      fix: 'Nothing to do; Casebook always writes the correct namespace.',
    });
    return;
  }
  notices.push({
    severity: 'warning',
    rule: 'qde-namespace',
    reason: `Expected the namespace "${expected}", found ${declared ? `"${declared}"` : 'none'}; read as REFI-QDA anyway`,
    fix: 'Check that the file is a REFI-QDA export; elements Casebook does not recognise are ignored.',
  });
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

function readTextSource(node: XmlNode, variables: Map<string, string>, pending: Parsed['pending']): QdaTextSource {
  const guid = guidOf(attr(node, 'guid'));
  const name = attr(node, 'name') ?? guid;
  const inline = elements(node, 'PlainTextContent')[0];
  const description = elements(node, 'Description')[0];
  const source: QdaTextSource = {
    guid,
    name,
    text: inline !== undefined ? textOf(inline).replace(/^\uFEFF/, '') : undefined,
    missing: undefined,
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
  if (inline === undefined) {
    pending.push({
      path: attr(node, 'plainTextPath'),
      owner: `text source "${name}"`,
      set(text, missing) {
        source.text = text;
        source.missing = missing;
      },
    });
  }
  return source;
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
  if (others.length > 0)
    notices.push({ severity: 'warning', rule: 'qdpx-skipped', reason: `Skipped ${others.join(', ')}: Casebook has no place for them`, fix: 'Nothing to do; they stay in your QDA project.' });
}

function elements(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** GUIDs compare without braces and case ("{ABC-…}" and "abc-…" are the same). */
function guidOf(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
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
