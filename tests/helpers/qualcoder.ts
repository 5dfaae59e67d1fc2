/**
 * What QualCoder does to a REFI-QDA project between its import and its export, modelled
 * on its own code (ccbogel/QualCoder, src/qualcoder/refi.py: RefiImport.sub_codes,
 * load_text_source, load_codings_for_text, parse_notes; RefiExport.get_codes, code_xml,
 * sources_xml, text_selection_xml, export_project). Only what reaches a project's text
 * sources and codes is modelled:
 *
 * - codes become rows with a colour snapped to QualCoder's palette and the Description as
 *   memo; nested codes keep their parent; every export gives every item a new random GUID;
 * - a text source keeps its text, its Description as memo and its variable values
 *   (Integer and Float variables become "numeric" and are written back as FloatValue);
 * - each Coding of a selection becomes its own coded stretch, with the selection's
 *   Description as memo; on export each is one PlainTextSelection named with the coded
 *   text itself;
 * - Notes that are neither journals (plainTextPath) nor annotations with their own
 *   selection are dropped;
 * - source texts are written UTF-8 with a byte-order mark, into `sources/`.
 */
import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;

export interface QcCode {
  cid: number;
  name: string;
  memo: string;
  color: string;
  supercid: number | undefined;
}

export interface QcSource {
  id: number;
  name: string;
  fulltext: string;
  memo: string;
  attributes: Map<string, string>;
}

export interface QcCoding {
  cid: number;
  fid: number;
  pos0: number;
  pos1: number;
  memo: string;
}

export interface QcProject {
  codes: QcCode[];
  sources: QcSource[];
  codings: QcCoding[];
  /** Variable name → "numeric" or "character". */
  attributeTypes: Map<string, 'numeric' | 'character'>;
}

const list = (node: unknown, name: string): Node[] => {
  const value = (node as Node | undefined)?.[name];
  return value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];
};
const text = (node: unknown): string => (typeof node === 'string' ? node : typeof (node as Node | undefined)?.['#text'] === 'string' ? ((node as Node)['#text'] as string) : '');

/** QualCoder's color_matcher maps a colour to the nearest of its own; modelled as snapping each channel to a step of 0x22. */
function snap(colour: string): string {
  return `#${[1, 3, 5]
    .map((index) =>
      Math.min(255, Math.round(Number.parseInt(colour.slice(index, index + 2), 16) / 0x22) * 0x22)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** QualCoder's import of a .qdpx. */
export function qualcoderImport(bytes: Uint8Array): QcProject {
  const entries = unzipSync(bytes);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false });
  const root = (parser.parse(strFromU8(entries['project.qde']!)) as Node).Project as Node;
  const project: QcProject = { codes: [], sources: [], codings: [], attributeTypes: new Map() };
  const cidOf = new Map<string, number>();
  const subCodes = (node: Node, supercid: number | undefined) => {
    const cid = project.codes.length + 1;
    // A code without a colour gets a random one; Casebook always writes one.
    project.codes.push({ cid, name: String(node.name), memo: text(list(node, 'Description')[0]), color: snap(String(node.color)), supercid });
    cidOf.set(String(node.guid), cid);
    for (const child of list(node, 'Code')) subCodes(child, cid);
  };
  for (const code of list(list(root.CodeBook, 'Codes')[0], 'Code')) subCodes(code, undefined);
  const variables = new Map<string, string>();
  for (const variable of list(list(root, 'Variables')[0], 'Variable')) {
    variables.set(String(variable.guid), String(variable.name));
    project.attributeTypes.set(String(variable.name), ['Integer', 'Float'].includes(String(variable.typeOfVariable)) ? 'numeric' : 'character');
  }
  for (const source of list(list(root, 'Sources')[0], 'TextSource')) {
    const path = String(source.plainTextPath).replace('internal://', '');
    const fulltext = new TextDecoder().decode(entries[`sources/${path}`]!).replace(/^\uFEFF/, '');
    const id = project.sources.length + 1;
    const attributes = new Map<string, string>();
    for (const value of list(source, 'VariableValue')) {
      const name = variables.get(String(list(value, 'VariableRef')[0]!.targetGUID))!;
      const content = ['TextValue', 'IntegerValue', 'FloatValue'].map((kind) => list(value, kind)[0]).find((found) => found !== undefined);
      attributes.set(name, text(content).trim());
    }
    project.sources.push({ id, name: String(source.name), fulltext, memo: text(list(source, 'Description')[0]), attributes });
    for (const selection of list(source, 'PlainTextSelection')) {
      const memo = text(list(selection, 'Description')[0]);
      for (const coding of list(selection, 'Coding')) {
        project.codings.push({ cid: cidOf.get(String(list(coding, 'CodeRef')[0]!.targetGUID))!, fid: id, pos0: Number(selection.startPosition), pos1: Number(selection.endPosition), memo });
      }
    }
  }
  return project;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[char]!);

/** QualCoder's export of a project as .qdpx; top-level codes in `order` (by name unless given). */
export function qualcoderExport(project: QcProject, order: (a: QcCode, b: QcCode) => number = (a, b) => a.name.localeCompare(b.name)): Uint8Array {
  const guid = () => randomUUID();
  const user = guid();
  const codeGuid = new Map(project.codes.map((code) => [code.cid, guid()]));
  const codeXml = (code: QcCode): string => {
    const children = project.codes.filter((child) => child.supercid === code.cid);
    const open = `<Code guid="${codeGuid.get(code.cid)}" name="${escape(code.name)}" isCodable="true" color="${code.color}"`;
    if (code.memo === '' && children.length === 0) return `${open} />\n`;
    return `${open}>\n${code.memo ? `<Description>${escape(code.memo)}</Description>\n` : ''}${children.map(codeXml).join('')}</Code>\n`;
  };
  const variableGuid = new Map([...project.attributeTypes.keys()].map((name) => [name, guid()]));
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n';
  xml += `<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="study.qda" origin="QualCoder 3.7" creatingUserGUID="${user}" creationDateTime="2026-12-02T10:00:00Z" xmlns="urn:QDA-XML:project:1.0">\n`;
  xml += `<Users>\n<User guid="${user}" name="researcher" />\n</Users>\n<CodeBook>\n<Codes>\n`;
  xml += project.codes
    .filter((code) => code.supercid === undefined)
    .sort(order)
    .map(codeXml)
    .join('');
  xml += '</Codes>\n</CodeBook>\n<Variables>\n';
  for (const [name, type] of project.attributeTypes)
    xml += `<Variable guid="${variableGuid.get(name)}" name="${escape(name)}" typeOfVariable="${type === 'numeric' ? 'Float' : 'Text'}" >\n<Description />\n</Variable>\n`;
  xml += '</Variables>\n<Sources>\n';
  const files: Record<string, Uint8Array> = {};
  for (const source of project.sources) {
    const plain = `${guid()}.txt`;
    files[`sources/${plain}`] = strToU8(`\uFEFF${source.fulltext}`);
    xml += `<TextSource plainTextPath="internal://${plain}" creatingUser="${user}" creationDateTime="2026-12-02T10:00:00Z" guid="${guid()}" name="${escape(source.name)}">\n`;
    if (source.memo) xml += `<Description>${escape(source.memo)}</Description>\n`;
    for (const coding of project.codings.filter((candidate) => candidate.fid === source.id)) {
      xml += `<PlainTextSelection guid="${guid()}" startPosition="${coding.pos0}" endPosition="${coding.pos1}" name="${escape(Array.from(source.fulltext).slice(coding.pos0, coding.pos1).join(''))}" creatingUser="${user}" creationDateTime="2026-12-02T10:00:00Z">\n`;
      if (coding.memo) xml += `<Description>${escape(coding.memo)}</Description>\n`;
      xml += `<Coding guid="${guid()}" creatingUser="${user}" >\n<CodeRef targetGUID="${codeGuid.get(coding.cid)}" />\n</Coding>\n</PlainTextSelection>\n`;
    }
    for (const [name, value] of source.attributes) {
      const numeric = project.attributeTypes.get(name) === 'numeric';
      xml += `<VariableValue>\n<VariableRef targetGUID="${variableGuid.get(name)}" />\n${numeric ? `<FloatValue>${value}</FloatValue>` : `<TextValue>${escape(value)}</TextValue>`}\n</VariableValue>\n`;
    }
    xml += '</TextSource>\n';
  }
  xml += '</Sources>\n<Description>None</Description>\n</Project>';
  return zipSync({ 'project.qde': strToU8(xml), ...files });
}
