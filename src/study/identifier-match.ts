/**
 * Finds a private name however it is written. A text is first brought to the form in which
 * names are compared, undoing the ways a name reaches a page in another form:
 *
 *  - HTML character references, named or numeric (`&euml;`, `&#67;`, `&#x43;`), decoded
 *    with the `entities` package as a browser would;
 *  - percent-encoded bytes of a URL (`Zo%C3%AB`), and JSON string escapes (`\u0043`, `\n`)
 *    as written in JSON-LD, downloads and the search index;
 *  - Unicode normalisation, diacritics and case (NFKD, combining marks dropped, a few
 *    letters NFKD keeps whole mapped: ß, ø, ł, æ…), so `ZOË`, `Zoë` (one code point or two),
 *    `Zoe` and full-width `Ｚｏｅ` are one word;
 *  - default-ignorable characters (soft hyphen, zero-width space and joiner, BOM…) removed.
 *
 * Markup, emphasis and transcription notation may sit inside a word (`Co<b>si</b>ma`,
 * `Co_sima`, `Co::sima`, `Cos(h)ima`) or between words (`<p>Cosima</p>`, `_Cosima_`,
 * `Note:Cosima`); one text cannot read both, so it is searched twice: as it is (where they
 * separate words) and *joined*, with tags and notation marks removed. A name found in either
 * is a hit.
 *
 * A term's words match with anything but letters and digits between them, or nothing
 * (`Anne-Marie`, `Anne Marie`, `Anne\n Marie`, `annemarie` in a URL), and a name of several
 * words also as its first initial and the rest (`Z. Ortiz`) or the rest and its last initial
 * (`Zoë O.`). Terms match whole words only: `Ana` does not find `Anaïs` or `banana`.
 *
 * Speed: the fast pass (`test`) is a handful of native whole-string operations and one
 * combined pattern for all terms, so a whole built site is read in well under a second.
 * Only a text with a hit is read again code point by code point, with a map back to its own
 * offsets, to say where the name is (`find`).
 */
import { decodeHTML } from 'entities';

export interface MatchTerm {
  /** The term as listed. */
  term: string;
  /** Its words as matching reads them. */
  words: string[];
}

/** A hit located in the original text. */
export interface MatchHit {
  term: MatchTerm;
  /** UTF-16 offsets of the hit in the original text. */
  start: number;
  end: number;
}

/** Letters NFKD leaves whole, spelled as they are usually written without their mark; final sigma as sigma. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŀ: 'l',
  Ŀ: 'l',
  ς: 'σ',
};
const lettersPattern = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
/** Combining marks (accents, after NFKD) and default-ignorable characters (soft hyphen, zero-width space and joiner, word joiner, BOM…). */
const invisible = /[\p{M}\p{Default_Ignorable_Code_Point}]+/gu;
const trailing = /[\p{M}\p{Default_Ignorable_Code_Point}]/u;

function decodePercent(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not UTF-8: decode byte by byte, as Latin-1.
    return run.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

function decodeJsonEscape(escape: string): string {
  const kind = escape[1]!;
  if (kind === 'u' || kind === 'U') return String.fromCharCode(Number.parseInt(escape.slice(2), 16));
  return ' ';
}

type Replacer = string | ((match: string) => string);
interface Step {
  pattern: RegExp;
  replace: Replacer;
}

/** Decoding, the same in both passes. A decoded reference that yields another (`&amp;#67;`) is decoded once, as a browser does. */
const decoding: Step[] = [
  { pattern: /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/gi, replace: (entity) => decodeHTML(entity) },
  { pattern: /(?:%[\da-f]{2})+/gi, replace: decodePercent },
  { pattern: /\\(?:u[\da-f]{4}|[nrtbf])/gi, replace: decodeJsonEscape },
  { pattern: lettersPattern, replace: (letter) => LETTERS[letter]! },
];

/**
 * Removed for the joined text: tags, laughter particles and the marks that emphasis, markup
 * and transcription notation put inside a word (cut-off `-`, prolongation `:`, emphasis `_`
 * and `*`, pitch arrows, quiet `°`, smile voice `£`, pace `<>`, latching `=`, apostrophes).
 * In the spaced text each of them separates words.
 */
const joining: Step[] = [
  { pattern: /<\/?[a-z][^<>]*>/g, replace: '' },
  { pattern: /\(h+\)/g, replace: '' },
  { pattern: /[-_*:'‘’ʼ`´↑↓^°£~<>=¨|\u2010-\u2015]+/g, replace: '' },
];

/** The fast pass: whole-string normalisation and case folding, natively. */
function folded(text: string): string {
  let result = text;
  for (const step of decoding) result = result.replace(step.pattern, step.replace as string);
  // After lower-casing, the final sigma a capital sigma may have become.
  return result.normalize('NFKD').replace(invisible, '').toLowerCase().replaceAll('ς', 'σ');
}

function joined(foldedText: string): string {
  let result = foldedText;
  for (const step of joining) result = result.replace(step.pattern, step.replace as string);
  return result;
}

/**
 * The same text as `folded` makes it, code point by code point, with for each character
 * where it came from in the original (for the texts the fast pass found a name in).
 * NFKD and lower-casing of a code point alone give the same letters as of the whole text:
 * NFKD's reordering moves only marks, which are dropped, and the one letter whose case
 * depends on its neighbours (sigma) is folded to one form.
 */
const perCodePoint: Step[] = [
  ...decoding,
  {
    pattern: /[^\x00-\x7f]/gu,
    replace: (char) => char.normalize('NFKD').replace(invisible, '').toLowerCase().replaceAll('ς', 'σ'),
  },
  { pattern: /[A-Z]+/g, replace: (letters) => letters.toLowerCase() },
];

function mapped(text: string, steps: readonly Step[], starts: number[], ends: number[]): { text: string; starts: number[]; ends: number[] } {
  let current = text;
  for (const step of steps) {
    let next = '';
    const nextStarts: number[] = [];
    const nextEnds: number[] = [];
    let last = 0;
    const copy = (from: number, to: number) => {
      next += current.slice(from, to);
      for (let index = from; index < to; index += 1) {
        nextStarts.push(starts[index]!);
        nextEnds.push(ends[index]!);
      }
    };
    step.pattern.lastIndex = 0;
    for (const match of current.matchAll(step.pattern)) {
      copy(last, match.index);
      const replacement = typeof step.replace === 'string' ? step.replace : step.replace(match[0]);
      next += replacement;
      for (let index = 0; index < replacement.length; index += 1) {
        nextStarts.push(starts[match.index]!);
        nextEnds.push(ends[match.index + match[0].length - 1]!);
      }
      last = match.index + match[0].length;
    }
    copy(last, current.length);
    current = next;
    starts = nextStarts;
    ends = nextEnds;
  }
  return { text: current, starts, ends };
}

function identity(text: string) {
  return { text, starts: Array.from({ length: text.length }, (_, index) => index), ends: Array.from({ length: text.length }, (_, index) => index + 1) };
}

/** A term's words as matching reads them. */
export function termWords(term: string): string[] {
  return folded(term)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The ways a term's words may be written: with or without anything but letters and digits
 * between them (a space, a line break, a hyphen, a full stop, none), whole, or with the first
 * or last word as its initial.
 */
function termSources(words: readonly string[]): string[] {
  const join = (parts: readonly string[]) => parts.map(escape).join('[^\\p{L}\\p{N}]{0,8}');
  const sources = [join(words)];
  if (words.length >= 2) {
    sources.push(join([words[0]![0]!, ...words.slice(1)]));
    sources.push(join([...words.slice(0, -1), words.at(-1)![0]!]));
  }
  return sources;
}

const bounded = (body: string) => `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`;

export class IdentifierMatcher {
  readonly terms: MatchTerm[];
  /** All terms in one pattern, for the pass over every text. */
  private readonly any: RegExp | undefined;
  private readonly each: { term: MatchTerm; pattern: RegExp }[];

  constructor(terms: readonly string[]) {
    this.terms = terms.map((term) => ({ term, words: termWords(term) })).filter((term) => term.words.length > 0);
    this.each = this.terms.map((term) => ({ term, pattern: new RegExp(bounded(termSources(term.words).join('|')), 'gu') }));
    // Longer alternatives first, so a phrase is found whole rather than as its first word.
    const sources = this.terms.flatMap((term) => termSources(term.words)).sort((a, b) => b.length - a.length);
    this.any = sources.length > 0 ? new RegExp(bounded(sources.join('|')), 'u') : undefined;
  }

  /** Whether the text holds any term, as it is or joined: the fast pass. */
  test(text: string): boolean {
    if (!this.any) return false;
    const spaced = folded(text);
    return this.any.test(spaced) || this.any.test(joined(spaced));
  }

  /** Every hit with its place in the original text (slower; for texts `test` found a term in). */
  find(text: string): MatchHit[] {
    if (!this.any) return [];
    const hits: MatchHit[] = [];
    const spaced = mapped(text, perCodePoint, identity(text).starts, identity(text).ends);
    for (const skeleton of [spaced, mapped(spaced.text, joining, spaced.starts, spaced.ends)]) {
      for (const { term, pattern } of this.each) {
        pattern.lastIndex = 0;
        for (const match of skeleton.text.matchAll(pattern)) {
          const start = skeleton.starts[match.index]!;
          let end = skeleton.ends[match.index + match[0].length - 1]!;
          // A combining accent or an invisible character after the last letter belongs to the name.
          while (end < text.length && trailing.test(text[end]!)) end += 1;
          hits.push({ term, start, end });
        }
      }
    }
    // The same name found as it is and joined, or a listed name inside a longer listed phrase
    // (`Cosima` in `Cosima Ortiz`), is reported once, as the longest.
    const longest = hits.filter((hit, index) => !hits.some((other, at) => other.start <= hit.start && hit.end <= other.end && (other.end - other.start > hit.end - hit.start || at < index)));
    return longest.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Whether two texts are the same term as matching reads them (for allowances). */
  static same(a: string, b: string): boolean {
    return termWords(a).join('') === termWords(b).join('');
  }
}
