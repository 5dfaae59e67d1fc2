/**
 * Layer 1: one line of talk → tokens.
 *
 * A small state machine: `start` looks at one character and hands over to the
 * state for the construct it can begin; each state consumes at least one
 * character and returns to `start`. Characters that only mean something in
 * context (`.`, `-`, `:`, `(`, `[`, `<`…) are decided here from their
 * neighbours. Paired markers are not paired here: they leave a `delimiter`
 * token recording whether talk touches it on either side, and the tree builder
 * pairs them over the whole turn (they cross-nest and cross lines).
 *
 * Offsets are UTF-16 indices into the line's text.
 */
import { type Problem, problem } from './diagnostics.ts';
import { lookalike, recognises, type SymbolId } from './symbols.ts';
import type { Mode, PhrasingContent, SpanKind } from './types.ts';

/** A stretch of the line, `end` exclusive. */
export interface Range {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

type Unpositioned<T> = T extends unknown ? Omit<T, 'position'> : never;

/** What a recognised construct becomes, before it has a place. */
export type DraftBody = Unpositioned<Exclude<PhrasingContent, { type: 'marker' | 'pitchStep' | 'hurriedStart' }>>;

/** A construct recognised on its own, waiting for a position. */
export type Draft = DraftBody & Range;

/** A character whose meaning depends on what it pairs with in the turn. */
export interface Delimiter extends Range {
  /** Token type. */
  type: 'delimiter';
  /** `toggle`: the same character opens and closes (`°`, `_`, `£`); the others pair by direction. */
  kind: 'toggle' | 'angle' | 'arrow' | 'bracket-open' | 'bracket-close' | 'group-open' | 'group-close';
  /** For toggles, the stretch it delimits. */
  span: SpanKind | undefined;
  /** The characters as written. */
  value: string;
  /** Whether talk touches it on the left (`word>`). */
  before: boolean;
  /** Whether talk touches it on the right (`>word`). */
  after: boolean;
}

/** Output of the tokenizer. */
export type Token = Draft | Delimiter;

/** A problem at a stretch of the line. */
export interface LocalFinding extends Range {
  /** What is wrong. */
  problem: Problem;
}

interface Tokenizer {
  readonly text: string;
  readonly mode: Mode;
  /** Capitalised words that are not loud. */
  readonly notLoud: ReadonlySet<string>;
  /** Uncertain hearings opened with notation inside, waiting for their `)`. */
  groups: number;
  index: number;
  readonly tokens: Token[];
  readonly findings: LocalFinding[];
}

type State = (t: Tokenizer) => State | undefined;

/** Split one line of talk into tokens. Never throws; oddities become findings. */
export function tokenize(text: string, mode: Mode, notLoud: ReadonlySet<string> = new Set()): { tokens: Token[]; findings: LocalFinding[] } {
  const t: Tokenizer = { text, mode, notLoud, groups: 0, index: 0, tokens: [], findings: [] };
  let state: State | undefined = start;
  while (state) {
    const before = t.index;
    state = state(t);
    // Every state but `start` consumes; this guard keeps a future mistake from looping forever.
    if (state === start && t.index === before) plain(t, t.index + 1);
  }
  return { tokens: underline(t), findings: t.findings };
}

const dispatch: Readonly<Record<string, State>> = {
  '(': parenthesis,
  ')': closingParenthesis,
  '[': bracket,
  ']': closingBracket,
  '.': dot,
  '·': middleDot,
  '∙': middleDot,
  '!': exclamation,
  '\u0015': timecode,
  '≈': equals,
  '≡': equals,
  '⌈': bracket,
  '⌊': bracket,
  '⌉': closingBracket,
  '⌋': closingBracket,
  '⁰': degree,
  '⁎': toggle,
  '☺': toggle,
  '…': ellipsis,
  ',': comma,
  '?': questionMark,
  '¿': invertedQuestionMark,
  ':': colon,
  ː: colon,
  '=': equals,
  '-': dash,
  '–': dash,
  '—': dash,
  '°': degree,
  º: degree,
  '˚': degree,
  '◦': degree,
  '<': angle,
  '>': angle,
  '↑': arrow,
  '↓': arrow,
  _: toggle,
  '£': toggle,
  $: toggle,
  '#': toggle,
  '~': toggle,
  "'": apostrophe,
  '‘': apostrophe,
  '’': apostrophe,
};

/**
 * Between constructs.
 *
 * ```markdown
 * > | yeh (1.0) people
 *     ^   ^^   ^
 * ```
 */
function start(t: Tokenizer): State | undefined {
  const c = at(t, t.index);
  if (c === '') return undefined;
  if (isSpace(c)) return whitespace;
  if (isDigit(c) && !touches(at(t, t.index - 1)) && mediaTime.test(t.text.slice(t.index))) return timecode;
  return dispatch[c] ?? word;
}

// A CLAN media link, `610195_610608`, between U+0015 bullets or bare, as a word of its own.
const mediaLink = String.raw`\u0015?(\d+)_(\d+)\u0015?`;
const mediaTime = new RegExp(String.raw`^${mediaLink}(?=\s|$)`, 'u');
/** Every media link in a line, each a word of its own; the same rule the tokenizer reads talk by. */
export const mediaLinks = new RegExp(String.raw`(?<=^|\s)${mediaLink}(?=\s|$)`, 'gu');

/**
 * At a media time code: when the talk was said, in milliseconds. Metadata, not notation.
 *
 * ```markdown
 * > | So \u0015610195_610608\u0015
 *        ^
 * ```
 */
function timecode(t: Tokenizer): State {
  const match = mediaTime.exec(t.text.slice(t.index));
  if (!match) {
    plain(t, t.index + 1);
    return start;
  }
  const [from = '0', to = '0'] = match[0].replace(/\u0015/g, '').split('_');
  emit(t, { type: 'timecode', from: Number(from), to: Number(to), value: match[0] }, t.index + match[0].length);
  return start;
}

/**
 * In spaces or tabs; kept as written, since printed alignment is not notation.
 *
 * ```markdown
 * > | yeah\t[it’s
 *         ^
 * ```
 */
function whitespace(t: Tokenizer): State {
  let end = t.index;
  while (isSpace(at(t, end))) end++;
  emit(t, { type: 'whitespace', value: slice(t, end) }, end);
  return start;
}

/**
 * In a run of talk up to the next space or notation character; the whole run
 * decides whether it is an out-breath, a laughter particle, a bare inaudible
 * `X`, a loud word, or plain talk.
 *
 * ```markdown
 * > | along hhh-heh heh
 *           ^^^ ^^^
 * ```
 */
function word(t: Tokenizer): State {
  let end = t.index;
  while (end < t.text.length && !isSpace(at(t, end)) && dispatch[at(t, end)] === undefined) end++;
  const run = slice(t, end);
  const draft = classifyWord(t, run, end);
  if (draft) emit(t, draft, end);
  else loudParts(t, run, end);
  return start;
}

function classifyWord(t: Tokenizer, run: string, end: number): DraftBody | undefined {
  const bare = run.replace(/\u0332/g, '');
  // A lone `h` after a comma or before a space is breath too (`buck,h ·h`).
  const loneH = bare === 'h' && /^[,\s]?$/.test(at(t, t.index - 1)) && !touches(at(t, end));
  if ((/^h{2,}$/i.test(bare) || loneH) && recognises(t.mode, 'out-breath')) {
    return { type: 'breath', direction: 'out', length: bare.length, value: run };
  }
  // `huh?` asks; only particles that are not questioned are laughter.
  if (/^h[aeiu]h$/i.test(bare) && !/[?¿]/.test(at(t, end)) && recognises(t.mode, 'laughter')) {
    return { type: 'laughter', value: run };
  }
  // The article writes each unheard word as a bare X inside overlap brackets: `[X X]`.
  if (run === 'X' && /^[\s[(]?$/.test(at(t, t.index - 1)) && /^[\s\])]?$/.test(at(t, end)) && recognises(t.mode, 'inaudible')) {
    return { type: 'inaudible', value: run };
  }
  return undefined;
}

/**
 * Capitals mark loud talk, even inside a word (`NEver`, `PE::Rcasso`): each run of two
 * or more capitals is loud, and so is a capital run that carries on a loud word across
 * a stretch or an apostrophe (`DO:N'T`). Words the study declares as acronyms are not.
 */
function loudParts(t: Tokenizer, run: string, end: number): void {
  if (!recognises(t.mode, 'loud') || t.notLoud.has(run.replace(/[\u0332’'.,]/g, ''))) {
    plain(t, end);
    return;
  }
  const carriesOn = (t.tokens.at(-1)?.end === t.index && loudBefore(t)) || spacedCapital(t, run, end);
  const capitals = /(?:\p{Lu}\p{M}*)+/gu;
  const base = t.index;
  let cursor = base;
  for (const match of run.matchAll(capitals)) {
    const from = base + match.index;
    const isRun = [...match[0].replace(/\p{M}/gu, '')].length >= 2;
    // A capital after a small letter of the same word (`thAat`) cannot start a sentence or a name: it is loud.
    const midWord = /\p{Ll}[\p{M}↑↓]*$/u.test(t.text.slice(0, from));
    if (!isRun && !midWord && !(match.index === 0 && carriesOn)) continue;
    if (from > cursor) plain(t, from);
    if (isRun && match[0] === run && [...match[0]].length === 2 && /\p{Ll}/u.test(t.text)) {
      t.findings.push({ problem: problem['capitals-or-acronym'](match[0]), start: from, end: from + match[0].length });
    }
    emit(t, { type: 'loud', value: match[0] }, from + match[0].length);
    cursor = t.index;
  }
  if (cursor < end) plain(t, end);
}

/** A capital standing alone next to another (`D R`): a loud word spaced out to fill an overlap. `I` and `A` are words. */
function spacedCapital(t: Tokenizer, run: string, end: number): boolean {
  const single = /^[\p{Lu}]$/u;
  if (!single.test(run) || run === 'I' || run === 'A') return false;
  const before = /(?:^|\s)(\p{Lu})\s$/u.exec(t.text.slice(0, t.index))?.[1];
  const after = /^\s(\p{Lu})(?:\s|$|[⌉⌋\]])/u.exec(t.text.slice(end))?.[1];
  return [before, after].some((letter) => letter !== undefined && letter !== 'I' && letter !== 'A');
}

/** Whether the talk just before, through stretches and apostrophes, was loud. */
function loudBefore(t: Tokenizer): boolean {
  for (let index = t.tokens.length - 1; index >= 0; index--) {
    const token = t.tokens[index];
    if (!token) return false;
    if (token.type === 'loud') return true;
    if (token.type === 'lengthening' || (token.type === 'text' && /^['’]$/.test(token.value))) continue;
    return false;
  }
  return false;
}

/**
 * At `.`: in-breath, ellipsis, falling tone, or a dot inside a word.
 *
 * ```markdown
 * > | .hhh ↑ me
 *     ^
 * > | That’s fine.
 *                ^
 * > | and...
 *        ^
 * ```
 */
function dot(t: Tokenizer): State {
  if (isEllipsis(t)) return ellipsis;
  const breath = /^\.(h+)(?![\p{L}\p{M}])/iu.exec(t.text.slice(t.index));
  if (breath?.[1] && recognises(t.mode, 'in-breath')) {
    emit(t, { type: 'breath', direction: 'in', length: breath[1].length, value: breath[0] }, t.index + breath[0].length);
    return start;
  }
  const previous = at(t, t.index - 1);
  const next = at(t, t.index + 1);
  const insideWord = isWordCharacter(next) && (isWordCharacter(previous) || !touches(previous));
  if (!insideWord && recognises(t.mode, 'falling-intonation')) {
    emit(t, { type: 'intonation', contour: 'falling', value: '.' }, t.index + 1);
  } else {
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * At `·`, Jefferson’s raised dot for an in-breath.
 *
 * ```markdown
 * > | ·hhh well
 *     ^
 * ```
 */
function middleDot(t: Tokenizer): State {
  const breath = /^[·∙](h+)(?![\p{L}\p{M}])/iu.exec(t.text.slice(t.index));
  if (breath?.[1] && recognises(t.mode, 'in-breath')) {
    emit(t, { type: 'breath', direction: 'in', length: breath[1].length, value: breath[0] }, t.index + breath[0].length);
  } else {
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * At `…` or three dots: the quotation starts or stops mid-talk.
 *
 * ```markdown
 * > | Client:…she just
 *            ^
 * ```
 */
function ellipsis(t: Tokenizer): State {
  const end = t.index + dotRun(t);
  if (recognises(t.mode, 'ellipsis')) emit(t, { type: 'omission', form: 'ellipsis', value: slice(t, end) }, end);
  else plain(t, end);
  return start;
}

/**
 * At `,`: continuing tone, unless between digits.
 *
 * ```markdown
 * > | Indian, so
 *           ^
 * ```
 */
function comma(t: Tokenizer): State {
  const inNumber = isDigit(at(t, t.index - 1)) && isDigit(at(t, t.index + 1));
  if (!inNumber && recognises(t.mode, 'continuing-intonation')) {
    emit(t, { type: 'intonation', contour: 'continuing', value: ',' }, t.index + 1);
  } else {
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * At `?`: rising tone, or with a comma after it, `?,`, a slight rise.
 *
 * ```markdown
 * > | up to much?
 *               ^
 * ```
 */
function questionMark(t: Tokenizer): State {
  if (at(t, t.index + 1) === ',' && !isWordCharacter(at(t, t.index + 2)) && recognises(t.mode, 'slight-rise')) {
    emit(t, { type: 'intonation', contour: 'slight-rise', value: '?,' }, t.index + 2);
  } else if (recognises(t.mode, 'rising-intonation')) {
    emit(t, { type: 'intonation', contour: 'rising', value: '?' }, t.index + 1);
  } else {
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * At `¿`: a slight rise.
 *
 * ```markdown
 * > | and then¿
 *             ^
 * ```
 */
function invertedQuestionMark(t: Tokenizer): State {
  if (recognises(t.mode, 'slight-rise')) emit(t, { type: 'intonation', contour: 'slight-rise', value: '¿' }, t.index + 1);
  else plain(t, t.index + 1);
  return start;
}

/**
 * At `!`: animated delivery, when it ends talk.
 *
 * ```markdown
 * > | for y̲e̲a̲rs!
 *               ^
 * ```
 */
function exclamation(t: Tokenizer): State {
  if (touches(at(t, t.index - 1)) && recognises(t.mode, 'animated-tone')) emit(t, { type: 'intonation', contour: 'animated', value: '!' }, t.index + 1);
  else plain(t, t.index + 1);
  return start;
}

/**
 * At `:` right after a letter: a stretched sound. Anywhere else (a time,
 * a stray colon) it is plain text. Speaker-label colons never get here: the
 * label is split off before the line is tokenized.
 *
 * ```markdown
 * > | so:: what
 *       ^
 * ```
 */
function colon(t: Tokenizer): State {
  if (!(isLetter(at(t, t.index - 1)) || at(t, t.index - 1) === '\u0332') || !recognises(t.mode, 'lengthening')) {
    plain(t, t.index + 1);
    return start;
  }
  let end = t.index;
  let length = 0;
  // An underlined colon (`:̲`, U+0332) is still a stretch; the underline only adds stress.
  while (at(t, end) === ':' || at(t, end) === 'ː' || (at(t, end) === '\u0332' && length > 0)) {
    if (at(t, end) === 'ː') flagLookalike(t, end);
    if (at(t, end) !== '\u0332') length++;
    end++;
  }
  emit(t, { type: 'lengthening', length, value: slice(t, end) }, end);
  return start;
}

/**
 * At `=`: latching.
 *
 * ```markdown
 * > | yes=
 *        ^
 * ```
 */
function equals(t: Tokenizer): State {
  const mark = at(t, t.index);
  let end = t.index;
  while (at(t, end) === mark) end++;
  if (recognises(t.mode, 'latching')) emit(t, { type: 'latching', value: slice(t, end) }, end);
  else plain(t, end);
  return start;
}

/**
 * At `-`, `–` or `—`. After a letter and not before one, `-` cuts the word off
 * (`wo-`); between letters it joins a compound (`twenty-seven`, `hhh-heh`).
 * An en or em dash straight after a letter is a cut-off and self-repair even
 * when talk follows (`jus–it’s`). A dash with space before it is punctuation.
 *
 * ```markdown
 * > | jus–it’s
 *        ^
 * ```
 */
function dash(t: Tokenizer): State {
  const c = at(t, t.index);
  const previous = at(t, t.index - 1);
  const afterFragment = isLetter(previous) || previous === ':';
  const joinsCompound = c === '-' && isWordCharacter(at(t, t.index + 1));
  if (afterFragment && !joinsCompound && recognises(t.mode, 'cut-off')) {
    emit(t, { type: 'cutoff', value: c }, t.index + 1);
  } else {
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * At `°` (or a lookalike): one degree sign toggles quiet talk, two toggle a whisper.
 *
 * ```markdown
 * > | °yeah° °°no°°
 *     ^      ^
 * ```
 */
function degree(t: Tokenizer): State {
  let end = t.index;
  while (end - t.index < 2 && dispatch[at(t, end)] === degree) {
    if (at(t, end) !== '°' && at(t, end) !== '⁰') flagLookalike(t, end);
    end++;
  }
  const span = end - t.index === 2 ? 'whisper' : 'quiet';
  delimiterOr(t, 'toggle', span, span, end);
  return start;
}

/**
 * At `<` or `>` (doubled for very fast talk). Direction and what it touches
 * decide, per turn, between `>fast<`, `<slow>` and a hurried `<start`.
 *
 * ```markdown
 * > | °a >b° c<
 *        ^     ^
 * ```
 */
function angle(t: Tokenizer): State {
  const c = at(t, t.index);
  const end = at(t, t.index + 1) === c ? t.index + 2 : t.index + 1;
  delimiterOr(t, 'angle', undefined, c === '>' ? 'fast' : 'slow', end);
  return start;
}

/**
 * At `↑` or `↓`: a step in pitch on the next sound, or, paired (`↑word↑`,
 * `↑ me oh ↑`), a stretch of higher or lower pitch.
 *
 * ```markdown
 * > | .hhh ↑ me oh hhh ↑ y’know
 *          ^           ^
 * ```
 */
function arrow(t: Tokenizer): State {
  const id: SymbolId = at(t, t.index) === '↑' ? 'pitch-step-up' : 'pitch-step-down';
  delimiterOr(t, 'arrow', undefined, id, t.index + 1);
  return start;
}

const toggles: Readonly<Record<string, { span: SpanKind; symbol: SymbolId }>> = {
  _: { span: 'emphasis', symbol: 'emphasis' },
  '£': { span: 'smile', symbol: 'smile-voice' },
  $: { span: 'smile', symbol: 'smile-voice' },
  '#': { span: 'creaky', symbol: 'creaky-voice' },
  '~': { span: 'wobbly', symbol: 'wobbly-voice' },
  '⁎': { span: 'creaky', symbol: 'creaky-voice' },
  '☺': { span: 'smile', symbol: 'smile-voice' },
};

/**
 * At a character that opens and closes the same stretch: `_` emphasis,
 * `£`/`$` smile voice, `#` creaky voice, `~` wobbly voice.
 *
 * ```markdown
 * > | I _really_ did
 *       ^      ^
 * ```
 */
function toggle(t: Tokenizer): State {
  const { span, symbol } = toggles[at(t, t.index)] ?? { span: 'emphasis', symbol: 'emphasis' };
  delimiterOr(t, 'toggle', span, symbol, t.index + 1);
  return start;
}

/**
 * At an apostrophe: at the start of a word it marks elision (`‘rd`); inside a
 * word it is a contraction (`y’know`, `it’s`) and stays text.
 *
 * ```markdown
 * > | ‘cause it’s
 *     ^        ^
 * ```
 */
function apostrophe(t: Tokenizer): State {
  const next = /[⌈⌊[]/.test(at(t, t.index + 1)) ? at(t, t.index + 2) : at(t, t.index + 1);
  const startsWord = !isWordCharacter(at(t, t.index - 1)) && isLetter(next);
  if (startsWord && recognises(t.mode, 'elision')) emit(t, { type: 'elision', value: at(t, t.index) }, t.index + 1);
  else plain(t, t.index + 1);
  return start;
}

/**
 * At `(`: a comment `((…))`, micropause `(.)`, timed pause `(0.5)`, in-word
 * laughter `(h)`, inaudible `(X)`/`( )`, or an uncertain hearing `(word)`,
 * `(word/ward)`. Parentheses do not span lines, except comments, which are
 * then cut at the line end.
 *
 * ```markdown
 * > | yeh (1.0) people
 *         ^
 * ```
 */
function parenthesis(t: Tokenizer): State {
  if (at(t, t.index + 1) === '(') return comment;
  const close = matchingParenthesis(t);
  if (close === -1) {
    find(t, problem['unclosed-parenthesis'](), t.index + 1);
    plain(t, t.index + 1);
    return start;
  }
  const end = close + 1;
  const inner = t.text.slice(t.index + 1, close);
  // A hearing written with notation inside, `(°>>it's alri::ht,<<°)`, is read
  // through: its edges become markers and the talk inside is tokenized as usual.
  const draft = classifyParenthesis(inner, slice(t, end));
  if (draft.id === 'uncertain' && notationInside.test(inner) && t.mode === 'transcript') {
    t.groups++;
    delimiterOr(t, 'group-open', 'uncertain', 'uncertain', t.index + 1);
    return start;
  }
  // An unrecognised group stays text as a whole, so its `)` is not reported as stray.
  if (recognises(t.mode, draft.id)) emit(t, draft.draft, end);
  else plain(t, end);
  return start;
}

const notationInside = /[°º˚◦⁰<>↑↓=≈:ː,.?¿!£$#~⁎☺⌈⌉⌊⌋[\]∙·_\u0332(]|\p{Lu}{2}/u;

/** Offset of the `)` that closes the `(` here, counting nested pairs on the line; -1 if none. */
function matchingParenthesis(t: Tokenizer): number {
  let depth = 0;
  for (let index = t.index; index < t.text.length; index++) {
    const c = t.text.charAt(index);
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return index;
  }
  return -1;
}

function classifyParenthesis(inner: string, value: string): { id: SymbolId; draft: DraftBody } {
  if (/^\s*\.{1,3}\s*$/.test(inner)) return { id: 'micropause', draft: { type: 'micropause', value } };
  const pause = /^\s*(?:(\d+):)?(\d*\.\d+|\d+(?:\.\d*)?)\s*$/.exec(inner);
  if (pause?.[2] !== undefined) {
    const seconds = Number(pause[1] ?? 0) * 60 + Number.parseFloat(pause[2]);
    return { id: 'timed-pause', draft: { type: 'pause', seconds, value } };
  }
  if (/^h+$/i.test(inner)) return { id: 'laugh-in-word', draft: { type: 'laughInWord', value } };
  if (/^(?:\s*|[xX]+(?:\s+[xX]+)*|\?+)$/.test(inner)) return { id: 'inaudible', draft: { type: 'inaudible', value } };
  const hearings = inner
    .split('/')
    .map((hearing) => hearing.trim())
    .filter((hearing) => hearing !== '');
  const id: SymbolId = hearings.length > 1 ? 'alternative-hearings' : 'uncertain';
  return { id, draft: { type: 'uncertain', hearings: hearings.length > 0 ? hearings : [inner], value } };
}

/**
 * After `((`: a transcriber’s comment, up to `))`.
 *
 * ```markdown
 * > | ((coughs)) sorry
 *     ^
 * ```
 */
function comment(t: Tokenizer): State {
  const close = t.text.indexOf('))', t.index + 2);
  if (close === -1) find(t, problem['unclosed-comment'](), t.index + 2);
  const end = close === -1 ? t.text.length : close + 2;
  const text = t.text.slice(t.index + 2, close === -1 ? end : close);
  emit(t, { type: 'comment', text, value: slice(t, end) }, end);
  return start;
}

/**
 * At `)` not closed by `parenthesis`: stray.
 *
 * ```markdown
 * > | yeah) no
 *         ^
 * ```
 */
function closingParenthesis(t: Tokenizer): State {
  if (t.groups > 0) {
    t.groups--;
    delimiterOr(t, 'group-close', 'uncertain', 'uncertain', t.index + 1);
    return start;
  }
  find(t, problem['unopened-parenthesis'](), t.index + 1);
  plain(t, t.index + 1);
  return start;
}

/**
 * At `[`: an omission `[…]`; in transcripts an overlap onset (`[` or `[[`);
 * in commentary words added by the quoting author (`[she]`).
 *
 * ```markdown
 * > | doing and […]
 *               ^
 * > | yeah [it’s like
 *          ^
 * ```
 */
function bracket(t: Tokenizer): State {
  const omission = /^\[\s*(?:…|\.)+\s*\]/.exec(t.text.slice(t.index));
  if (omission && recognises(t.mode, 'omission')) {
    emit(t, { type: 'omission', form: 'bracketed', value: omission[0] }, t.index + omission[0].length);
    return start;
  }
  if (recognises(t.mode, 'overlap-onset')) {
    const c = at(t, t.index);
    const end = c === '[' && at(t, t.index + 1) === '[' ? t.index + 2 : t.index + 1;
    delimiterOr(t, 'bracket-open', 'overlap', 'overlap-onset', end);
    return start;
  }
  const close = t.text.indexOf(']', t.index + 1);
  if (close === -1) {
    find(t, problem['unclosed-bracket'](), t.index + 1);
    plain(t, t.index + 1);
    return start;
  }
  emit(t, { type: 'editorial', text: t.text.slice(t.index + 1, close), value: slice(t, close + 1) }, close + 1);
  return start;
}

/**
 * At `]`: in transcripts the end of an overlap, elsewhere stray.
 *
 * ```markdown
 * > | [yeah]
 *          ^
 * ```
 */
function closingBracket(t: Tokenizer): State {
  if (recognises(t.mode, 'overlap-end')) {
    const end = at(t, t.index) === ']' && at(t, t.index + 1) === ']' ? t.index + 2 : t.index + 1;
    delimiterOr(t, 'bracket-close', 'overlap', 'overlap-end', end);
  } else {
    find(t, problem['unopened-bracket'](), t.index + 1);
    plain(t, t.index + 1);
  }
  return start;
}

/**
 * Emphasis written as a combining underline (U+0332 after each stressed
 * character, as CABank transcripts do): zero-width emphasis delimiters are put
 * around each underlined run, splitting text where a run starts or ends inside it.
 */
function underline(t: Tokenizer): Token[] {
  if (!t.text.includes('\u0332') || !recognises(t.mode, 'emphasis')) return t.tokens;
  const underlined: boolean[] = [];
  for (let index = 0; index < t.text.length; index++) {
    let next = index + 1;
    while (/\p{M}/u.test(t.text.charAt(next)) && t.text.charAt(next) !== '\u0332') next++;
    underlined[index] = t.text.charAt(next) === '\u0332' && t.text.charAt(index) !== '\u0332';
  }
  // A run spans base characters and the marks after them; it ends before the first base character not underlined.
  const edges: number[] = [];
  let inRun = false;
  for (let index = 0; index <= t.text.length; index++) {
    const c = t.text.charAt(index);
    if (c !== '' && /\p{M}/u.test(c)) continue;
    const isUnderlined = underlined[index] === true;
    if (isUnderlined !== inRun) {
      edges.push(index);
      inRun = isUnderlined;
    }
  }
  const result: Token[] = [];
  let edge = 0;
  const pushEdge = (at: number): void => {
    result.push({ type: 'delimiter', kind: 'toggle', span: 'emphasis', value: '', before: false, after: false, start: at, end: at });
    edge++;
  };
  for (const token of t.tokens) {
    while (edge < edges.length && (edges[edge] ?? Infinity) <= token.start) pushEdge(edges[edge] ?? 0);
    if (token.type === 'text' || token.type === 'loud') {
      let from = token.start;
      while (edge < edges.length && (edges[edge] ?? Infinity) < token.end) {
        const cut = edges[edge] ?? token.end;
        if (cut > from) result.push({ ...token, value: t.text.slice(from, cut), start: from, end: cut });
        from = cut;
        pushEdge(cut);
      }
      result.push({ ...token, value: t.text.slice(from, token.end), start: from, end: token.end });
    } else result.push(token);
  }
  while (edge < edges.length) pushEdge(edges[edge] ?? t.text.length);
  return result;
}

/** Emit a delimiter when the mode recognises `id`, plain text otherwise. */
function delimiterOr(t: Tokenizer, kind: Delimiter['kind'], span: SpanKind | undefined, symbol: SymbolId, end: number): void {
  if (!recognises(t.mode, symbol)) {
    plain(t, end);
    return;
  }
  t.tokens.push({
    type: 'delimiter',
    kind,
    span,
    value: slice(t, end),
    before: touches(at(t, t.index - 1)),
    after: touches(at(t, end)),
    start: t.index,
    end,
  });
  t.index = end;
}

function emit(t: Tokenizer, body: DraftBody, end: number): void {
  t.tokens.push({ ...body, start: t.index, end });
  t.index = end;
}

/** Emit text up to `end`, merged with text just before so a word stays one node. */
function plain(t: Tokenizer, end: number): void {
  const last = t.tokens.at(-1);
  const value = slice(t, end);
  if (last?.type === 'text' && last.end === t.index) {
    last.value += value;
    last.end = end;
  } else {
    t.tokens.push({ type: 'text', value, start: t.index, end });
  }
  t.index = end;
}

function find(t: Tokenizer, found: Problem, end: number): void {
  t.findings.push({ problem: found, start: t.index, end });
}

function flagLookalike(t: Tokenizer, index: number): void {
  const character = at(t, index);
  const match = lookalike(character);
  if (match) {
    t.findings.push({
      problem: problem['lookalike-character'](character, match.canonical, match.entry.name.toLowerCase()),
      start: index,
      end: index + 1,
    });
  }
}

/** Length of the run of `.` and `…` starting here. */
function dotRun(t: Tokenizer): number {
  let end = t.index;
  while (at(t, end) === '.' || at(t, end) === '…') end++;
  return end - t.index;
}

/** Whether the dots here form an ellipsis: a `…`, or three dots or more. */
function isEllipsis(t: Tokenizer): boolean {
  const run = t.text.slice(t.index, t.index + dotRun(t));
  return run.includes('…') || run.length >= 3;
}

function at(t: Tokenizer, index: number): string {
  return index >= 0 ? t.text.charAt(index) : '';
}

function slice(t: Tokenizer, end: number): string {
  return t.text.slice(t.index, end);
}

function isSpace(c: string): boolean {
  return c !== '' && /\s/.test(c);
}

function touches(c: string): boolean {
  return c !== '' && !isSpace(c);
}

function isLetter(c: string): boolean {
  return /[\p{L}\p{M}]/u.test(c);
}

function isDigit(c: string): boolean {
  return /\p{Nd}/u.test(c);
}

function isWordCharacter(c: string): boolean {
  return /[\p{L}\p{M}\p{N}]/u.test(c);
}
