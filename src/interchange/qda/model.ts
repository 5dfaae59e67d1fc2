/**
 * The part of a REFI-QDA project (QDA-XML 1.0, `urn:QDA-XML:project:1.0`) that Casebook
 * reads and writes: the code tree, text sources with their coded plain-text selections,
 * notes, and variables on sources. Everything else in a project (pictures, PDFs, audio,
 * video, cases, links, sets, graphs) is listed as skipped when read.
 */

export interface QdaCode {
  guid: string;
  name: string;
  /** `#rrggbb`, expanded from `#rgb`; absent when the tool wrote none. */
  colour: string | undefined;
  description: string | undefined;
  isCodable: boolean;
  children: QdaCode[];
}

/** A coded stretch of a text source, in Unicode code points, end exclusive. */
export interface QdaSelection {
  guid: string;
  /** Tools often put the selected text (or its start) here; used to check positions. */
  name: string | undefined;
  start: number;
  end: number;
  codeGuids: string[];
  noteGuids: string[];
  description: string | undefined;
}

export interface QdaTextSource {
  guid: string;
  name: string;
  /** The plain text, once resolved from the archive or the inline content; BOM removed. */
  text: string | undefined;
  /** Why the text could not be read, when it could not; undefined with no text when reading it already reported why (an encoding error). */
  missing: string | undefined;
  selections: QdaSelection[];
  /** Codes applied to the whole source. */
  codeGuids: string[];
  noteGuids: string[];
  /** Variable values by variable name. */
  variables: Map<string, string>;
  description: string | undefined;
}

export interface QdaNote {
  guid: string;
  name: string;
  text: string;
}

export interface QdaProject {
  name: string;
  /** The program that wrote it (the root's `origin`), e.g. "NVivo 12.6", where it says. */
  origin: string | undefined;
  /** What kind of file it came from. */
  kind: 'project' | 'codebook';
  codes: QdaCode[];
  sources: QdaTextSource[];
  notes: Map<string, QdaNote>;
}

/** Every code of a tree, depth first, with its depth (0 for top level) and parent. */
export function walkCodes(codes: readonly QdaCode[], depth = 0, parent: QdaCode | undefined = undefined): { code: QdaCode; depth: number; parent: QdaCode | undefined }[] {
  return codes.flatMap((code) => [{ code, depth, parent }, ...walkCodes(code.children, depth + 1, code)]);
}
