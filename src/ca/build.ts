/**
 * Layer 2: source lines → syntax tree.
 *
 * Lines are grouped into turns; each line is tokenized; then, per turn, the
 * delimiters are paired (a toggle closes the open stretch of its kind, `<`/`>`
 * and arrows pair by direction and by what they touch), overlap onsets are
 * linked to the onset on the other speaker's neighbouring line, and bracket
 * pairs with no such partner are re-read as editorial insertions.
 */
import type { Point, Position } from 'unist';
import { type Finding, problem } from './diagnostics.ts';
import { spanSymbol } from './symbol-of.ts';
import { getSymbol } from './symbols.ts';
import { omissionLine as omissionLinePattern } from './line-grammar.ts';
import { type Delimiter, mediaLinks, type Token, tokenize } from './tokenize.ts';
import type { Line, Marker, Mode, OmissionLine, PhrasingContent, Silence, SpanKind, Transcript, TranscriptContent, Turn } from './types.ts';

/** One input line, already split from its speaker label, with where it sits in the source. */
export interface SourceLine {
  /** What the line is. */
  kind: 'turn' | 'silence' | 'omission';
  /** Printed label, when the line names its speaker. */
  speaker: string | undefined;
  /** The line after its label. */
  text: string;
  /** Position of `text`'s first character. */
  textStart: Point;
  /** The whole line, label included. */
  position: Position;
  /** Printed column where `text` starts (tabs every 8 columns), for aligning overlaps by their brackets. */
  column: number;
  /** The line number the source prints, when it prints one. */
  printed?: number;
  /** Whether the label was written in parentheses, `(Dan):`, as a speaker the transcriber was unsure of. */
  uncertainSpeaker?: boolean;
  /** The label as the source prints it, where that is not `speaker:` (`*KAT:`, `(Dan):`, `A.`). */
  label?: string;
}

/** How to read the lines. */
export interface BuildOptions {
  /** Jefferson transcript or verbatim commentary. */
  mode: Mode;
  /** Capitalised words that are not loud (acronyms). */
  notLoud: ReadonlySet<string>;
}

/** A delimiter still to be paired, standing in a line's children. */
interface Pending {
  type: 'pending';
  delimiter: Delimiter;
  position: Position;
}

type Item = PhrasingContent | Pending;

interface WorkingLine {
  node: Line;
  items: Item[];
  /** The turn's speaker, to tell whose lines are adjacent. */
  speaker: string | undefined;
  /** Printed column of each item that starts an overlap, for linking onsets by their brackets. */
  columns: Map<Item, number>;
}

interface WorkingTurn {
  node: Turn;
  lines: WorkingLine[];
}

/** Links between markers, kept as object references until ids are handed out. */
interface Links {
  partner: Map<Marker, Marker>;
  answers: Map<Marker, Marker>;
}

/** Build the tree for `sources`, collecting findings. */
export function build(sources: readonly SourceLine[], options: BuildOptions): { tree: Transcript; findings: Finding[] } {
  const { mode } = options;
  const findings: Finding[] = [];
  const links: Links = { partner: new Map(), answers: new Map() };
  const children: TranscriptContent[] = [];
  const turns: WorkingTurn[] = [];
  // Adjacent printed lines, with `undefined` where a silence or omission breaks adjacency.
  const printed: (WorkingLine | undefined)[] = [];
  let turn: WorkingTurn | undefined;
  let lastSpeaker: string | undefined;
  let number = 0;

  for (const source of sources) {
    if (source.kind !== 'turn') {
      turn = undefined;
      printed.push(undefined);
      if (source.kind === 'silence') {
        number = source.printed ?? number + 1;
        children.push(silence(source, number, findings));
      } else {
        children.push(omissionLine(source, findings));
      }
      continue;
    }
    if (source.speaker !== undefined || !turn) {
      const continued = source.speaker === undefined && lastSpeaker !== undefined;
      if (source.speaker === undefined && !continued) findings.push({ problem: problem['missing-speaker'](), place: source.position });
      const speaker = source.speaker ?? lastSpeaker;
      const node: Turn = { type: 'turn', speaker, continued, children: [], position: source.position };
      if (source.uncertainSpeaker) node.uncertainSpeaker = true;
      if (source.speaker !== undefined && source.label !== undefined) node.label = source.label;
      turn = { node, lines: [] };
      turns.push(turn);
      children.push(turn.node);
      lastSpeaker = speaker;
    }
    number = source.printed ?? number + 1;
    const line = workingLine(source, turn.node.speaker, number, options, findings);
    turn.lines.push(line);
    turn.node.children.push(line.node);
    printed.push(line);
  }

  for (const working of turns) pairTurn(working, links, findings);
  linkOverlaps(printed, links);
  for (const line of printed) if (line) rereadLoneBrackets(line, links, findings);
  for (const working of turns) finishTurn(working);
  assignIds(turns, links);

  const tree: Transcript = { type: 'transcript', mode, children, position: span(children.map((child) => child.position)) };
  return { tree, findings };
}

/** A silence line; media time codes on it are kept as its time, not as its text. */
function silence(source: SourceLine, number: number, findings: Finding[]): Silence {
  let time: Silence['time'];
  const value = source.text.replace(mediaLinks, (_, start: string, end: string) => {
    time ??= { start: Number(start), end: Number(end) };
    return '';
  });
  const match = /^\s*\(\s*(?:(\d+):)?(\d*\.\d+|\d+(?:\.\d*)?)\s*\)/.exec(value);
  const seconds = match?.[2] === undefined ? undefined : Number(match[1] ?? 0) * 60 + Number.parseFloat(match[2]);
  if (seconds === undefined) findings.push({ problem: problem['invalid-silence'](source.text), place: source.position });
  // What follows the pause on its line is the transcriber's note on the silence, `(5.7) ((tannoy))`.
  const rest = match ? value.slice(match[0].length).trim() : '';
  const pause = rest === '' ? value : value.slice(0, match?.[0].length);
  const node: Silence = { type: 'silence', value: pause, seconds, number, position: source.position };
  if (rest !== '') node.note = rest;
  if (time) node.time = time;
  return node;
}

function omissionLine(source: SourceLine, findings: Finding[]): OmissionLine {
  if (!omissionLinePattern.test(source.text)) {
    findings.push({ problem: problem['invalid-omission'](source.text), place: source.position });
  }
  return { type: 'omissionLine', value: source.text, position: source.position };
}

function workingLine(source: SourceLine, speaker: string | undefined, number: number, options: BuildOptions, findings: Finding[]): WorkingLine {
  const { tokens, findings: local } = tokenize(source.text, options.mode, options.notLoud);
  const locate = (start: number, end: number): Position => ({ start: pointAt(source, start), end: pointAt(source, end) });
  for (const finding of local) findings.push({ problem: finding.problem, place: locate(finding.start, finding.end) });
  if (source.text.trim() === '') findings.push({ problem: problem['empty-turn'](), place: source.position });
  const node: Line = { type: 'line', number, children: [], position: source.position };
  const columns = new Map<Item, number>();
  const items = tokens.map((token) => {
    const entry = item(token, locate(token.start, token.end));
    if (token.type === 'delimiter' && token.kind === 'bracket-open') columns.set(entry, columnFrom(source.column, source.text.slice(0, token.start)));
    if (token.type === 'timecode') node.time = { start: node.time?.start ?? token.from, end: token.to };
    return entry;
  });
  return { node, items, speaker, columns };
}

/** The printed column after `text`, starting at `column`: tabs stop every 8 columns, combining marks take none. */
export function columnFrom(column: number, text: string): number {
  let at = column;
  for (const character of text) {
    if (character === '\t') at = (Math.floor(at / 8) + 1) * 8;
    else if (!/\p{M}/u.test(character)) at++;
  }
  return at;
}

function item(token: Token, position: Position): Item {
  if (token.type === 'delimiter') return { type: 'pending', delimiter: token, position };
  const { start: _start, end: _end, ...body } = token;
  return { ...body, position };
}

function pointAt(source: SourceLine, offset: number): Point {
  const { line, column, offset: base = 0 } = source.textStart;
  return { line, column: column + offset, offset: base + offset };
}

/** Open stretches of one turn while its delimiters are read in order. */
interface Pairing {
  open: Map<SpanKind, Marker[]>;
  /** `<` that may open slower talk, or else be a hurried start. */
  slow: { pending: Pending; marker: Marker }[];
  /** Arrows waiting for their pair, by direction and by whether they stand free or touch talk. */
  arrows: Map<`${'up' | 'down'}-${'free' | 'attached'}`, Pending[]>;
  resolved: Map<Pending, PhrasingContent>;
}

function pairTurn(working: WorkingTurn, links: Links, findings: Finding[]): void {
  const state: Pairing = { open: new Map(), slow: [], arrows: new Map(), resolved: new Map() };
  for (const line of working.lines) {
    for (const entry of line.items) if (entry.type === 'pending') resolve(entry, state, links, findings);
  }
  closeTurn(state, findings);
  for (const line of working.lines) {
    line.items = line.items.map((entry) => {
      if (entry.type !== 'pending') return entry;
      const resolved = state.resolved.get(entry) ?? textOf(entry);
      const column = line.columns.get(entry);
      if (column !== undefined) line.columns.set(resolved, column);
      return resolved;
    });
  }
}

function resolve(pending: Pending, state: Pairing, links: Links, findings: Finding[]): void {
  const { delimiter } = pending;
  switch (delimiter.kind) {
    case 'toggle': {
      const span = delimiter.span ?? 'emphasis';
      const opener = state.open.get(span)?.pop();
      if (opener) close(pending, opener, state, links);
      else open(pending, span, state);
      return;
    }
    case 'bracket-open': {
      // Overlaps do not nest: a new onset leaves any earlier one unclosed.
      for (const opener of state.open.get('overlap') ?? []) findings.push(unclosed(opener));
      state.open.set('overlap', []);
      open(pending, 'overlap', state);
      return;
    }
    case 'bracket-close': {
      const opener = state.open.get('overlap')?.pop();
      if (opener) close(pending, opener, state, links);
      else {
        findings.push({ problem: problem['unopened-overlap'](), place: pending.position });
        state.resolved.set(pending, marker(pending, 'overlap', 'close'));
      }
      return;
    }
    case 'angle':
      resolveAngle(pending, state, links, findings);
      return;
    case 'group-open':
      open(pending, 'uncertain', state);
      return;
    case 'group-close': {
      const opener = state.open.get('uncertain')?.pop();
      if (opener) close(pending, opener, state, links);
      return;
    }
    case 'arrow':
      resolveArrow(pending, state, links);
  }
}

/** `>` opens faster talk or closes slower talk; `<` the reverse. What it touches breaks ties (`°a >b° c<`). */
function resolveAngle(pending: Pending, state: Pairing, links: Links, findings: Finding[]): void {
  const { delimiter } = pending;
  const closes = delimiter.before || !delimiter.after;
  const opens = delimiter.after || !delimiter.before;
  const isRight = delimiter.value.startsWith('>');
  if (isRight) {
    const slow = closes ? state.slow.pop() : undefined;
    if (slow) {
      state.resolved.set(slow.pending, slow.marker);
      close(pending, slow.marker, state, links);
    } else if (opens) open(pending, 'fast', state);
    else findings.push({ problem: problem['unopened-span'](delimiter.value, 'slower talk'), place: pending.position });
    return;
  }
  const fast = closes ? state.open.get('fast')?.pop() : undefined;
  if (fast) close(pending, fast, state, links);
  else if (opens) state.slow.push({ pending, marker: marker(pending, 'slow', 'open') });
  else findings.push({ problem: problem['unopened-span'](delimiter.value, 'faster talk'), place: pending.position });
}

/**
 * Only arrows the transcriber wrote as a pair enclose a stretch of higher or lower
 * pitch: `↑word↑` (the first touching talk on its right, the second on its left) or
 * `↑ me oh hhh ↑` (both standing free). Any other arrow is a step in pitch on the
 * next sound, so two separate steps (`↓look … ↓it`) are never joined.
 */
function resolveArrow(pending: Pending, state: Pairing, links: Links): void {
  const { delimiter } = pending;
  const direction = delimiter.value === '↑' ? 'up' : 'down';
  const free = !delimiter.before && !delimiter.after;
  const key = `${direction}-${free ? 'free' : 'attached'}` as const;
  const stack = state.arrows.get(key) ?? [];
  state.arrows.set(key, stack);
  const closes = free || (delimiter.before && !delimiter.after);
  const opener = closes ? stack.pop() : undefined;
  if (opener) {
    const span = direction === 'up' ? 'high-pitch' : 'low-pitch';
    const start = marker(opener, span, 'open');
    state.resolved.set(opener, start);
    close(pending, start, state, links);
  } else if (free || (delimiter.after && !delimiter.before)) stack.push(pending);
  else state.resolved.set(pending, pitchStep(pending));
}

function open(pending: Pending, span: SpanKind, state: Pairing): void {
  const created = marker(pending, span, 'open');
  state.resolved.set(pending, created);
  const stack = state.open.get(span) ?? [];
  stack.push(created);
  state.open.set(span, stack);
}

function close(pending: Pending, opener: Marker, state: Pairing, links: Links): void {
  const closer = marker(pending, opener.span, 'close');
  state.resolved.set(pending, closer);
  links.partner.set(opener, closer);
  links.partner.set(closer, opener);
}

/** What is still open when the turn ends. */
function closeTurn(state: Pairing, findings: Finding[]): void {
  for (const stack of state.arrows.values()) for (const pending of stack) state.resolved.set(pending, pitchStep(pending));
  for (const { pending } of state.slow) {
    if (pending.delimiter.after) state.resolved.set(pending, { type: 'hurriedStart', value: pending.delimiter.value, position: pending.position });
    else findings.push({ problem: problem['unclosed-span'](pending.delimiter.value, 'slower talk'), place: pending.position });
  }
  for (const stack of state.open.values()) for (const opener of stack) findings.push(unclosed(opener));
}

function unclosed(opener: Marker): Finding {
  if (opener.span === 'overlap') return { problem: problem['unclosed-overlap'](), place: opener.position };
  const name = getSymbol(spanSymbol[opener.span]).name.toLowerCase();
  return { problem: problem['unclosed-span'](opener.value, name), place: opener.position };
}

function marker(pending: Pending, span: SpanKind, edge: Marker['edge']): Marker {
  return { type: 'marker', span, edge, id: -1, partner: undefined, value: pending.delimiter.value, position: pending.position };
}

function pitchStep(pending: Pending): PhrasingContent {
  return { type: 'pitchStep', direction: pending.delimiter.value === '↑' ? 'up' : 'down', value: pending.delimiter.value, position: pending.position };
}

function textOf(pending: Pending): PhrasingContent {
  return { type: 'text', value: pending.delimiter.value, position: pending.position };
}

/**
 * Link each overlap onset to the onset it answers on another speaker's line above.
 * Transcribers align the two brackets, so an onset answers the unanswered onset of a
 * line just above (up to three lines back, past continuation lines and silences) that
 * sits in the same printed column, give or take two; a CABank bottom bracket `⌊` answers
 * the nearest top bracket `⌈`, as the transcriber's alignment is often a column or two out. Where the source
 * keeps no alignment, the k-th onset answers the k-th onset of the line just above.
 * A bottom bracket (`⌊`) only answers; a top one (`⌈`) only opens.
 */
function linkOverlaps(printed: readonly (WorkingLine | undefined)[], links: Links): void {
  const answered = new Set<Marker>();
  for (let index = 1; index < printed.length; index++) {
    const below = printed[index];
    if (!below) continue;
    const candidates: { line: WorkingLine; onset: Marker; column: number | undefined }[] = [];
    for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
      const above = printed[back];
      if (!above || above.speaker === below.speaker) continue;
      for (const onset of onsets(above)) if (!onset.value.startsWith('⌊')) candidates.push({ line: above, onset, column: above.columns.get(onset) });
    }
    const unmatched: Marker[] = [];
    for (const answer of onsets(below)) {
      if (answer.value.startsWith('⌈')) continue;
      const column = below.columns.get(answer);
      let best: (typeof candidates)[number] | undefined;
      for (const candidate of candidates) {
        if (answered.has(candidate.onset) || column === undefined || candidate.column === undefined) continue;
        const distance = Math.abs(candidate.column - column);
        // A bottom bracket always answers a top one, so the nearest will do; a `[` must be aligned.
        const near = answer.value.startsWith('⌊') ? candidate.onset.value.startsWith('⌈') : distance <= 2;
        if (near && (!best || distance < Math.abs((best.column ?? 0) - column))) best = candidate;
      }
      if (best) {
        links.answers.set(answer, best.onset);
        answered.add(best.onset);
      } else unmatched.push(answer);
    }
    const above = printed[index - 1];
    if (!above || above.speaker === below.speaker || unmatched.length === 0) continue;
    const open = onsets(above).filter((onset) => !answered.has(onset) && !onset.value.startsWith('⌊'));
    unmatched.forEach((answer, k) => {
      const target = open[k];
      if (target) {
        links.answers.set(answer, target);
        answered.add(target);
      }
    });
  }
}

function onsets(line: WorkingLine): Marker[] {
  return line.items.filter((entry): entry is Marker => entry.type === 'marker' && entry.span === 'overlap' && entry.edge === 'open');
}

// Only words can be an editorial insertion; `[X X]` or `[°yeah°]` is notation, so an overlap.
const plainTypes = new Set<Item['type']>(['text', 'whitespace', 'intonation']);

/**
 * An onset nobody answers is either a one-sided quote of an overlap or, when it
 * closes on the same line around plain talk (`[a client’s sore]`), words the
 * quoting author added.
 */
function rereadLoneBrackets(line: WorkingLine, links: Links, findings: Finding[]): void {
  const answered = new Set(links.answers.values());
  for (const onset of onsets(line)) {
    if (links.answers.has(onset) || answered.has(onset)) continue;
    const closer = links.partner.get(onset);
    const from = line.items.indexOf(onset);
    const to = closer ? line.items.indexOf(closer) : -1;
    const inside = line.items.slice(from + 1, to).filter((entry): entry is PhrasingContent => plainTypes.has(entry.type));
    if (!closer || to <= from || inside.length !== to - from - 1) {
      findings.push({ problem: problem['lone-overlap'](), place: onset.position });
      continue;
    }
    const text = inside.map((entry) => entry.value).join('');
    const value = onset.value + text + closer.value;
    const position = { start: onset.position.start, end: closer.position.end };
    links.partner.delete(onset);
    links.partner.delete(closer);
    line.items.splice(from, to - from + 1, { type: 'editorial', text, value, position });
    findings.push({ problem: problem['editorial-bracket'](value), place: position });
  }
}

function finishTurn(working: WorkingTurn): void {
  for (const line of working.lines) {
    line.node.children = line.items.filter((entry): entry is PhrasingContent => entry.type !== 'pending');
  }
  const first = working.lines[0];
  const last = working.lines.at(-1);
  if (first && last) working.node.position = { start: first.node.position.start, end: last.node.position.end };
}

function assignIds(turns: readonly WorkingTurn[], links: Links): void {
  const markers = turns.flatMap((working) => working.node.children.flatMap((line) => line.children.filter((child): child is Marker => child.type === 'marker')));
  markers.forEach((entry, index) => {
    entry.id = index;
  });
  for (const entry of markers) {
    entry.partner = links.partner.get(entry)?.id;
    const answered = links.answers.get(entry);
    if (answered) entry.answers = answered.id;
  }
}

function span(positions: readonly Position[]): Position {
  const first = positions[0];
  const last = positions.at(-1);
  if (!first || !last) return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { start: first.start, end: last.end };
}
