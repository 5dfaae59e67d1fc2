/**
 * The data transform behind the treatment-sequence chart: a session's printed table turned
 * into ordinal steps. Actions are matched against the massage techniques case-insensitively
 * (anything else, such as "The Client lies face down", stays a note); topics are classed as
 * talk or silence; "As above" is resolved to the topics of the segment above; excerpts are
 * attached only where the data places them (`excerpt.step`).
 */
import type { SymbolType } from 'd3-shape';
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTimes, symbolTriangle, symbolWye } from 'd3-shape';
import type { Study } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import type { Session } from '../study/schemas/session.ts';

export interface Technique {
  key: string;
  /** Name for the legend and tables. */
  label: string;
  /** Matches a printed action naming it, whatever its capitalisation. */
  pattern: RegExp;
  /** Mark shape, so techniques differ by shape as well as by column. */
  symbol: SymbolType;
  /** Stroked rather than filled (shapes made of lines). */
  stroked?: boolean;
}

/**
 * The techniques the article's tables name, in the order of the legend. Passive and PNF
 * stretches stay apart because the article prints both in one cell (e.g. the neck).
 */
export const techniques: readonly Technique[] = [
  { key: 'effleurage', label: 'Effleurage', pattern: /\beffleurage\b/i, symbol: symbolCircle },
  { key: 'petrissage', label: 'Petrissage', pattern: /\bp[eé]trissage\b/i, symbol: symbolSquare },
  { key: 'frictions', label: 'Frictions', pattern: /\bfrictions?\b/i, symbol: symbolDiamond },
  { key: 'compressions', label: 'Compressions', pattern: /\bcompressions?\b/i, symbol: symbolTriangle },
  { key: 'vibration', label: 'Vibration', pattern: /\bvibrations?\b/i, symbol: symbolWye },
  { key: 'tapotement', label: 'Tapotement', pattern: /\btapotement\b/i, symbol: symbolStar },
  { key: 'passive-stretch', label: 'Passive stretch', pattern: /\bpassive\s+stretch/i, symbol: symbolCross },
  { key: 'pnf-stretch', label: 'PNF stretch', pattern: /\bPNF\b/i, symbol: symbolTimes, stroked: true },
];

/** The technique a printed action names, if any. */
export function techniqueOf(action: string): Technique | undefined {
  return techniques.find((technique) => technique.pattern.test(action));
}

/** Talk, silence as printed ("Silence"), or partial silence ("Mostly silence", "Some silence"). */
export type TopicKind = 'talk' | 'silence' | 'partial-silence';

export function topicKind(topic: string): TopicKind {
  const text = topic.trim();
  if (/^silence$/i.test(text)) return 'silence';
  if (/^(?:mostly|some|partly)\s+silen(?:ce|t)$/i.test(text)) return 'partial-silence';
  return 'talk';
}

/** True for the printed "As above". */
export function isAsAbove(topic: string): boolean {
  return /^as\s+above\.?$/i.test(topic.trim());
}

export interface Topic {
  /** The topic's text (for a continued topic, the text it continues). */
  text: string;
  kind: TopicKind;
  /** True when the printed cell said "As above" and this topic was carried down. */
  continued: boolean;
}

export interface SegmentStep {
  kind: 'segment';
  id: string;
  /** Position in the printed table, from 0 (events included). */
  row: number;
  /** 1, 2, 3… over segments only. */
  number: number;
  phase: Session['sequence'][number]['phase'];
  label: string;
  /** Printed actions. */
  actions: string[];
  /** Techniques named by the actions, each once, in legend order. */
  techniques: Technique[];
  /** Printed actions that name no technique. */
  notes: string[];
  /** Topics with "As above" resolved. */
  topics: Topic[];
  /** The printed topics cell was (or began with) "As above". */
  continued: boolean;
  /** "As above" with no segment above it: kept as printed. */
  unresolved: boolean;
  /** Excerpts the data places on this step. */
  excerpts: Excerpt[];
  /** First row of its phase. */
  phaseStart: boolean;
  note: string | undefined;
}

export interface EventStep {
  kind: 'event';
  id: string;
  row: number;
  phase: Session['sequence'][number]['phase'];
  label: string;
  excerpts: Excerpt[];
  phaseStart: boolean;
  note: string | undefined;
}

export type Step = SegmentStep | EventStep;

export interface SessionSequence {
  session: Session;
  steps: Step[];
  /** Excerpts of the session the data does not place on a step. */
  unplaced: Excerpt[];
}

/** The session's table as ordinal steps, one per printed row. */
export function sequenceSteps(study: Study, sessionNumber: number): SessionSequence {
  const session = study.sessionIndex.get(sessionNumber);
  if (!session) throw new RangeError(`Unexpected session ${sessionNumber}, expected one of ${study.sessions.map((s) => s.number).join(', ')}`);
  const excerpts = study.excerptsBySession.get(sessionNumber) ?? [];
  const ids = new Set(session.sequence.map((row) => row.id));
  const placed = (id: string) => excerpts.filter((excerpt) => excerpt.step === id);
  const unplaced = excerpts.filter((excerpt) => excerpt.step === undefined || !ids.has(excerpt.step));

  let previous: Topic[] | undefined;
  let number = 0;
  let phase: string | undefined;
  const steps = session.sequence.map((row, index): Step => {
    const phaseStart = row.phase !== phase;
    phase = row.phase;
    const common = { id: row.id, row: index, phase: row.phase, label: row.label, excerpts: placed(row.id), phaseStart, note: row.note };
    if (row.kind === 'event') return { kind: 'event', ...common };
    number += 1;
    const found = new Set(row.actions.map(techniqueOf).filter((technique) => technique !== undefined));
    const topics: Topic[] = [];
    let continued = false;
    let unresolved = false;
    for (const printed of row.topics) {
      if (isAsAbove(printed)) {
        continued = true;
        if (previous) topics.push(...previous.map((topic) => ({ ...topic, continued: true })));
        else {
          unresolved = true;
          topics.push({ text: printed, kind: 'talk', continued: false });
        }
      } else topics.push({ text: printed, kind: topicKind(printed), continued: false });
    }
    if (topics.length > 0) previous = topics;
    return {
      kind: 'segment',
      ...common,
      number,
      actions: row.actions,
      techniques: techniques.filter((technique) => found.has(technique)),
      notes: row.actions.filter((action) => techniqueOf(action) === undefined),
      topics,
      continued,
      unresolved,
    };
  });
  return { session, steps, unplaced };
}
