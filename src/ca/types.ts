/**
 * Syntax tree of a Jefferson-notated transcript (see `README.md`, "Syntax tree").
 *
 * Paired markers (`°…°`, `>…<`, `[…]`, `↑…↑`) cross-nest in real transcripts
 * (`°a >b° c<`), so they are not modelled as parents: every edge is a flat
 * `marker` node, and the two edges of one stretch point at each other through
 * `id`/`partner`. Renderers track the open stretches while walking in order.
 */
import type { Literal as UnistLiteral, Parent as UnistParent, Position } from 'unist';

/**
 * How punctuation-like characters are read.
 *
 * - `transcript`: talk transcribed in Jefferson notation; `.` is falling tone,
 *   `[` is an overlap, `:` is a stretched sound.
 * - `commentary`: talk transcribed "close to verbatim" (the article's participant
 *   commentaries); ordinary punctuation stays punctuation and only the quoting
 *   and hearing conventions (`[…]`, `…`, `[she]`, `(word)`, `(X)`, `((cough))`,
 *   timed pauses) are recognised.
 */
export type Mode = 'transcript' | 'commentary';

/** A node holding source text. */
interface Literal extends UnistLiteral {
  /** The characters exactly as written, so concatenating `value`s reproduces the input. */
  value: string;
  /** Where the node was found: `line` is the 1-based input line, `column` the 1-based UTF-16 column within it, `offset` the 0-based UTF-16 offset (within that line's text for `parseTranscript`, within the whole text for `parseTranscriptText`). Unlike plain unist, always present. */
  position: Position;
}

/** A node holding other nodes. */
interface Parent extends UnistParent {
  /** Where the node was found, as for `Literal`; always present. */
  position: Position;
}

/** Root: one quoted excerpt. */
export interface Transcript extends Parent {
  /** Node type. */
  type: 'transcript';
  /** How the text was read. */
  mode: Mode;
  /** Turns, silences between turns and omitted stretches, in order. */
  children: TranscriptContent[];
}

/** Consecutive printed lines of one speaker, with nothing between them. */
export interface Turn extends Parent {
  /** Node type. */
  type: 'turn';
  /** Printed speaker label without its colon (`Client`), or `undefined` when no line named the speaker. */
  speaker: string | undefined;
  /** Whether the speaker carries on after a silence or omission, so no label is printed. */
  continued: boolean;
  /** Present when the transcriber was unsure who spoke, writing the label in parentheses (`(Dan):`). */
  uncertainSpeaker?: true;
  /** The label exactly as printed, where it is not `speaker` and a colon: a CLAN tier's `*KAT:`, `(Dan):`, Sacks's `A.`. Shown and copied as printed. */
  label?: string;
  /** The printed lines; the first one carries the label unless `continued`. */
  children: Line[];
}

/** One printed line of talk. */
export interface Line extends Parent {
  /** Node type. */
  type: 'line';
  /** Line number: the one the source prints (`95`), else counting talk and silence lines from the last printed one, or from 1. */
  number: number;
  /** When the line was said, from its media time codes (first start, last end), in milliseconds. */
  time?: MediaTime;
  /** The talk, in order; whitespace is kept so `value`s rebuild the line. */
  children: PhrasingContent[];
}

/** A timed silence printed on its own numbered line, between or within turns. */
export interface Silence extends Literal {
  /** Node type. */
  type: 'silence';
  /** Length in seconds, or `undefined` when the line is not a valid `(n.n)`. */
  seconds: number | undefined;
  /** Line number, as for `Line`. */
  number: number;
  /** A transcriber's comment on the silence written after it on its line, `((tannoy announcement))`; not part of `value`. */
  note?: string;
  /** When the silence was, from a media time code on its line, in milliseconds; the code is not part of `value`. */
  time?: MediaTime;
}

/** A stretch of the recording, in milliseconds. */
export interface MediaTime {
  /** Start. */
  start: number;
  /** End. */
  end: number;
}

/** A CLAN media link, `610195_610608` (often between U+0015 bullets): metadata, never notation. */
export interface Timecode extends Literal {
  /** Node type. */
  type: 'timecode';
  /** Start, in milliseconds. */
  from: number;
  /** End, in milliseconds. */
  to: number;
}

/** Lines the quoting author left out (`……` or `[…]` on a line of its own). */
export interface OmissionLine extends Literal {
  /** Node type. */
  type: 'omissionLine';
}

/** Plain talk. */
export interface Text extends Literal {
  /** Node type. */
  type: 'text';
}

/** Spaces and tabs; printed alignment is not meaningful, the renderer aligns overlaps itself. */
export interface Whitespace extends Literal {
  /** Node type. */
  type: 'whitespace';
}

/** A timed pause within a turn, `(0.5)`. */
export interface Pause extends Literal {
  /** Node type. */
  type: 'pause';
  /** Length in seconds. */
  seconds: number;
}

/** A pause too short to time, `(.)`. */
export interface Micropause extends Literal {
  /** Node type. */
  type: 'micropause';
}

/** Pitch movement at the end of a unit: `.` `,` `?` `¿` (or `?,`), or animated delivery `!`. */
export interface Intonation extends Literal {
  /** Node type. */
  type: 'intonation';
  /** The contour the mark stands for. */
  contour: 'falling' | 'continuing' | 'rising' | 'slight-rise' | 'animated';
}

/** A stretched sound, `:` after it; more colons, longer. */
export interface Lengthening extends Literal {
  /** Node type. */
  type: 'lengthening';
  /** Number of colons. */
  length: number;
}

/** No gap between two stretches of talk, `=`. */
export interface Latching extends Literal {
  /** Node type. */
  type: 'latching';
}

/** A word broken off, `wo-` or `jus–`. */
export interface Cutoff extends Literal {
  /** Node type. */
  type: 'cutoff';
}

/** The start of a word left out in speech, the apostrophe of `‘rd`. */
export interface Elision extends Literal {
  /** Node type. */
  type: 'elision';
}

/** Audible breathing: `hhh` out, `.hhh` or `·hhh` in. */
export interface Breath extends Literal {
  /** Node type. */
  type: 'breath';
  /** `out` for `hhh`, `in` for `.hhh`. */
  direction: 'in' | 'out';
  /** Number of `h`s: the longer the breath, the more. */
  length: number;
}

/** A laughter particle: `heh`, `huh`, `hah`, `hih`. */
export interface Laughter extends Literal {
  /** Node type. */
  type: 'laughter';
}

/** Laughter or breathiness inside a word, `(h)` as in `wo(h)rd`. */
export interface LaughInWord extends Literal {
  /** Node type. */
  type: 'laughInWord';
}

/** A word said especially loudly, written in capitals. */
export interface Loud extends Literal {
  /** Node type. */
  type: 'loud';
}

/** Talk the transcriber was unsure of: `(word)`, or `(word/ward)` for rival hearings. */
export interface Uncertain extends Literal {
  /** Node type. */
  type: 'uncertain';
  /** The best guesses, in written order; more than one for `(word/ward)`. */
  hearings: string[];
}

/** Talk that could not be made out: `(X)`, `( )`, or a bare `X` as the article prints inside `[X X]`. */
export interface Inaudible extends Literal {
  /** Node type. */
  type: 'inaudible';
}

/** The transcriber's description of a sound or action, `((coughs))`. */
export interface Comment extends Literal {
  /** Node type. */
  type: 'comment';
  /** The description, without the double parentheses. */
  text: string;
}

/** Talk the quoting author left out, `[…]`, or an ellipsis `…` where a quote starts or trails off. */
export interface Omission extends Literal {
  /** Node type. */
  type: 'omission';
  /** `bracketed` for `[…]`, `ellipsis` for `…` or `...`. */
  form: 'bracketed' | 'ellipsis';
}

/** Words the quoting author added, `[she]`. */
export interface Editorial extends Literal {
  /** Node type. */
  type: 'editorial';
  /** The added words, without brackets. */
  text: string;
}

/** Kinds of stretch that a pair of markers opens and closes. */
export type SpanKind = 'overlap' | 'quiet' | 'whisper' | 'fast' | 'slow' | 'emphasis' | 'smile' | 'creaky' | 'wobbly' | 'high-pitch' | 'low-pitch' | 'uncertain';

/** One edge of a stretch of talk (`[`, `]`, `⌈`, `⌊`, `°`, `>`, `<`, `_`, `£`, `#`, `~`, paired `↑`/`↓`, the `(` `)` of a hearing with notation inside, or the invisible edge of a combining underline, whose `value` is empty). */
export interface Marker extends Literal {
  /** Node type. */
  type: 'marker';
  /** Which kind of stretch it delimits. */
  span: SpanKind;
  /** Whether it opens or closes the stretch. */
  edge: 'open' | 'close';
  /** Identifier, unique within the transcript, counting markers in document order from 0. */
  id: number;
  /** `id` of the marker at the other edge, or `undefined` when the stretch is left open (or was never opened). */
  partner: number | undefined;
  /** For an overlap onset: `id` of the onset on the other speaker's line it is aligned under. */
  answers?: number;
}

/** A marked step up or down in pitch on the next sound, a lone `↑` or `↓`. */
export interface PitchStep extends Literal {
  /** Node type. */
  type: 'pitchStep';
  /** Up for `↑`, down for `↓`. */
  direction: 'up' | 'down';
}

/** A lone `<` before talk that starts in a rush. */
export interface HurriedStart extends Literal {
  /** Node type. */
  type: 'hurriedStart';
}

/** Nodes that make up a line. */
export type PhrasingContent =
  | Text
  | Whitespace
  | Pause
  | Micropause
  | Intonation
  | Lengthening
  | Latching
  | Cutoff
  | Elision
  | Breath
  | Laughter
  | LaughInWord
  | Loud
  | Uncertain
  | Inaudible
  | Comment
  | Omission
  | Editorial
  | Marker
  | PitchStep
  | HurriedStart
  | Timecode;

/** Nodes directly under the root. */
export type TranscriptContent = Turn | Silence | OmissionLine;

/** Every node in the tree. */
export type Node = Transcript | TranscriptContent | Line | PhrasingContent;

/** One line as the rest of the app stores it (an excerpt's `lines` entry, speaker id already mapped to its printed label). */
export interface TranscriptLineInput {
  /** A line of talk, a silence on its own line, or a mark of omitted lines. */
  kind: 'turn' | 'silence' | 'omission';
  /** Printed label (`Client`); absent on a `turn` that continues the previous speaker on a new printed line. */
  speaker?: string;
  /** The line exactly as printed, in Jefferson notation. */
  text: string;
  /** The line number the source prints, when it prints one; later lines count on from it. */
  number?: number;
}
