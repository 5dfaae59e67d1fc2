/**
 * A transcript's HTML, rendered once per distinct input. The same excerpt is printed on its
 * permalink, its subtheme pages, its session page and in chapters; parsing and serialising
 * it again for each was most of the build's time at scale (see bench/results.md).
 */
import { lastLineNumber, parseTranscript, toHtml, type Mode, type TranscriptLineInput } from '../../ca/index.ts';

export interface TranscriptHtmlOptions {
  id: string;
  mode: Mode;
  lineNumbers: boolean;
  legend: boolean;
  /** The number printed on the first line (see `ToHastOptions.firstLine`). */
  firstLine?: number | undefined;
  /** Capitalised words that are acronyms, not loud talk (the study's and the excerpt's). */
  notLoud?: readonly string[] | undefined;
}

/**
 * Bounded because a study of thousands of excerpts prints most of them in full only on
 * their own pages (longer lists show summaries), so holding every transcript would cost
 * hundreds of megabytes for little reuse; a dev server editing for hours stays bounded too.
 */
const capacity = 2_000;
const rendered = new Map<string, string>();

export function transcriptHtml(lines: readonly TranscriptLineInput[], options: TranscriptHtmlOptions): string {
  // The key is the whole input, so an edited excerpt can never be served from the cache.
  const key = JSON.stringify([options.id, options.mode, options.lineNumbers, options.legend, options.firstLine ?? 1, options.notLoud ?? [], lines]);
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const { tree } = parseTranscript(lines, { mode: options.mode, notLoud: options.notLoud ?? [] });
  const html = toHtml(tree, { idPrefix: options.id, lineNumbers: options.lineNumbers, legend: options.legend, firstLine: options.firstLine ?? 1 });
  if (rendered.size >= capacity) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}

/**
 * Line numbers that run on across excerpts shown together: the number each excerpt's first
 * line carries when `transcripts` are printed in this order, one after another. An excerpt
 * that carries its source's own line numbers keeps them (it is cited by them), and the
 * excerpts after it run on from the higher of the two.
 */
export function continuedNumbering(transcripts: readonly { id: string; lines: readonly TranscriptLineInput[]; mode: Mode }[]): Map<string, number> {
  const firstLines = new Map<string, number>();
  let next = 1;
  for (const transcript of transcripts) {
    const last = lastLineNumber(parseTranscript([...transcript.lines], { mode: transcript.mode }).tree);
    if (transcript.lines.some((line) => line.number !== undefined)) {
      firstLines.set(transcript.id, 1);
      next = Math.max(next, last + 1);
    } else {
      firstLines.set(transcript.id, next);
      next += last;
    }
  }
  return firstLines;
}
