/**
 * Session phases: every session as a bar on one shared minutes axis, split into
 * pre-treatment assessment, the treatment (its talk and its silence) and post-treatment
 * assessment, with the session's total at the end of the bar.
 *
 * Talk and silence are totals within the treatment: the article does not say when each
 * happened, so they are drawn side by side inside the treatment span, and the description
 * says so. Durations and the note on how silence was counted come from the data.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import type { Study } from '../study/model.ts';
import type { Session } from '../study/schemas/session.ts';
import { durationLabels } from '../study/schemas/session.ts';
import { formatDuration } from '../study/schemas/common.ts';
import { dataTable } from './html.ts';
import { axisX } from './marks/axis.ts';
import { rect } from './marks/rect.ts';
import { ruleX } from './marks/rule.ts';
import { swatches, layoutSwatches, type SwatchItem } from './marks/swatches.ts';
import { text } from './marks/text.ts';
import { dimensions as makeDimensions, plot } from './plot.ts';
import { band, linear } from './scales.ts';
import { textWidth } from './text-layout.ts';
import type { ChartResult, Dimensions, Scale } from './types.ts';

/** The parts of a session bar, left to right. `treatment` spans `talk` + `silence`. */
export type PhasePart = 'pre-treatment' | 'treatment' | 'talk' | 'silence' | 'post-treatment';

export interface PhaseSegment {
  session: number;
  part: PhasePart;
  /** Offsets from the start of the session, in seconds. */
  start: number;
  end: number;
  seconds: number;
}

export interface SessionPhasesOptions {
  /** Session number to emphasise (a session page); the others are drawn muted. */
  highlight?: number;
  /** Prefix of the ids inside the SVG; must be unique on the page. */
  id?: string;
  /**
   * The sessions drawn, in order (all by default). The minutes axis always spans the
   * longest session of the study, so bars compare across pages that draw different ones.
   */
  sessions?: readonly Session[];
}

/** Sizes in viewBox units. Text is 14 units in a 400-unit-wide viewBox: ≥ 11 px on a 320 px column. */
export const defaults = {
  width: 400,
  fontSize: 14,
  barHeight: 36,
  labelHeight: 22,
  bracketHeight: 24,
  rowGap: 12,
  marginLeft: 8,
  marginRight: 52,
  /** Fallback colours as presentation attributes; charts.css overrides them per colour scheme. */
  colours: { talk: '#3f5f7f', onTalk: '#ffffff', assessment: '#d5d9de', silenceBackground: '#ffffff', silenceInk: '#3f5f7f' },
} as const;

const partNames: Record<PhasePart, string> = {
  'pre-treatment': 'Pre',
  treatment: 'Treatment',
  talk: 'Talk',
  silence: 'Silence',
  'post-treatment': 'Post',
};

/** The segments of one session's bar, from its printed durations. */
export function phaseSegments(session: Session): PhaseSegment[] {
  const d = session.durations;
  const pre = d.preTreatment.seconds;
  const treatmentEnd = pre + d.treatment.seconds;
  const talkEnd = pre + d.talk.seconds;
  const segment = (part: PhasePart, start: number, end: number): PhaseSegment => ({ session: session.number, part, start, end, seconds: end - start });
  return [
    segment('pre-treatment', 0, pre),
    segment('treatment', pre, treatmentEnd),
    segment('talk', pre, talkEnd),
    segment('silence', talkEnd, talkEnd + d.silence.seconds),
    segment('post-treatment', treatmentEnd, treatmentEnd + d.postTreatment.seconds),
  ];
}

/** Scales and sizes of the chart, exposed so tests can check geometry against the data. */
export function sessionPhasesLayout(study: Study, shown: readonly Session[] = study.sessions) {
  const { width, barHeight, labelHeight, bracketHeight, rowGap, marginLeft, marginRight, fontSize } = defaults;
  const legend = layoutSwatches(legendItems('x', study), { x: marginLeft, y: 0, width: width - marginLeft, fontSize });
  const rowHeight = labelHeight + barHeight + bracketHeight + rowGap;
  const top = legend.height + 8 + labelHeight;
  const count = shown.length;
  const barsBottom = top + count * rowHeight - (labelHeight + rowGap + bracketHeight);
  const maxMinutes = Math.max(1, ...study.sessions.map((session) => session.durations.total.seconds / 60));
  const x = linear({ domain: [0, maxMinutes], range: [marginLeft, width - marginRight] });
  // Each band is the bar; the label above and the bracket below live in the padding.
  const y = band({ domain: shown.map((session) => session.number), range: [top, barsBottom], padding: count > 1 ? (rowHeight - barHeight) / rowHeight : 0 });
  const axisY = barsBottom + bracketHeight + 18;
  const dims: Dimensions = makeDimensions(width, axisY + 22, { marginLeft, marginRight, marginTop: top - labelHeight, marginBottom: 0 });
  return { x, y, dimensions: dims, legendTop: 0, axisY, gridTop: top - labelHeight, gridBottom: barsBottom + bracketHeight };
}

function legendItems(id: string, study: Study): SwatchItem[] {
  const c = defaults.colours;
  const footnote = study.meta.durationNotes.silence ? '*' : '';
  return [
    { label: 'Pre/post assessment', swatch: { fill: c.assessment, className: ['cb-assessment'] } },
    { label: 'Talk', swatch: { fill: c.talk, className: ['cb-talk'] } },
    { label: `Silence${footnote}`, swatch: { fill: `url(#${id}-silence)`, stroke: c.silenceInk, className: ['cb-silence'] } },
  ];
}

function silencePattern(id: string): Element {
  const c = defaults.colours;
  return s('pattern', { id: `${id}-silence`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, [
    s('rect', { className: ['cb-silence-bg'], width: 6, height: 6, fill: c.silenceBackground }),
    s('line', { className: ['cb-silence-ink'], x1: 0, y1: 0, x2: 0, y2: 6, stroke: c.silenceInk, strokeWidth: 2.5 }),
  ]);
}

/** SVG text cannot wrap, so a long session title is shortened on the chart; the data table keeps it whole. */
const MAX_LABEL = 30;

function sessionLabel(session: Session, highlight: number | undefined): string {
  const title = [...session.title].length > MAX_LABEL ? `${[...session.title].slice(0, MAX_LABEL - 1).join('')}…` : session.title;
  return session.number === highlight ? `${title} (this session)` : title;
}

/** A sentence per session, for the description. */
function describeSession(session: Session): string {
  const d = session.durations;
  return `${session.title} lasted ${formatDuration(d.total.seconds)}: pre-treatment ${formatDuration(d.preTreatment.seconds)}, treatment ${formatDuration(d.treatment.seconds)} (talk ${formatDuration(d.talk.seconds)}, silence ${formatDuration(d.silence.seconds)}), post-treatment ${formatDuration(d.postTreatment.seconds)}.`;
}

export function sessionPhases(study: Study, options: SessionPhasesOptions = {}): ChartResult {
  const { highlight } = options;
  const shown = options.sessions ?? study.sessions;
  const id = options.id ?? (highlight === undefined ? 'session-phases' : `session-phases-${highlight}`);
  const { x, y, dimensions, axisY, gridTop, gridBottom } = sessionPhasesLayout(study, shown);
  const { fontSize, barHeight, colours: c } = defaults;
  const silenceNote = study.meta.durationNotes.silence;
  const muted = (session: number) => (highlight !== undefined && session !== highlight ? 'is-muted' : undefined);
  const minutes = (seconds: number) => seconds / 60;
  const sessionTitle = new Map(shown.map((session) => [session.number, session.title]));

  const segments = shown.flatMap(phaseSegments);
  const filled = segments.filter((segment) => segment.part !== 'treatment');
  const treatments = segments.filter((segment) => segment.part === 'treatment');
  const fills: Record<PhasePart, string> = {
    'pre-treatment': c.assessment,
    treatment: 'none',
    talk: c.talk,
    silence: `url(#${id}-silence)`,
    'post-treatment': c.assessment,
  };
  const partClass: Record<PhasePart, string> = {
    'pre-treatment': 'cb-assessment',
    treatment: 'cb-treatment',
    talk: 'cb-talk',
    silence: 'cb-silence',
    'post-treatment': 'cb-assessment',
  };
  const detail = (segment: PhaseSegment) => `${sessionTitle.get(segment.session)}, ${durationLabel(segment.part).toLowerCase()}: ${formatDuration(segment.seconds)}`;
  const segmentAttributes = (segment: PhaseSegment) => ({ dataSession: segment.session, dataPart: segment.part, dataDetail: detail(segment), dataDuration: formatDuration(segment.seconds) });
  const classes = (segment: PhaseSegment) => [partClass[segment.part], muted(segment.session)].filter(Boolean).join(' ');

  // Inner labels: name over value, only where both lines fit inside the segment.
  const labelled = filled.filter((segment) => {
    const widthAvailable = x.apply(minutes(segment.end)) - x.apply(minutes(segment.start));
    const needed = Math.max(textWidth(partNames[segment.part], fontSize), textWidth(formatDuration(segment.seconds), fontSize)) + 6;
    return widthAvailable >= needed;
  });
  const sessions = shown;
  const midY = barHeight / 2;

  const svg = plot({
    id,
    title: chartTitle(study, shown),
    description: description(study, shown, highlight),
    dimensions,
    scales: { x, y: y as Scale<unknown> },
    defs: [silencePattern(id)],
    className: 'cb-session-phases',
    properties: highlight === undefined ? {} : { dataHighlight: highlight },
    marks: [
      swatches(legendItems(id, study), { x: dimensions.marginLeft, y: 0, width: dimensions.width - dimensions.marginLeft }),
      axisX({ y: axisY, gridTop, gridBottom, ticks: 10, label: 'minutes' }),
      ruleX([0], { x: 0, y1: gridTop, y2: gridBottom, className: 'cb-baseline' }),
      rect(filled, {
        x1: (d) => minutes(d.start),
        x2: (d) => minutes(d.end),
        y: (d) => d.session,
        fill: (d) => fills[d.part],
        stroke: c.silenceInk,
        classes,
        attributes: segmentAttributes,
        title: detail,
      }),
      // The treatment's outline: talk and silence fill it exactly.
      rect(treatments, {
        x1: (d) => minutes(d.start),
        x2: (d) => minutes(d.end),
        y: (d) => d.session,
        fill: 'none',
        stroke: 'currentColor',
        classes,
        attributes: segmentAttributes,
      }),
      text(labelled, {
        x: (d) => minutes((d.start + d.end) / 2),
        y: (d) => d.session,
        dy: midY - 3,
        text: (d) => [partNames[d.part], formatDuration(d.seconds)],
        lineHeight: 15,
        textAnchor: 'middle',
        fill: (d) => (d.part === 'talk' ? c.onTalk : 'currentColor'),
        classes: (d) => [`cb-label-${d.part === 'talk' ? 'on-talk' : d.part === 'silence' ? 'on-silence' : 'on-assessment'}`, muted(d.session)].filter(Boolean).join(' '),
        attributes: (d) => (d.part === 'silence' ? { stroke: c.silenceBackground, strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } : {}),
      }),
      // Brackets under the treatment span, labelled with its duration.
      rect(treatments, {
        x1: (d) => minutes(d.start),
        x2: (d) => minutes(d.end),
        y1: (d) => y.apply(d.session) + barHeight + 5,
        y2: (d) => y.apply(d.session) + barHeight + 6,
        classes: (d) => ['cb-bracket', muted(d.session)].filter(Boolean).join(' '),
      }),
      text(treatments, {
        x: (d) => minutes((d.start + d.end) / 2),
        y: (d) => d.session,
        dy: barHeight + 20,
        text: (d) => `Treatment ${formatDuration(d.seconds)}`,
        textAnchor: 'middle',
        classes: (d) => ['cb-bracket-label', muted(d.session)].filter(Boolean).join(' '),
      }),
      text(sessions, {
        x: 0,
        y: (d) => d.number,
        dy: -7,
        text: (d) => sessionLabel(d, highlight),
        classes: (d) => ['cb-session-label', d.number === highlight ? 'is-highlighted' : muted(d.number)].filter(Boolean).join(' '),
        attributes: (d) => ({ fontWeight: 'bold', dataSession: d.number }),
      }),
      text(sessions, {
        x: (d) => minutes(d.durations.total.seconds),
        y: (d) => d.number,
        dx: 5,
        dy: midY + 5,
        text: (d) => formatDuration(d.durations.total.seconds),
        classes: (d) => ['cb-total', muted(d.number)].filter(Boolean).join(' '),
        attributes: (d) => ({ fontWeight: 'bold', dataSession: d.number, dataDetail: `${d.title}, total: ${formatDuration(d.durations.total.seconds)}` }),
        title: (d) => `${d.title}, total: ${formatDuration(d.durations.total.seconds)}`,
      }),
    ],
  });

  return {
    svg,
    table: table(study, shown, highlight),
    title: chartTitle(study, shown),
    description: description(study, shown, highlight),
    notes: silenceNote ? [`* ${durationLabels.silence}: ${silenceNote}`] : [],
  };
}

function durationLabel(part: PhasePart): string {
  switch (part) {
    case 'pre-treatment':
      return durationLabels.preTreatment;
    case 'post-treatment':
      return durationLabels.postTreatment;
    default:
      return durationLabels[part];
  }
}

function chartTitle(study: Study, shown: readonly Session[]): string {
  if (shown.length === study.sessions.length) return study.sessions.length === 1 ? 'Phases of the session, in minutes' : `Phases of the ${study.sessions.length} sessions, in minutes`;
  const numbers = shown.map((session) => session.number);
  return shown.length === 1 ? `Phases of session ${numbers[0]}, in minutes` : `Phases of sessions ${Math.min(...numbers)}–${Math.max(...numbers)} of ${study.sessions.length}, in minutes`;
}

function description(study: Study, shown: readonly Session[], highlight: number | undefined): string {
  const highlighted = highlight === undefined ? undefined : study.sessionIndex.get(highlight);
  const silenceNote = study.meta.durationNotes.silence;
  return [
    'Each session is a bar on one minutes axis: pre-treatment assessment, then the treatment split into its talk and its silence, then post-treatment assessment.',
    highlighted ? `${highlighted.title} is highlighted.` : '',
    ...shown.map(describeSession),
    'Talk and silence are totals within the treatment, not the order in which they happened.',
    silenceNote ? `Silence: ${silenceNote}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function table(study: Study, shown: readonly Session[], highlight: number | undefined): Element {
  const footnote = study.meta.durationNotes.silence ? '*' : '';
  return dataTable({
    caption: 'Session durations (minutes:seconds)',
    columns: ['Session', durationLabels.preTreatment, durationLabels.treatment, durationLabels.talk, `${durationLabels.silence}${footnote}`, durationLabels.postTreatment, durationLabels.total],
    rows: shown.map((session) => {
      const d = session.durations;
      return {
        cells: [session.title, ...[d.preTreatment, d.treatment, d.talk, d.silence, d.postTreatment, d.total].map((duration) => formatDuration(duration.seconds))],
        properties: session.number === highlight ? { className: ['is-highlighted'], dataSession: session.number } : { dataSession: session.number },
      };
    }),
  });
}

/**
 * The session and its neighbours, `count` in all (fewer near either end of a short study):
 * a session page compares a session with those around it, so a study of hundreds of
 * sessions does not draw every one of them on every session page.
 */
export function neighbouringSessions(sessions: readonly Session[], number: number, count = 7): readonly Session[] {
  if (sessions.length <= count) return sessions;
  const index = Math.max(0, sessions.findIndex((session) => session.number === number));
  const start = Math.min(Math.max(0, index - Math.floor(count / 2)), sessions.length - count);
  return sessions.slice(start, start + count);
}
