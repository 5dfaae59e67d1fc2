/**
 * Where a selection's `startPosition`/`endPosition` fall in its source's text. The
 * standard counts Unicode code points from 0, end exclusive, but real tools differ:
 * NVivo counts UTF-16 code units (so every emoji or other character outside the Basic
 * Multilingual Plane shifts later positions by one), ATLAS.ti counts a CRLF line break as
 * one character, and some tools make the end inclusive. Read the wrong way, a selection
 * silently quotes other words. So the unit is decided once per project, from the program
 * that wrote it and from the evidence (selections that land on word boundaries, or on the
 * words their name quotes, in one reading and not the other); when neither decides, the
 * import is refused rather than guessed.
 *
 * Offsets returned are UTF-16 offsets into the text with CRLF normalised to LF (the text
 * excerpts are cut from).
 */

export type PositionUnit = 'code-points' | 'utf-16';

export const unitLabel: Record<PositionUnit, string> = { 'code-points': 'Unicode code points', 'utf-16': 'UTF-16 code units' };

interface Reading {
  unit: PositionUnit;
  /** Whether the tool counted a CRLF as two characters (it saw the raw text) or one. */
  crlfAsTwo: boolean;
  inclusive: boolean;
}

/** A source's text prepared for reading positions in every way tools count them, in linear time. */
export class SourceText {
  readonly raw: string;
  /** The text with CRLF as LF: what excerpts are cut from. */
  readonly lf: string;
  readonly hasCrlf: boolean;
  readonly hasAstral: boolean;
  #rawPoints: Int32Array | undefined;
  #lfPoints: Int32Array | undefined;
  #rawToLf: Int32Array | undefined;

  constructor(raw: string) {
    this.raw = raw;
    this.hasCrlf = raw.includes('\r\n');
    this.lf = this.hasCrlf ? raw.replace(/\r\n/g, '\n') : raw;
    this.hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw);
  }

  /** UTF-16 offset of each code point of a text, and the text's length at the end. */
  static #points(text: string): Int32Array {
    const offsets = new Int32Array(text.length + 1);
    let count = 0;
    for (let index = 0; index < text.length; index += 1) {
      offsets[count] = index;
      count += 1;
      const unit = text.charCodeAt(index);
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index += 1;
      }
    }
    offsets[count] = text.length;
    return offsets.subarray(0, count + 1);
  }

  #rawToLfTable(): Int32Array {
    if (!this.#rawToLf) {
      const table = new Int32Array(this.raw.length + 1);
      let removed = 0;
      for (let index = 0; index < this.raw.length; index += 1) {
        table[index] = index - removed;
        if (this.raw.charCodeAt(index) === 13 && this.raw.charCodeAt(index + 1) === 10) removed += 1;
      }
      table[this.raw.length] = this.raw.length - removed;
      this.#rawToLf = table;
    }
    return this.#rawToLf;
  }

  /** The LF offset of a tool position in a reading, or undefined when the text is shorter. */
  offset(position: number, reading: Omit<Reading, 'inclusive'>): number | undefined {
    const text = reading.crlfAsTwo ? this.raw : this.lf;
    let utf16 = position;
    if (reading.unit === 'code-points') {
      const points = reading.crlfAsTwo ? (this.#rawPoints ??= SourceText.#points(this.raw)) : (this.#lfPoints ??= SourceText.#points(this.lf));
      if (position >= points.length) return undefined;
      utf16 = points[position]!;
    } else if (position > text.length) return undefined;
    return reading.crlfAsTwo && this.hasCrlf ? this.#rawToLfTable()[utf16]! : utf16;
  }

  /** Length in a reading's unit. */
  length(unit: PositionUnit, crlfAsTwo: boolean): number {
    const text = crlfAsTwo ? this.raw : this.lf;
    if (unit === 'utf-16') return text.length;
    return (crlfAsTwo ? (this.#rawPoints ??= SourceText.#points(this.raw)) : (this.#lfPoints ??= SourceText.#points(this.lf))).length - 1;
  }
}

const wordChar = /[\p{L}\p{N}\p{M}_]/u;

/** Whether an LF offset lies between words (or at an end), not inside a word or a surrogate pair. */
function atBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const unit = text.charCodeAt(offset);
  if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  return !(wordChar.test(text[offset - 1]!) && wordChar.test(text[offset]!));
}

export function normaliseQuote(text: string): string {
  return text.replace(/…$/, '').replace(/\s+/g, ' ').trim();
}

export interface SelectionPositions {
  start: number;
  end: number;
  /** The selection's name, when it quotes the text (ATLAS.ti writes the selected words there). */
  quote: string | undefined;
}

export type Located = { start: number; end: number } | { problem: string };

/** How well a reading fits a selection: 2 when its name's quote is found there, 1 when it lands on word boundaries, 0 otherwise; undefined when out of range. */
function fit(text: SourceText, selection: SelectionPositions, reading: Reading): { start: number; end: number; score: number } | undefined {
  const last = reading.inclusive ? selection.end + 1 : selection.end;
  const start = text.offset(selection.start, reading);
  const end = text.offset(last, reading);
  if (start === undefined || end === undefined) return undefined;
  if (selection.quote) {
    const found = normaliseQuote(text.lf.slice(start, Math.min(end, start + selection.quote.length * 2 + 16)));
    if (found.startsWith(selection.quote)) return { start, end, score: 2 };
  }
  return { start, end, score: atBoundary(text.lf, start) && atBoundary(text.lf, end) ? 1 : 0 };
}

function readings(text: SourceText, unit: PositionUnit): Reading[] {
  const crlf = text.hasCrlf ? [true, false] : [true];
  return crlf.flatMap((crlfAsTwo) => [false, true].map((inclusive) => ({ unit, crlfAsTwo, inclusive })));
}

/** A selection placed in a unit: the first reading (CRLF as two, end exclusive first) with the best fit. */
export function locate(text: SourceText, selection: SelectionPositions, unit: PositionUnit): Located {
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return { problem: `runs from ${selection.start} to ${selection.end}, which is not a stretch of text` };
  let best: { start: number; end: number; score: number } | undefined;
  for (const reading of readings(text, unit)) {
    const found = fit(text, selection, reading);
    if (found && (!best || found.score > best.score)) best = found;
  }
  if (!best) return { problem: `runs from ${start} to ${end}, but the text has only ${text.length(unit, true)} characters (${unitLabel[unit]})` };
  return { start: best.start, end: best.end };
}

export interface UnitEvidence {
  /** Selections placed differently by the two units (only texts with characters outside the BMP have any). */
  differing: number;
  /** Of those, how many land well (on word boundaries or on their quote) in each unit. */
  landing: Record<PositionUnit, number>;
}

export function unitEvidence(sources: readonly { text: SourceText; selections: readonly SelectionPositions[] }[]): UnitEvidence {
  const evidence: UnitEvidence = { differing: 0, landing: { 'code-points': 0, 'utf-16': 0 } };
  for (const { text, selections } of sources) {
    if (!text.hasAstral) continue;
    for (const selection of selections) {
      const best = (unit: PositionUnit) =>
        readings(text, unit).reduce<{ start: number; end: number; score: number } | undefined>((found, reading) => {
          const candidate = fit(text, selection, reading);
          return candidate && (!found || candidate.score > found.score) ? candidate : found;
        }, undefined);
      const points = best('code-points');
      const units = best('utf-16');
      if (points && units && points.start === units.start && points.end === units.end) continue;
      evidence.differing += 1;
      if (points && points.score > 0) evidence.landing['code-points'] += 1;
      if (units && units.score > 0) evidence.landing['utf-16'] += 1;
    }
  }
  return evidence;
}

/** What the program that wrote a project is known to count in. */
export function unitOfOrigin(origin: string | undefined): PositionUnit | undefined {
  if (!origin) return undefined;
  if (/nvivo/i.test(origin)) return 'utf-16';
  if (/qualcoder|casebook/i.test(origin)) return 'code-points';
  return undefined;
}

export type UnitDecision = { unit: PositionUnit; why: string } | { unit: undefined; why: string };

/**
 * The unit a project's positions count in. Evidence decides when one unit lands clearly
 * more selections well (at least three in four of those that differ, and more than the
 * other); the program that wrote the project decides when the evidence does not
 * contradict it; otherwise the project is ambiguous.
 */
export function decideUnit(origin: string | undefined, evidence: UnitEvidence, forced: PositionUnit | undefined): UnitDecision {
  const named = unitOfOrigin(origin);
  const counts = `${evidence.landing['utf-16']} of ${evidence.differing} selections land on word boundaries or their quoted words read as UTF-16 code units, ${evidence.landing['code-points']} read as code points`;
  if (forced) return { unit: forced, why: `positions read as ${unitLabel[forced]}, as asked (--positions)${evidence.differing > 0 ? `; ${counts}` : ''}` };
  if (evidence.differing === 0)
    return {
      unit: named ?? 'code-points',
      why: 'positions are the same in code points and UTF-16 code units: no coded text has a character outside the Basic Multilingual Plane (such as an emoji) before a selection ends',
    };
  const [first, second] = (['utf-16', 'code-points'] as const).map((unit) => evidence.landing[unit]);
  const clear = (unit: PositionUnit): boolean => {
    const mine = evidence.landing[unit];
    const other = unit === 'utf-16' ? second! : first!;
    return mine > other && mine >= 0.75 * evidence.differing;
  };
  const byEvidence = clear('utf-16') ? 'utf-16' : clear('code-points') ? 'code-points' : undefined;
  if (byEvidence && (named === undefined || named === byEvidence))
    return { unit: byEvidence, why: `positions read as ${unitLabel[byEvidence]}${named ? `, as ${origin} counts them` : ''}: ${counts}` };
  if (named && !byEvidence && evidence.landing[named] >= evidence.landing[named === 'utf-16' ? 'code-points' : 'utf-16'])
    return { unit: named, why: `positions read as ${unitLabel[named]}, as ${origin} counts them: ${counts}` };
  return { unit: undefined, why: `cannot tell whether positions count Unicode code points or UTF-16 code units${origin ? ` (the project was written by ${origin})` : ''}: ${counts}` };
}
