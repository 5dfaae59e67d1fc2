/**
 * Turns a REFI-QDA project into the study's codebook and excerpts, following the
 * conventions of conventions.ts, in steps: the code tree becomes the codebook
 * (map-codebook.ts); the position unit is decided over all sources (positions.ts); each
 * source's coded selections become excerpts (source-excerpts.ts, selection-lines.ts); and
 * what the study check would report once per excerpt is said once per document
 * (source-checks.ts). What the project does not say (an excerpt's lead-in when a tool
 * dropped the notes, a theme's dark-mode colour) is taken from the study being replaced,
 * matched by GUID (Casebook's exports carry stable ones) or else by name. Nothing is
 * validated here: the records go through the study's own checks (stage.ts).
 */
import type { JsonPath } from '../../study/json-source.ts';
import type { CodeInfo } from '../../study/model.ts';
import type { Codebook, Excerpt } from '../../study/schemas/index.ts';
import type { Speaker } from '../lines-text.ts';
import type { QdaProject, QdaSelection } from './model.ts';
import { decideUnit, normaliseQuote, SourceText, unitEvidence, type PositionUnit } from './positions.ts';
import type { QdaNotice } from './read.ts';
import type { DeclaredSource } from '../speakers.ts';
import { mapCodebook } from './map-codebook.ts';
import { refuseUnplaceable, speakerLabelsNotParticipants } from './source-checks.ts';
import { sourceExcerpts } from './source-excerpts.ts';

export { slugify } from './map-codebook.ts';

/** The study folder's current codebook and excerpts, where they are valid. */
export interface ExistingStudy {
  codebook: Codebook | undefined;
  excerpts: Map<string, Excerpt>;
}

export interface ImportedRecord {
  record: Record<string, unknown>;
  /** Names the QDA item a path of the record came from, for messages. */
  describe(path: JsonPath): string;
  /** Whether its source came from the project or the excerpt it replaces (not from the study's only source). */
  fromVariable?: boolean;
}

export interface QdaImport {
  codebook: ImportedRecord | undefined;
  excerpts: ImportedRecord[];
  notices: QdaNotice[];
  /** Colours changed for contrast, slugs generated, codes renumbered: reported, not errors. */
  adjustments: string[];
  /** Old code → new code, for codes of the study whose number changed. */
  renumbered: Map<string, string>;
  /** Codes of the study the import does not have. */
  removed: CodeInfo[];
  /** How positions were read (unit and why), for projects with selections. */
  positions: string | undefined;
  /** Fields the project does not carry, with the excerpts that lack them. */
  toFillIn: string[];
}

export interface ImportOptions {
  /** The unit positions count in, when the researcher says so (`--positions`). */
  positions?: PositionUnit | undefined;
  /** Import the code tree only, not the coded selections. */
  codebookOnly?: boolean | undefined;
  /**
   * The excerpt sources the study declares (study.json "sources"): with only one, every
   * excerpt the project does not place comes from it. When given, excerpts left without a
   * source, or with turns nobody speaks in a source of talk, are refused per document.
   */
  excerptSources?: readonly DeclaredSource[] | undefined;
  /** The declared source every excerpt the project does not place comes from (`--source`). */
  source?: string | undefined;
}

export function projectToStudy(project: QdaProject, existing: ExistingStudy, speakers: readonly Speaker[], notices: QdaNotice[], options: ImportOptions = {}): QdaImport {
  const adjustments: string[] = [];
  const { codebook, codeOf, renumbered, removed } = mapCodebook(project.codes, existing.codebook, project.origin, notices, adjustments);
  const base = { codebook, notices, adjustments, renumbered, removed, positions: undefined, toFillIn: [] };
  if (project.kind === 'codebook' || options.codebookOnly) return { ...base, excerpts: [] };

  // Coded sources whose texts are missing are one refusal, however many there are.
  const unreadable: string[] = [];
  const readable = project.sources.flatMap((source) => {
    if (source.text !== undefined) return [{ source, text: new SourceText(source.text) }];
    if (source.missing === undefined) return [];
    const coded = source.selections.length + (source.codeGuids.length > 0 ? 1 : 0);
    if (coded > 0) unreadable.push(source.missing);
    else
      notices.push({
        severity: 'warning',
        rule: 'qdpx-missing-text',
        reason: `The text of source "${source.name}" cannot be read: ${source.missing}`,
        fix: 'Nothing to do: the source has no codings.',
      });
    return [];
  });
  if (unreadable.length > 0) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-missing-text',
      reason: `The text${unreadable.length === 1 ? '' : 's'} of ${unreadable.length === 1 ? 'a coded source' : `${unreadable.length} coded sources`} cannot be read: ${unreadable.join('; ')}`,
      fix: 'Export the project again as a .qdpx so the source texts travel with it, or import its codes alone with --codebook-only.',
    });
  }
  const positions = (selection: QdaSelection) => ({
    start: selection.start,
    end: selection.end,
    quote: selection.name && normaliseQuote(selection.name).length > 0 ? normaliseQuote(selection.name) : undefined,
  });
  const decision = decideUnit(
    project.origin,
    unitEvidence(readable.map(({ source, text }) => ({ text, selections: source.selections.filter((selection) => selection.codeGuids.length > 0).map(positions) }))),
    options.positions,
  );
  if (decision.unit === undefined) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-positions',
      reason: `The project's selection positions are ambiguous: Casebook ${decision.why}`,
      fix: 'Open one selection after an emoji in the QDA program, compare, and import again with --positions utf-16 or --positions code-points.',
    });
    return { ...base, excerpts: [], positions: decision.why };
  }
  const excerpts: ImportedRecord[] = [];
  const toFillIn = new Map<string, string[]>();
  const usedIds = new Set<string>();
  const declared = options.excerptSources;
  if (options.source !== undefined && declared !== undefined && !declared.some((candidate) => candidate.id === options.source)) {
    notices.push({
      severity: 'error',
      rule: 'qdpx-source-option',
      reason: `--source ${options.source} names no source of the study`,
      fix: `Use one of ${declared.map((candidate) => candidate.id).join(', ') || '(none: declare the source in study.json "sources")'}.`,
    });
    return { ...base, excerpts: [], positions: decision.why };
  }
  const onlySource = options.source ?? (declared?.length === 1 ? declared[0]!.id : undefined);
  for (const { source, text } of readable) {
    const records = sourceExcerpts(source, text, decision.unit, project, existing, speakers, codeOf, usedIds, notices, toFillIn, onlySource);
    if (declared !== undefined) refuseUnplaceable(source, records, declared, notices);
    excerpts.push(...records);
  }
  if (onlySource !== undefined && excerpts.some((entry) => entry.record.source === onlySource && !entry.fromVariable))
    adjustments.push(`source: excerpts the project does not place come from "${onlySource}", ${options.source !== undefined ? 'as asked (--source)' : 'the only source the study declares'}`);
  const unknownSpeakers = speakerLabelsNotParticipants(
    readable.map(({ text }) => text.lf),
    speakers,
  );
  return {
    ...base,
    excerpts,
    positions: decision.why,
    toFillIn: [
      ...[...toFillIn].map(([field, ids]) => `${field}: ${ids.length} excerpt${ids.length === 1 ? '' : 's'} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`),
      ...(unknownSpeakers.length > 0
        ? [
            `speakers: ${unknownSpeakers.map(([label, count]) => `"${label}" starts ${count} lines`).join(', ')}; if these are speakers, add them to study.json's participants and import again to attribute their turns`,
          ]
        : []),
    ],
  };
}
