/**
 * The one table of transcription symbols. The tokenizer asks it which symbols a
 * mode recognises and which lookalike characters to flag; the renderer takes
 * tooltips, spoken names and legends from it; the conventions appendix is
 * rendered straight from `symbols`.
 *
 * Sources: Jefferson (2004) "Glossary of transcript symbols", the Hepburn &
 * Bolden (2017) voice-quality additions, and the quotation conventions of
 * published qualitative studies. Examples are invented, neutral lines; a study's
 * own printed conventions table is study data (study.json "conventions").
 */
import type { Mode } from './types.ts';

/** Identifier of a symbol-table entry; also used in CSS classes (`ca-sym--quiet`). */
export type SymbolId =
  | 'overlap-onset'
  | 'overlap-end'
  | 'simultaneous-start'
  | 'latching'
  | 'timed-pause'
  | 'micropause'
  | 'falling-intonation'
  | 'continuing-intonation'
  | 'rising-intonation'
  | 'slight-rise'
  | 'animated-tone'
  | 'pitch-step-up'
  | 'pitch-step-down'
  | 'high-pitch'
  | 'low-pitch'
  | 'lengthening'
  | 'emphasis'
  | 'loud'
  | 'quiet'
  | 'whisper'
  | 'fast'
  | 'slow'
  | 'hurried-start'
  | 'out-breath'
  | 'in-breath'
  | 'laughter'
  | 'laugh-in-word'
  | 'uncertain'
  | 'alternative-hearings'
  | 'inaudible'
  | 'comment'
  | 'cut-off'
  | 'elision'
  | 'smile-voice'
  | 'creaky-voice'
  | 'wobbly-voice'
  | 'omission'
  | 'ellipsis'
  | 'omission-line'
  | 'editorial';

/** Where a convention comes from. */
export type SymbolSource = 'Jefferson 2004' | 'Hepburn & Bolden 2017' | 'quotation' | 'Casebook';

/** One transcription convention. */
export interface SymbolEntry {
  /** Stable identifier. */
  readonly id: SymbolId;
  /** The notation as written in Casebook's plain text. */
  readonly symbol: string;
  /** Other spellings the parser accepts without comment. */
  readonly variants: readonly string[];
  /** Wrong but common code points (autocorrect, OCR) accepted with a `lookalike-character` warning. */
  readonly lookalikes: readonly string[];
  /** Short name, also the tooltip's heading. */
  readonly name: string;
  /** What it means, in plain words. */
  readonly meaning: string;
  /** A written example: an invented, neutral line. */
  readonly example: string;
  /** What a screen reader says instead of the glyph; `{edge}`, `{duration}` and `{hearings}` are filled in per occurrence. */
  readonly spoken: string;
  /** The ABNF rule in `README.md` ("Syntax") that defines it. */
  readonly grammar: string;
  /** The modes in which the parser recognises it. */
  readonly modes: readonly Mode[];
  /** Where the convention comes from. */
  readonly source: SymbolSource;
}

const both: readonly Mode[] = ['transcript', 'commentary'];
const transcript: readonly Mode[] = ['transcript'];

type Row = Omit<SymbolEntry, 'id' | 'variants' | 'lookalikes'> & {
  readonly variants?: readonly string[];
  readonly lookalikes?: readonly string[];
};

// A record keyed by id makes the compiler check that every id has exactly one row;
// insertion order is the order of legends and of the appendix.
const rows: Record<SymbolId, Row> = {
  'overlap-onset': {
    symbol: '[',
    variants: ['⌈', '⌊'],
    name: 'Overlap onset',
    meaning: 'From here the talk overlaps talk by another speaker; the two brackets sit one above the other.',
    example: 'A: I went back on [the Tuesday]\nB:                [oh right]',
    spoken: 'overlap starts',
    grammar: 'overlap-open',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'overlap-end': {
    symbol: ']',
    variants: ['⌉', '⌋'],
    name: 'Overlap end',
    meaning: 'The overlapping talk stops here. Transcribers often leave it out.',
    example: 'A: [it was the first week and\nB: [yeah]',
    spoken: 'overlap ends',
    grammar: 'overlap-close',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'simultaneous-start': {
    symbol: '[[',
    name: 'Simultaneous start',
    meaning: 'Two speakers start talking at the same moment.',
    example: '[[well I',
    spoken: 'both start together',
    grammar: 'overlap-open',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  latching: {
    symbol: '=',
    variants: ['≈', '≡'],
    name: 'Latching',
    meaning: 'No gap at all: the next talk follows on at once, or one speaker’s talk runs on across another’s line.',
    example: 'yes=',
    spoken: 'latched',
    grammar: 'latching',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'timed-pause': {
    symbol: '(0.5)',
    variants: ['(.7)', '(2)', '(1:05.3)'],
    name: 'Timed pause',
    meaning: 'A silence, timed in seconds and usually to a tenth of a second.',
    example: 'A: well (1.0) I don’t know',
    spoken: 'pause, {duration}',
    grammar: 'timed-pause',
    modes: both,
    source: 'Jefferson 2004',
  },
  micropause: {
    symbol: '(.)',
    variants: ['(..)', '(...)'],
    name: 'Micropause',
    meaning: 'A pause too short to time, under about two tenths of a second.',
    example: 'well (.) maybe',
    spoken: 'brief pause',
    grammar: 'micropause',
    modes: both,
    source: 'Jefferson 2004',
  },
  'falling-intonation': {
    symbol: '.',
    name: 'Falling intonation',
    meaning: 'The voice falls, as at the end of a statement. It is not a full stop.',
    example: 'that’s fine.',
    spoken: 'falling tone',
    grammar: 'intonation',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'continuing-intonation': {
    symbol: ',',
    name: 'Continuing intonation',
    meaning: 'The voice stays level or rises a little, as if more is to come. It is not a comma.',
    example: 'on the way home, so',
    spoken: 'continuing tone',
    grammar: 'intonation',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'rising-intonation': {
    symbol: '?',
    name: 'Rising intonation',
    meaning: 'The voice rises strongly. It does not have to be a question.',
    example: 'are you coming on Friday?',
    spoken: 'rising tone',
    grammar: 'intonation',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'slight-rise': {
    symbol: '¿',
    variants: ['?,'],
    name: 'Slight rise',
    meaning: 'The voice rises more than at a comma but less than at a question mark.',
    example: 'and then¿',
    spoken: 'slightly rising tone',
    grammar: 'intonation',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'animated-tone': {
    symbol: '!',
    name: 'Animated tone',
    meaning: 'Said with animation, as an exclamation. It is not an exclamation mark.',
    example: 'for years!',
    spoken: 'animated',
    grammar: 'intonation',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'pitch-step-up': {
    symbol: '↑',
    name: 'Step up in pitch',
    meaning: 'The next sound jumps noticeably higher in pitch.',
    example: '↑really',
    spoken: 'pitch up',
    grammar: 'pitch-step',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'pitch-step-down': {
    symbol: '↓',
    name: 'Step down in pitch',
    meaning: 'The next sound drops noticeably lower in pitch.',
    example: '↓oh',
    spoken: 'pitch down',
    grammar: 'pitch-step',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'high-pitch': {
    symbol: '↑word↑',
    name: 'Higher pitch',
    meaning: 'The talk between the two arrows is pitched higher than the talk around it.',
    example: 'A: .hhh and then ↑ what ↑ happened',
    spoken: 'higher pitch {edge}',
    grammar: 'pitch-span',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'low-pitch': {
    symbol: '↓word↓',
    name: 'Lower pitch',
    meaning: 'The talk between the two arrows is pitched lower than the talk around it.',
    example: '↓never mind↓',
    spoken: 'lower pitch {edge}',
    grammar: 'pitch-span',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  lengthening: {
    symbol: ':',
    variants: ['::'],
    lookalikes: ['ː'],
    name: 'Stretched sound',
    meaning: 'The sound just before is drawn out; the more colons, the longer.',
    example: 'so::',
    spoken: 'stretched',
    grammar: 'lengthening',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  emphasis: {
    symbol: '_word_',
    variants: ['w̲o̲r̲d̲'],
    name: 'Emphasis',
    meaning: 'Stressed by pitch or loudness. Print underlines it; plain text cannot, so Casebook writes underscores around the stressed part and shows it underlined.',
    example: 'I _really_ did',
    spoken: 'stress {edge}',
    grammar: 'emphasis',
    modes: transcript,
    source: 'Casebook',
  },
  loud: {
    symbol: 'WORD',
    name: 'Loud',
    meaning: 'Especially loud compared with the talk around it: two or more capital letters in a row, also inside a word (NEver). Acronyms the study declares are not read as loud.',
    example: 'I said NO',
    spoken: 'loud',
    grammar: 'loud',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  quiet: {
    symbol: '°word°',
    variants: ['⁰word⁰'],
    lookalikes: ['º', '˚', '◦'],
    name: 'Quiet',
    meaning: 'Noticeably quieter than the talk around it.',
    example: '°yeah°',
    spoken: 'quiet talk {edge}',
    grammar: 'quiet',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  whisper: {
    symbol: '°°word°°',
    name: 'Whisper',
    meaning: 'Much quieter still, close to a whisper.',
    example: '°°don’t°°',
    spoken: 'whisper {edge}',
    grammar: 'whisper',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  fast: {
    symbol: '>word<',
    name: 'Faster',
    meaning: 'The talk between inward-pointing brackets is quicker than the talk around it.',
    example: '>I mean<',
    spoken: 'faster talk {edge}',
    grammar: 'fast',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  slow: {
    symbol: '<word>',
    name: 'Slower',
    meaning: 'The talk between outward-pointing brackets is slower, drawn out.',
    example: '<very slowly>',
    spoken: 'slower talk {edge}',
    grammar: 'slow',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'hurried-start': {
    symbol: '<word',
    name: 'Hurried start',
    meaning: 'A lone left-pointing bracket: the talk is started in a rush.',
    example: '<but then',
    spoken: 'hurried start',
    grammar: 'hurried-start',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'out-breath': {
    symbol: 'hhh',
    name: 'Out-breath',
    meaning: 'An audible breath out; the more h’s, the longer.',
    example: 'A: yeah hhh that’s it',
    spoken: 'out-breath',
    grammar: 'out-breath',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'in-breath': {
    symbol: '.hhh',
    variants: ['∙hhh', '·hhh'],
    name: 'In-breath',
    meaning: 'An audible breath in; the more h’s, the longer.',
    example: 'A: .hhh well I suppose',
    spoken: 'in-breath',
    grammar: 'in-breath',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  laughter: {
    symbol: 'heh',
    variants: ['huh', 'hah', 'hih'],
    name: 'Laughter',
    meaning: 'A particle of laughter.',
    example: 'A: and then he fell in heh heh heh',
    spoken: 'laughter',
    grammar: 'laughter',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'laugh-in-word': {
    symbol: '(h)',
    name: 'Laughter within a word',
    meaning: 'Laughter or breathiness inside a word, as in wo(h)rd.',
    example: 'wo(h)rd',
    spoken: 'laughing',
    grammar: 'laugh-in-word',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  uncertain: {
    symbol: '(word)',
    variants: ['(°wo::rd°)'],
    name: 'Uncertain hearing',
    meaning: 'The transcriber’s best guess at talk that was hard to hear.',
    example: 'it was (Tuesday)',
    spoken: 'uncertain hearing',
    grammar: 'uncertain',
    modes: both,
    source: 'Jefferson 2004',
  },
  'alternative-hearings': {
    symbol: '(word/ward)',
    name: 'Alternative hearings',
    meaning: 'Two or more possible hearings of the same talk.',
    example: '(cold/hold)',
    spoken: 'uncertain, either {hearings}',
    grammar: 'uncertain',
    modes: both,
    source: 'Jefferson 2004',
  },
  inaudible: {
    symbol: '(X)',
    variants: ['( )', 'X'],
    name: 'Inaudible',
    meaning: 'Talk that could not be made out: blank parentheses, or an X for each word, as in [X X].',
    example: 'A: we never talked about [X X]',
    spoken: 'inaudible',
    grammar: 'inaudible',
    modes: both,
    source: 'Jefferson 2004',
  },
  comment: {
    symbol: '((coughs))',
    name: 'Transcriber’s comment',
    meaning: 'A description of a sound or an action, not a transcription of talk.',
    example: '((coughs))',
    spoken: 'transcriber’s note',
    grammar: 'comment',
    modes: both,
    source: 'Jefferson 2004',
  },
  'cut-off': {
    symbol: 'wo-',
    variants: ['jus–', 'jus—'],
    name: 'Cut-off',
    meaning: 'The word is broken off. A dash written straight after a fragment, as in we–it’s, is read the same way: a cut-off and self-repair.',
    example: 'jus–it’s s’posed to be like twenty-seven',
    spoken: 'cut off',
    grammar: 'cut-off',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  elision: {
    symbol: '‘rd',
    variants: ["'rd", '’rd'],
    name: 'Elision',
    meaning: 'The start of the word is not said.',
    example: '‘cause',
    spoken: 'clipped',
    grammar: 'elision',
    modes: transcript,
    source: 'Jefferson 2004',
  },
  'smile-voice': {
    symbol: '£word£',
    variants: ['☺word☺', '$word$'],
    name: 'Smile voice',
    meaning: 'Said with a smile that can be heard.',
    example: '£that’s alright£',
    spoken: 'smiling voice {edge}',
    grammar: 'smile',
    modes: transcript,
    source: 'Hepburn & Bolden 2017',
  },
  'creaky-voice': {
    symbol: '#word#',
    variants: ['⁎word⁎'],
    name: 'Creaky voice',
    meaning: 'Said in a creaky, gravelly voice.',
    example: '#I know#',
    spoken: 'creaky voice {edge}',
    grammar: 'creaky',
    modes: transcript,
    source: 'Hepburn & Bolden 2017',
  },
  'wobbly-voice': {
    symbol: '~word~',
    name: 'Wobbly voice',
    meaning: 'Said in a wobbly, tremulous voice, as when close to tears.',
    example: '~I miss her~',
    spoken: 'wobbly voice {edge}',
    grammar: 'wobbly',
    modes: transcript,
    source: 'Hepburn & Bolden 2017',
  },
  omission: {
    symbol: '[…]',
    variants: ['[...]'],
    name: 'Omission',
    meaning: 'Words the quoting author left out.',
    example: 'She’s asking me how I’m doing and […]',
    spoken: 'words left out',
    grammar: 'omission',
    modes: both,
    source: 'quotation',
  },
  ellipsis: {
    symbol: '…',
    variants: ['...'],
    name: 'Ellipsis',
    meaning: 'The quotation starts or stops partway through the talk, or the talk trails off.',
    example: 'A:…he just kept going.',
    spoken: 'ellipsis',
    grammar: 'ellipsis',
    modes: both,
    source: 'quotation',
  },
  'omission-line': {
    symbol: '……',
    name: 'Omitted lines',
    meaning: 'Lines of the transcript the quoting author left out.',
    example: '……………..',
    spoken: 'lines left out',
    grammar: 'omission-line',
    modes: both,
    source: 'quotation',
  },
  editorial: {
    symbol: '[word]',
    name: 'Editorial insertion',
    meaning: 'Words the quoting author added so the quotation reads clearly, as in [she].',
    example: 'someone that [she] would be friends with',
    spoken: 'added by the author',
    grammar: 'editorial',
    modes: both,
    source: 'quotation',
  },
};

const entries = Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, { ...row, id: id as SymbolId, variants: row.variants ?? [], lookalikes: row.lookalikes ?? [] }])) as Record<
  SymbolId,
  SymbolEntry
>;

/** The symbol table, in legend order. */
export const symbols: readonly SymbolEntry[] = Object.values(entries);

/** The entry for `id`. */
export function getSymbol(id: SymbolId): SymbolEntry {
  return entries[id];
}

/** Whether `mode` reads the symbol `id` as notation (otherwise its characters are plain text). */
export function recognises(mode: Mode, id: SymbolId): boolean {
  return getSymbol(id).modes.includes(mode);
}

/** The entry whose lookalikes include `character`, with the character it stands in for. */
export function lookalike(character: string): { entry: SymbolEntry; canonical: string } | undefined {
  for (const entry of symbols) {
    if (entry.lookalikes.includes(character)) {
      return { entry, canonical: canonicalCharacter(entry) };
    }
  }
  return undefined;
}

function canonicalCharacter(entry: SymbolEntry): string {
  // Paired entries are written around a placeholder word (`°word°`): the delimiter is the first character.
  return entry.symbol.charAt(0);
}

/** Parameters filled into a spoken-name template. */
export interface SpokenParameters {
  /** `starts` or `ends`, for paired markers. */
  readonly edge?: 'starts' | 'ends';
  /** A readable duration (`5 seconds`), for timed pauses. */
  readonly duration?: string;
  /** Rival hearings joined with "or". */
  readonly hearings?: string;
}

/** What a screen reader should say for one occurrence of `entry`. */
export function speak(entry: SymbolEntry, parameters: SpokenParameters = {}): string {
  return entry.spoken.replace(/\{(edge|duration|hearings)\}/g, (_, key: keyof SpokenParameters) => parameters[key] ?? '').trim();
}

/** `5 seconds`, `1 second`, `0.5 seconds`: durations as a listener would say them. */
export function formatDuration(seconds: number): string {
  return `${String(seconds)} ${seconds === 1 ? 'second' : 'seconds'}`;
}
