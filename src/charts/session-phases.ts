/**
 * Phases: every timed unit as a bar on one shared minutes axis, split into the phases the
 * study declares, sub-phases drawn inside their phase, with the unit's total at the end of
 * the bar.
 *
 * Sub-phases are laid end to end inside their phase in the declared order; a study that
 * gives only totals says so in its timing note, which the description repeats. Durations,
 * labels, legends and footnotes all come from the data.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import type { Study } from '../study/model.ts';
import type { Phase, Session, Timing } from '../study/schemas/index.ts';
import { formatDuration } from '../study/schemas/common.ts';
import { timedSessions, timingRows, totalSeconds } from '../study/timing.ts';
import { capitalise, unitWord } from '../study/words.ts';
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

export interface PhaseSegment {
  session: number;
  /** The declared phase this segment draws. */
  phase: Phase;
  /** Id of the phase (the `data-part` of its rect). */
  part: string;
  /** True for a phase with sub-phases: drawn as an outline and a bracket. */
  parent: boolean;
  /** Offsets from the start of the unit, in seconds. */
  start: number;
  end: number;
  seconds: number;
}

export interface SessionPhasesOptions {
  /** Unit number to emphasise (a unit's page); the others are drawn muted. */
  highlight?: number;
  /** Prefix of the ids inside the SVG; must be unique on the page. */
  id?: string;
  /**
   * The units drawn, in order (all timed units by default). The minutes axis always spans the
   * longest unit of the study, so bars compare across pages that draw different ones.
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
  colours: { dark: '#3f5f7f', onDark: '#ffffff', light: '#d5d9de', hatchBackground: '#ffffff', hatchInk: '#3f5f7f' },
} as const;

function timingOf(study: Study): Timing {
  const timing = study.meta.timing;
  if (!timing) throw new RangeError('Unexpected phases chart: the study declares no timing');
  return timing;
}

/** The segments of one unit's bar, from its printed durations: phases end to end, sub-phases inside their phase. */
export function phaseSegments(session: Session, timing: Timing): PhaseSegment[] {
  const durations = session.durations ?? {};
  const segments: PhaseSegment[] = [];
  const lay = (phases: readonly Phase[], start: number) => {
    let at = start;
    for (const phase of phases) {
      const seconds = durations[phase.id]?.seconds ?? 0;
      segments.push({ session: session.number, phase, part: phase.id, parent: phase.children.length > 0, start: at, end: at + seconds, seconds });
      lay(phase.children, at);
      at += seconds;
    }
  };
  lay(timing.phases, 0);
  return segments;
}

/** Scales and sizes of the chart, exposed so tests can check geometry against the data. */
export function sessionPhasesLayout(study: Study, shown: readonly Session[] = timedSessions(study.sessions, study.meta.timing)) {
  const timing = timingOf(study);
  const { width, barHeight, labelHeight, bracketHeight, rowGap, marginLeft, marginRight, fontSize } = defaults;
  const legend = layoutSwatches(legendItems('x', timing), { x: marginLeft, y: 0, width: width - marginLeft, fontSize });
  const rowHeight = labelHeight + barHeight + bracketHeight + rowGap;
  const top = legend.height + 8 + labelHeight;
  const count = shown.length;
  const barsBottom = top + count * rowHeight - (labelHeight + rowGap + bracketHeight);
  const maxMinutes = Math.max(1, ...timedSessions(study.sessions, timing).map((session) => totalSeconds(session, timing) / 60));
  const x = linear({ domain: [0, maxMinutes], range: [marginLeft, width - marginRight] });
  // Each band is the bar; the label above and the bracket below live in the padding.
  const y = band({ domain: shown.map((session) => session.number), range: [top, barsBottom], padding: count > 1 ? (rowHeight - barHeight) / rowHeight : 0 });
  const axisY = barsBottom + bracketHeight + 18;
  const dims: Dimensions = makeDimensions(width, axisY + 22, { marginLeft, marginRight, marginTop: top - labelHeight, marginBottom: 0 });
  return { x, y, dimensions: dims, legendTop: 0, axisY, gridTop: top - labelHeight, gridBottom: barsBottom + bracketHeight };
}

type Shading = Phase['shading'];

function fillOf(id: string, shading: Shading): string {
  const c = defaults.colours;
  return shading === 'dark' ? c.dark : shading === 'light' ? c.light : `url(#${id}-hatched)`;
}

function shadeClass(shading: Shading): string {
  return `cb-shade-${shading}`;
}

/** Leaf phases in order (those drawn filled). */
function leaves(phases: readonly Phase[]): Phase[] {
  return phases.flatMap((phase) => (phase.children.length > 0 ? leaves(phase.children) : [phase]));
}

/** One legend entry per distinct legend text among the filled phases, with the footnote marker of a noted phase. */
function legendItems(id: string, timing: Timing): SwatchItem[] {
  const markers = new Map(timingRows(timing).map((row) => [row.id, row.marker ?? '']));
  const items = new Map<string, SwatchItem>();
  for (const phase of leaves(timing.phases)) {
    const label = phase.legend ?? phase.label;
    const marked = `${label}${markers.get(phase.id) ?? ''}`;
    const existing = [...items.keys()].find((key) => key === label || key.startsWith(`${label}*`));
    if (existing !== undefined) continue;
    items.set(marked, {
      label: marked,
      swatch: { fill: fillOf(id, phase.shading), ...(phase.shading === 'hatched' ? { stroke: defaults.colours.hatchInk } : {}), className: [shadeClass(phase.shading)] },
    });
  }
  return [...items.values()];
}

function hatchPattern(id: string): Element {
  const c = defaults.colours;
  return s('pattern', { id: `${id}-hatched`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, [
    s('rect', { className: ['cb-hatch-bg'], width: 6, height: 6, fill: c.hatchBackground }),
    s('line', { className: ['cb-hatch-ink'], x1: 0, y1: 0, x2: 0, y2: 6, stroke: c.hatchInk, strokeWidth: 2.5 }),
  ]);
}

/** SVG text cannot wrap, so a long unit title is shortened on the chart; the data table keeps it whole. */
const MAX_LABEL = 30;

function sessionLabel(session: Session, highlight: number | undefined, unit: string): string {
  const title = [...session.title].length > MAX_LABEL ? `${[...session.title].slice(0, MAX_LABEL - 1).join('')}…` : session.title;
  return session.number === highlight ? `${title} (this ${unit})` : title;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "pre 12:03, main part 40:00 (talk 30:00, silence 10:00), …": each phase with its sub-phases in brackets. */
function describePhases(phases: readonly Phase[], session: Session): string {
  return phases
    .map((phase) => {
      const own = `${lower(phase.label)} ${formatDuration(session.durations?.[phase.id]?.seconds ?? 0)}`;
      return phase.children.length > 0 ? `${own} (${describePhases(phase.children, session)})` : own;
    })
    .join(', ');
}

/** "opening, then the call split into talk and hold, then closing": the declared phases in order. */
function describeShape(phases: readonly Phase[]): string {
  return phases.map((phase) => (phase.children.length > 0 ? `${lower(phase.label)} split into ${joinAnd(phase.children.map((child) => lower(child.label)))}` : lower(phase.label))).join(', then ');
}

function joinAnd(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

export function sessionPhases(study: Study, options: SessionPhasesOptions = {}): ChartResult {
  const timing = timingOf(study);
  const { highlight } = options;
  const shown = options.sessions ?? timedSessions(study.sessions, timing);
  const id = options.id ?? (highlight === undefined ? 'session-phases' : `session-phases-${highlight}`);
  const unit = unitWord(study.meta);
  const { x, y, dimensions, axisY, gridTop, gridBottom } = sessionPhasesLayout(study, shown);
  const { fontSize, barHeight, colours: c } = defaults;
  const muted = (session: number) => (highlight !== undefined && session !== highlight ? 'is-muted' : undefined);
  const minutes = (seconds: number) => seconds / 60;
  const sessionTitle = new Map(shown.map((session) => [session.number, session.title]));

  const segments = shown.flatMap((session) => phaseSegments(session, timing));
  const filled = segments.filter((segment) => !segment.parent);
  const parents = segments.filter((segment) => segment.parent);
  const detail = (segment: PhaseSegment) => `${sessionTitle.get(segment.session)}, ${segment.phase.label.toLowerCase()}: ${formatDuration(segment.seconds)}`;
  const segmentAttributes = (segment: PhaseSegment) => ({ dataSession: segment.session, dataPart: segment.part, dataDetail: detail(segment), dataDuration: formatDuration(segment.seconds) });
  const classes = (segment: PhaseSegment) => [segment.parent ? 'cb-phase-outline' : shadeClass(segment.phase.shading), muted(segment.session)].filter(Boolean).join(' ');
  const shortName = (segment: PhaseSegment) => segment.phase.short ?? segment.phase.label;
  const total = (session: Session) => totalSeconds(session, timing);

  // Inner labels: name over value, only where both lines fit inside the segment.
  const labelled = filled.filter((segment) => {
    const widthAvailable = x.apply(minutes(segment.end)) - x.apply(minutes(segment.start));
    const needed = Math.max(textWidth(shortName(segment), fontSize), textWidth(formatDuration(segment.seconds), fontSize)) + 6;
    return widthAvailable >= needed;
  });
  const midY = barHeight / 2;

  const svg = plot({
    id,
    title: chartTitle(study, shown),
    description: description(study, timing, shown, highlight),
    dimensions,
    scales: { x, y: y as Scale<unknown> },
    defs: [hatchPattern(id)],
    className: 'cb-session-phases',
    properties: highlight === undefined ? {} : { dataHighlight: highlight },
    marks: [
      swatches(legendItems(id, timing), { x: dimensions.marginLeft, y: 0, width: dimensions.width - dimensions.marginLeft }),
      axisX({ y: axisY, gridTop, gridBottom, ticks: 10, label: 'minutes' }),
      ruleX([0], { x: 0, y1: gridTop, y2: gridBottom, className: 'cb-baseline' }),
      rect(filled, {
        x1: (d) => minutes(d.start),
        x2: (d) => minutes(d.end),
        y: (d) => d.session,
        fill: (d) => fillOf(id, d.phase.shading),
        stroke: c.hatchInk,
        classes,
        attributes: segmentAttributes,
        title: detail,
      }),
      // The outline of a phase with sub-phases: they fill it exactly.
      rect(parents, {
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
        text: (d) => [shortName(d), formatDuration(d.seconds)],
        lineHeight: 15,
        textAnchor: 'middle',
        fill: (d) => (d.phase.shading === 'dark' ? c.onDark : 'currentColor'),
        classes: (d) => [`cb-label-on-${d.phase.shading}`, muted(d.session)].filter(Boolean).join(' '),
        attributes: (d) => (d.phase.shading === 'hatched' ? { stroke: c.hatchBackground, strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } : {}),
      }),
      // Brackets under each phase with sub-phases, labelled with its duration.
      rect(parents, {
        x1: (d) => minutes(d.start),
        x2: (d) => minutes(d.end),
        y1: (d) => y.apply(d.session) + barHeight + 5,
        y2: (d) => y.apply(d.session) + barHeight + 6,
        classes: (d) => ['cb-bracket', muted(d.session)].filter(Boolean).join(' '),
      }),
      text(parents, {
        x: (d) => minutes((d.start + d.end) / 2),
        y: (d) => d.session,
        dy: barHeight + 20,
        text: (d) => `${d.phase.short ?? d.phase.label} ${formatDuration(d.seconds)}`,
        textAnchor: 'middle',
        classes: (d) => ['cb-bracket-label', muted(d.session)].filter(Boolean).join(' '),
      }),
      text(shown, {
        x: 0,
        y: (d) => d.number,
        dy: -7,
        text: (d) => sessionLabel(d, highlight, unit),
        classes: (d) => ['cb-session-label', d.number === highlight ? 'is-highlighted' : muted(d.number)].filter(Boolean).join(' '),
        attributes: (d) => ({ fontWeight: 'bold', dataSession: d.number }),
      }),
      text(shown, {
        x: (d) => minutes(total(d)),
        y: (d) => d.number,
        dx: 5,
        dy: midY + 5,
        text: (d) => formatDuration(total(d)),
        classes: (d) => ['cb-total', muted(d.number)].filter(Boolean).join(' '),
        attributes: (d) => ({ fontWeight: 'bold', dataSession: d.number, dataDetail: `${d.title}, total: ${formatDuration(total(d))}` }),
        title: (d) => `${d.title}, total: ${formatDuration(total(d))}`,
      }),
    ],
  });

  return {
    svg,
    table: table(study, timing, shown, highlight),
    title: chartTitle(study, shown),
    description: description(study, timing, shown, highlight),
    notes: timingRows(timing).flatMap((row) => (row.note === undefined ? [] : [`${row.marker} ${row.label}: ${row.note}`])),
  };
}

function chartTitle(study: Study, shown: readonly Session[]): string {
  const timed = timedSessions(study.sessions, study.meta.timing);
  const { singular, plural } = study.meta.vocabulary.unit;
  if (shown.length === timed.length) return timed.length === 1 ? `Phases of the ${singular}, in minutes` : `Phases of the ${timed.length} ${plural}, in minutes`;
  const numbers = shown.map((session) => session.number);
  return shown.length === 1 ? `Phases of ${singular} ${numbers[0]}, in minutes` : `Phases of ${plural} ${Math.min(...numbers)}–${Math.max(...numbers)} of ${timed.length}, in minutes`;
}

function description(study: Study, timing: Timing, shown: readonly Session[], highlight: number | undefined): string {
  const highlighted = highlight === undefined ? undefined : study.sessionIndex.get(highlight);
  return [
    `Each ${unitWord(study.meta)} is a bar on one minutes axis: ${describeShape(timing.phases)}.`,
    highlighted ? `${highlighted.title} is highlighted.` : '',
    ...shown.map((session) => `${session.title} lasted ${formatDuration(totalSeconds(session, timing))}: ${describePhases(timing.phases, session)}.`),
    timing.note ?? '',
    ...timingRows(timing).flatMap((row) => (row.note === undefined ? [] : [`${row.label}: ${row.note}`])),
  ]
    .filter(Boolean)
    .join(' ');
}

function table(study: Study, timing: Timing, shown: readonly Session[], highlight: number | undefined): Element {
  const rows = timingRows(timing);
  return dataTable({
    caption: `${capitalise(unitWord(study.meta))} durations (minutes:seconds)`,
    columns: [capitalise(unitWord(study.meta)), ...rows.map((row) => `${row.label}${row.marker ?? ''}`)],
    rows: shown.map((session) => ({
      cells: [session.title, ...rows.map((row) => formatDuration(row.total ? totalSeconds(session, timing) : (session.durations?.[row.id]?.seconds ?? 0)))],
      properties: session.number === highlight ? { className: ['is-highlighted'], dataSession: session.number } : { dataSession: session.number },
    })),
  });
}

/**
 * The unit and its neighbours, `count` in all (fewer near either end of a short study):
 * a unit's page compares it with those around it, so a study of hundreds of units does
 * not draw every one of them on every page.
 */
export function neighbouringSessions(sessions: readonly Session[], number: number, count = 7): readonly Session[] {
  if (sessions.length <= count) return sessions;
  const index = Math.max(
    0,
    sessions.findIndex((session) => session.number === number),
  );
  const start = Math.min(Math.max(0, index - Math.floor(count / 2)), sessions.length - count);
  return sessions.slice(start, start + count);
}
