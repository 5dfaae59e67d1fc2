/**
 * Treatment sequence: one session's table as an ordinal timeline that reads downwards, one
 * row per printed row. The article gives the order of the segments, not their durations, so
 * the vertical axis is steps: a row is as tall as its text needs, never as long as it lasted.
 *
 * Columns: step number and body region · a column per technique (a distinct symbol each,
 * with a legend) with other actions as notes · a talk/silence band beside the topics, "As
 * above" drawn as a continuation · excerpts the data places on the step. Events ("The
 * Client turns over") and phase changes are divider rows.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { symbol as d3Symbol, symbolCircle } from 'd3-shape';
import type { Study } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import { rect } from './marks/rect.ts';
import { excerptHref } from './urls.ts';
import { ruleY } from './marks/rule.ts';
import { swatches, layoutSwatches, type SwatchItem } from './marks/swatches.ts';
import { symbol } from './marks/symbol.ts';
import { text } from './marks/text.ts';
import { dimensions as makeDimensions, plot } from './plot.ts';
import { identity, rows } from './scales.ts';
import { sequenceSteps, techniques, type SegmentStep, type Step, type Topic, type TopicKind } from './sequence.ts';
import { textWidth, wrap, charWidth } from './text-layout.ts';
import type { ChartResult } from './types.ts';

export interface TreatmentSequenceOptions {
  /** Site base for excerpt links in the data table, e.g. "/" or "/casebook/". Default "/". */
  base?: string;
  /** Prefix of the ids inside the SVG; must be unique on the page. */
  id?: string;
}

/** Sizes in viewBox units (14-unit text in a 400-unit viewBox stays ≥ 11 px on a 320 px column). */
export const defaults = {
  width: 400,
  fontSize: 14,
  lineHeight: 17,
  rowPadding: 6,
  eventHeight: 28,
  phaseHeight: 30,
  columns: { number: 18, label: 24, techniques: 124, techniqueStep: 15, band: 250, bandWidth: 9, topics: 265 },
  colours: { talk: '#3f5f7f', silenceBackground: '#ffffff', silenceInk: '#3f5f7f', zebra: '#f2f3f5', muted: '#5b6169' },
} as const;

const phaseNames: Record<Step['phase'], string> = { 'pre-treatment': 'Pre-treatment', treatment: 'Treatment', 'post-treatment': 'Post-treatment' };
const kindNames: Record<TopicKind, string> = { talk: 'Talk', silence: 'Silence', 'partial-silence': 'Partly silent' };

/** Characters that fit in a width at the chart's font size. */
function fits(width: number): number {
  return Math.max(4, Math.floor(width / (charWidth * defaults.fontSize)));
}

interface RowLayout {
  key: string;
  kind: 'phase' | 'segment' | 'event';
  step: Step | undefined;
  phase: Step['phase'];
  height: number;
  labelLines: string[];
  noteLines: string[];
  /** Topic text lines, each with the index of the topic it belongs to. */
  topicLines: { text: string; topic: number }[];
  /** Excerpt markers, as lines of excerpts. */
  excerptLines: Excerpt[][];
}

function layoutRows(steps: Step[]): RowLayout[] {
  const { columns: c, width, lineHeight, rowPadding, eventHeight, phaseHeight, fontSize } = defaults;
  const labelChars = fits(c.techniques - c.label - 4);
  const noteChars = fits(c.band - c.techniques - 6);
  const topicWidth = width - c.topics;
  const topicChars = fits(topicWidth);
  const layout: RowLayout[] = [];
  for (const step of steps) {
    if (step.phaseStart) layout.push({ key: `phase-${step.phase}`, kind: 'phase', step: undefined, phase: step.phase, height: phaseHeight, labelLines: [], noteLines: [], topicLines: [], excerptLines: [] });
    if (step.kind === 'event') {
      const excerptLines = excerptRows(step.excerpts, topicWidth, fontSize);
      layout.push({ key: step.id, kind: 'event', step, phase: step.phase, height: eventHeight + excerptLines.length * lineHeight, labelLines: [step.label], noteLines: [], topicLines: [], excerptLines });
      continue;
    }
    const labelLines = wrap(step.label, labelChars);
    const noteLines = step.notes.flatMap((note) => (step.notes.length > 1 ? wrap(`• ${note}`, noteChars) : wrap(note, noteChars)));
    const topicLines = step.continued && !step.unresolved ? [{ text: '↑ As above', topic: 0 }] : step.topics.flatMap((topic, i) => wrap(topic.text, topicChars).map((line) => ({ text: line, topic: i })));
    const excerptLines = excerptRows(step.excerpts, topicWidth, fontSize);
    const lines = Math.max(1, labelLines.length, (step.techniques.length > 0 ? 1 : 0) + noteLines.length, topicLines.length + excerptLines.length);
    layout.push({ key: step.id, kind: 'segment', step, phase: step.phase, height: lines * lineHeight + 2 * rowPadding, labelLines, noteLines, topicLines, excerptLines });
  }
  return layout;
}

/** Width of one excerpt marker: a dot and its first code. */
function markerWidth(excerpt: Excerpt, fontSize: number): number {
  return 14 + textWidth(excerpt.codes[0] ?? '', fontSize) + 8;
}

function excerptRows(excerpts: Excerpt[], width: number, fontSize: number): Excerpt[][] {
  const lines: Excerpt[][] = [];
  let used = Infinity;
  for (const excerpt of excerpts) {
    const w = markerWidth(excerpt, fontSize);
    if (used + w > width) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)!.push(excerpt);
    used += w;
  }
  return lines;
}

function patterns(id: string): Element[] {
  const c = defaults.colours;
  const hatch = (name: string, spacing: number) =>
    s('pattern', { id: `${id}-${name}`, patternUnits: 'userSpaceOnUse', width: spacing, height: spacing, patternTransform: 'rotate(45)' }, [
      s('rect', { className: ['cb-silence-bg'], width: spacing, height: spacing, fill: c.silenceBackground }),
      s('line', { className: ['cb-silence-ink'], x1: 0, y1: 0, x2: 0, y2: spacing, stroke: c.silenceInk, strokeWidth: 2.5 }),
    ]);
  return [hatch('silence', 5), hatch('partial-silence', 10)];
}

function bandFill(id: string, kind: TopicKind): string {
  return kind === 'talk' ? defaults.colours.talk : `url(#${id}-${kind})`;
}

function bandClass(kind: TopicKind): string {
  return kind === 'talk' ? 'cb-talk' : kind === 'silence' ? 'cb-silence' : 'cb-partial-silence';
}

/** A sentence describing a step, for tooltips and the description. */
export function describeStep(step: Step): string {
  if (step.kind === 'event') return `${step.label}.`;
  const parts = [`Step ${step.number}, ${step.label}`];
  if (step.techniques.length > 0) parts.push(`techniques: ${step.techniques.map((t) => t.label.toLowerCase()).join(', ')}`);
  if (step.notes.length > 0) parts.push(`also: ${step.notes.join('; ')}`);
  if (step.topics.length > 0) parts.push(`${step.continued ? 'topics continued from above' : 'topics'}: ${step.topics.map((t) => t.text).join('; ')}`);
  else parts.push('no topics printed');
  if (step.excerpts.length > 0) parts.push(`${step.excerpts.length} excerpt${step.excerpts.length === 1 ? '' : 's'} placed here`);
  return `${parts.join('; ')}.`;
}

export function treatmentSequence(study: Study, sessionNumber: number, options: TreatmentSequenceOptions = {}): ChartResult {
  const base = options.base ?? '/';
  const id = options.id ?? `treatment-sequence-${sessionNumber}`;
  const { session, steps, unplaced } = sequenceSteps(study, sessionNumber);
  const { width, fontSize, lineHeight, rowPadding, columns: c, colours } = defaults;

  // Legends: techniques (shape) and talk/silence (fill pattern), then a column header row.
  const techniqueItems: SwatchItem[] = techniques.map((t) => ({
    label: t.label,
    path: d3Symbol(t.symbol, 64)() ?? '',
    swatch: t.stroked ? { fill: 'none', stroke: 'currentColor', strokeWidth: 2, className: ['cb-technique'] } : { fill: 'currentColor', className: ['cb-technique'] },
  }));
  const bandItems: SwatchItem[] = (['talk', 'silence', 'partial-silence'] as const).map((kind) => ({
    label: kind === 'partial-silence' ? 'Mostly/some silence' : kindNames[kind],
    swatch: { fill: bandFill(id, kind), stroke: colours.silenceInk, className: [bandClass(kind)] },
  }));
  const legendTop = 22;
  const techniqueLegend = layoutSwatches(techniqueItems, { x: 0, y: legendTop, width, fontSize });
  const bandTop = legendTop + techniqueLegend.height + 26;
  const bandLegend = layoutSwatches(bandItems, { x: 0, y: bandTop, width, fontSize });
  const headerY = bandTop + bandLegend.height + 22;
  const top = headerY + 10;

  const layout = layoutRows(steps);
  const y = rows({ domain: layout.map((row) => row.key), sizes: layout.map((row) => row.height), start: top });
  const height = y.range[1] + 8;
  const rowTop = (key: string) => y.apply(key);
  const baseline = (key: string, line: number) => rowTop(key) + rowPadding + (line + 1) * lineHeight - 4;
  const segments = layout.filter((row) => row.kind === 'segment');
  const stepRows = layout.filter((row) => row.step !== undefined);

  // Technique marks: one per (step, technique).
  const techniqueMarks = segments.flatMap((row) =>
    (row.step as SegmentStep).techniques.map((technique) => ({ row, technique, column: techniques.indexOf(technique) })),
  );
  // Band pieces: each topic beside its own lines; a continued cell split evenly and joined to the band above.
  const bandPieces: { row: RowLayout; topic: Topic; y1: number; y2: number }[] = [];
  let lastBandBottom: number | undefined;
  for (const row of segments) {
    const step = row.step as SegmentStep;
    if (step.topics.length === 0) continue;
    const top = rowTop(row.key) + rowPadding;
    if (step.continued && !step.unresolved) {
      const bottom = rowTop(row.key) + row.height - rowPadding;
      const start = lastBandBottom ?? top;
      const share = (bottom - start) / step.topics.length;
      step.topics.forEach((topic, i) => bandPieces.push({ row, topic, y1: start + i * share, y2: start + (i + 1) * share }));
      lastBandBottom = bottom;
      continue;
    }
    step.topics.forEach((topic, i) => {
      const first = row.topicLines.findIndex((line) => line.topic === i);
      const count = row.topicLines.filter((line) => line.topic === i).length;
      bandPieces.push({ row, topic, y1: top + first * lineHeight + 1, y2: top + (first + count) * lineHeight - 1 });
    });
    lastBandBottom = top + row.topicLines.length * lineHeight - 1;
  }
  const topicTexts = segments.flatMap((row) => row.topicLines.map((line, i) => ({ row, line, i, topic: (row.step as SegmentStep).topics[line.topic] })));
  const excerptMarks = stepRows.flatMap((row) => {
    const firstLine = row.kind === 'event' ? 1 : row.topicLines.length;
    return row.excerptLines.flatMap((line, n) => {
      let x = c.topics;
      return line.map((excerpt) => {
        const at = { row, excerpt, x, line: firstLine + n };
        x += markerWidth(excerpt, fontSize);
        return at;
      });
    });
  });
  const codeOf = (excerpt: Excerpt) => study.codeIndex.get(excerpt.codes[0] ?? '');
  const excerptTitle = (excerpt: Excerpt) => `${excerpt.title} (${excerpt.codes.map((code) => `${code} ${study.codeIndex.get(code)?.name ?? ''}`.trim()).join(', ')})`;

  const title = `Treatment sequence of ${session.title}`;
  const description = describe(session.title, steps, unplaced);
  const svg = plot({
    id,
    title,
    description,
    dimensions: makeDimensions(width, height),
    scales: { x: identity([0, width]), y: identity([0, height]) },
    defs: patterns(id),
    className: 'cb-treatment-sequence',
    properties: { dataSession: sessionNumber },
    marks: [
      text([0, 1], {
        x: 0,
        y: (_, i) => (i === 0 ? top : top),
        dy: (_, i) => (i === 0 ? legendTop - 6 - top : bandTop - 6 - top),
        text: (_, i) => (i === 0 ? 'Techniques (shape)' : 'Topics: talk or silence (band)'),
        className: 'cb-legend-title',
        attributes: { fontWeight: 'bold' },
      }),
      swatches(techniqueItems, { x: 0, y: legendTop, width }),
      swatches(bandItems, { x: 0, y: bandTop, width }),
      // Column headers.
      text(['Step', 'Topics'], {
        x: (_, i) => (i === 0 ? c.label : c.topics),
        y: top,
        dy: headerY - top,
        text: (d) => d,
        className: 'cb-column-header',
        attributes: { fontWeight: 'bold' },
      }),
      symbol(techniques, {
        x: (_, i) => c.techniques + (i + 0.5) * c.techniqueStep,
        y: top,
        dy: headerY - top - 5,
        symbol: (t) => t.symbol,
        size: 40,
        fill: (t) => (t.stroked ? 'none' : 'currentColor'),
        stroke: (t) => (t.stroked ? 'currentColor' : 'none'),
        className: 'cb-technique',
        title: (t) => t.label,
      }),
      // One background per printed row: the hover target, zebra-striped for segments.
      rect(stepRows, {
        x1: 0,
        x2: width,
        y1: (row) => rowTop(row.key),
        y2: (row) => rowTop(row.key) + row.height,
        fill: (row) => (row.kind === 'segment' && (row.step as SegmentStep).number % 2 === 0 ? colours.zebra : 'transparent'),
        classes: (row) => ['cb-step', row.kind === 'segment' && (row.step as SegmentStep).number % 2 === 0 ? 'cb-zebra' : ''].filter(Boolean).join(' '),
        attributes: (row) => ({ dataStep: row.key, dataKind: row.kind, dataPhase: row.phase, dataDetail: describeStep(row.step!) }),
        title: (row) => describeStep(row.step!),
      }),
      // Phase changes: a rule and the phase name.
      ruleY(layout.filter((row) => row.kind === 'phase'), { y: (row) => rowTop(row.key), dy: 4, x1: 0, x2: width, className: 'cb-phase-rule', attributes: { strokeWidth: 1.5 } }),
      text(layout.filter((row) => row.kind === 'phase'), {
        x: 0,
        y: (row) => rowTop(row.key),
        dy: 21,
        text: (row) => phaseNames[row.phase],
        classes: 'cb-phase-label',
        attributes: (row) => ({ fontWeight: 'bold', dataPhase: row.phase }),
      }),
      // Events: a dashed rule with the printed text over it.
      ruleY(layout.filter((row) => row.kind === 'event'), { y: (row) => rowTop(row.key), dy: defaults.eventHeight / 2, x1: c.label, x2: width, strokeDasharray: '4 3', className: 'cb-event-rule' }),
      text(layout.filter((row) => row.kind === 'event'), {
        x: c.label,
        y: (row) => rowTop(row.key),
        dy: defaults.eventHeight / 2 + 5,
        text: (row) => `↻ ${row.labelLines[0]}`,
        classes: 'cb-event-label',
        attributes: { fontStyle: 'italic', stroke: colours.silenceBackground, strokeWidth: 5, paintOrder: 'stroke', strokeLinejoin: 'round' },
      }),
      // Step numbers and body regions.
      text(segments, { x: c.number, y: (row) => rowTop(row.key), dy: (row) => baseline(row.key, 0) - rowTop(row.key), text: (row) => String((row.step as SegmentStep).number), textAnchor: 'end', classes: 'cb-step-number', fill: colours.muted }),
      text(segments, { x: c.label, y: (row) => rowTop(row.key), dy: (row) => baseline(row.key, 0) - rowTop(row.key), text: (row) => row.labelLines, lineHeight, classes: 'cb-region', attributes: { fontWeight: 'bold' } }),
      // Technique columns: faint guides, then the marks.
      rect(techniques, {
        x1: (_, i) => c.techniques + (i + 0.5) * c.techniqueStep - 0.5,
        x2: (_, i) => c.techniques + (i + 0.5) * c.techniqueStep + 0.5,
        y1: top,
        y2: height - 8,
        fill: colours.zebra,
        classes: 'cb-guide',
      }),
      symbol(techniqueMarks, {
        x: (d) => c.techniques + (d.column + 0.5) * c.techniqueStep,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, 0) - rowTop(d.row.key) - 5,
        symbol: (d) => d.technique.symbol,
        size: 64,
        fill: (d) => (d.technique.stroked ? 'none' : 'currentColor'),
        stroke: (d) => (d.technique.stroked ? 'currentColor' : 'none'),
        classes: (d) => `cb-technique cb-technique-${d.technique.key}`,
        attributes: (d) => ({ dataStep: d.row.key, dataTechnique: d.technique.key, ...(d.technique.stroked ? { strokeWidth: 2 } : {}) }),
        title: (d) => `${(d.row.step as SegmentStep).label}: ${d.technique.label}`,
      }),
      // Actions that are not techniques, as notes.
      text(segments.filter((row) => row.noteLines.length > 0), {
        x: c.techniques,
        y: (row) => rowTop(row.key),
        dy: (row) => baseline(row.key, (row.step as SegmentStep).techniques.length > 0 ? 1 : 0) - rowTop(row.key),
        text: (row) => row.noteLines,
        lineHeight,
        classes: 'cb-note',
        fill: colours.muted,
        attributes: { fontStyle: 'italic' },
      }),
      // Talk/silence band and topics.
      rect(bandPieces, {
        x1: c.band,
        x2: c.band + c.bandWidth,
        y1: (d) => d.y1,
        y2: (d) => d.y2,
        fill: (d) => bandFill(id, d.topic.kind),
        stroke: colours.silenceInk,
        classes: (d) => `${bandClass(d.topic.kind)}${d.topic.continued ? ' is-continued' : ''}`,
        attributes: (d) => ({ dataStep: d.row.key, dataTopicKind: d.topic.kind, ...(d.topic.continued ? { dataContinued: 'true' } : {}) }),
        title: (d) => `${kindNames[d.topic.kind]}: ${d.topic.text}${d.topic.continued ? ' (as above)' : ''}`,
      }),
      text(topicTexts, {
        x: c.topics,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.i) - rowTop(d.row.key),
        text: (d) => d.line.text,
        classes: (d) => ['cb-topic', d.topic?.continued ? 'is-continued' : '', d.topic && d.topic.kind !== 'talk' ? 'is-silence' : ''].filter(Boolean).join(' '),
        fill: (d) => (d.topic?.continued ? colours.muted : 'currentColor'),
        attributes: (d) => (d.topic?.continued || (d.topic && d.topic.kind !== 'talk') ? { fontStyle: 'italic' } : {}),
      }),
      // Excerpts placed on a step: a dot in the theme's colour and the code.
      symbol(excerptMarks, {
        x: (d) => d.x + 5,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.line) - rowTop(d.row.key) - 5,
        symbol: symbolCircle,
        size: 90,
        fill: (d) => codeOf(d.excerpt)?.theme.colour ?? 'currentColor',
        classes: 'cb-excerpt cb-code-fill',
        attributes: (d) => ({ dataCode: d.excerpt.codes[0], dataThemeCode: codeOf(d.excerpt)?.theme.code, dataExcerpt: d.excerpt.id, dataStep: d.row.key, dataDetail: `Excerpt: ${excerptTitle(d.excerpt)}` }),
        title: (d) => `Excerpt: ${excerptTitle(d.excerpt)}`,
      }),
      text(excerptMarks, {
        x: (d) => d.x + 14,
        y: (d) => rowTop(d.row.key),
        dy: (d) => baseline(d.row.key, d.line) - rowTop(d.row.key),
        text: (d) => d.excerpt.codes[0] ?? '',
        classes: 'cb-excerpt-code',
        attributes: (d) => ({ dataCode: d.excerpt.codes[0], dataThemeCode: codeOf(d.excerpt)?.theme.code }),
      }),
    ],
  });

  return {
    svg,
    table: table(session.title, steps, unplaced, base),
    title,
    description,
    notes: unplaced.length > 0 ? [unplacedNote(unplaced.length)] : [],
  };
}

function unplacedNote(count: number): string {
  return `${count} excerpt${count === 1 ? '' : 's'} from this session ${count === 1 ? 'is' : 'are'} not placed on a step by the article, so ${count === 1 ? 'it is' : 'they are'} not drawn on the timeline.`;
}

function describe(sessionTitle: string, steps: Step[], unplaced: Excerpt[]): string {
  const segments = steps.filter((step) => step.kind === 'segment');
  const events = steps.filter((step) => step.kind === 'event');
  const placed = steps.reduce((sum, step) => sum + step.excerpts.length, 0);
  return [
    `The ${segments.length} treatment steps of ${sessionTitle} in the order the article gives them, from top to bottom; the article gives no durations, so rows show order only.`,
    `Each row names the body region, marks the massage techniques used with a symbol per technique, lists other actions as notes, and shows the topics of discussion beside a band that tells talk from silence.`,
    events.length > 0 ? `Events between steps: ${events.map((event) => event.label).join('; ')}.` : '',
    `${placed} excerpt${placed === 1 ? ' is' : 's are'} placed on a step.`,
    unplaced.length > 0 ? unplacedNote(unplaced.length) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function excerptLinks(excerpts: Excerpt[], base: string): ElementContent[] {
  if (excerpts.length === 0) return [];
  return [h('ul', { className: ['cb-plain-list'] }, excerpts.map((excerpt) => h('li', [h('a', { href: excerptHref(base, excerpt.id), dataCode: excerpt.codes[0] }, excerpt.title), ` (${excerpt.codes.join(', ')})`])))];
}

function table(sessionTitle: string, steps: Step[], unplaced: Excerpt[], base: string): Element {
  const groups: Element[] = [];
  let body: ElementContent[] = [];
  const flush = () => {
    if (body.length > 0) groups.push(h('tbody', body));
    body = [];
  };
  for (const step of steps) {
    if (step.phaseStart) {
      flush();
      body.push(h('tr', { className: ['cb-phase-row'] }, [h('th', { scope: 'rowgroup', colSpan: 5 }, phaseNames[step.phase])]));
    }
    if (step.kind === 'event') {
      body.push(h('tr', { className: ['cb-event-row'], dataStep: step.id }, [h('th', { scope: 'row' }, '—'), h('td', { colSpan: 3 }, h('em', step.label)), h('td', excerptLinks(step.excerpts, base))]));
      continue;
    }
    const topics = step.topics.length === 0 ? '(none printed)' : `${step.topics.map((topic) => topic.text).join('; ')}${step.continued && !step.unresolved ? ' (as above)' : ''}`;
    const actions: ElementContent[] = [
      step.techniques.map((t) => t.label).join(', '),
      ...(step.notes.length > 0 ? [step.techniques.length > 0 ? h('br') : '', h('em', step.notes.join('; '))] : []),
    ].filter((part) => part !== '') as ElementContent[];
    body.push(
      h('tr', { dataStep: step.id }, [
        h('th', { scope: 'row' }, String(step.number)),
        h('td', step.label),
        h('td', actions.length > 0 ? actions : ['—']),
        h('td', topics),
        h('td', excerptLinks(step.excerpts, base)),
      ]),
    );
  }
  flush();
  return h('table', { className: ['cb-data-table'] }, [
    h('caption', `Treatment sequence of ${sessionTitle}: techniques, other actions (in italics), topics and placed excerpts, step by step`),
    h('thead', h('tr', ['Step', 'Body region or stage', 'Techniques and actions', 'Topics of discussion', 'Excerpts placed here'].map((column) => h('th', { scope: 'col' }, column)))),
    ...groups,
    ...(unplaced.length > 0
      ? [h('tfoot', h('tr', [h('th', { scope: 'row' }, 'Not placed'), h('td', { colSpan: 3 }, unplacedNote(unplaced.length)), h('td', excerptLinks(unplaced, base))]))]
      : []),
  ]);
}
