/**
 * What a transcript figure adds with JavaScript (Transcript.astro); without it the figure
 * is complete: every line's number is a link to that line, and a linked line is
 * highlighted by `:target`.
 *  - "Copy transcript" copies the whole excerpt as aligned Jefferson text: line numbers as
 *    printed, labels padded to one column, talk and symbols as typed.
 *  - A link naming a range of lines, `?lines=3-5#transcript-…-line-3`, highlights lines 3
 *    to 5 of that transcript (the first transcript on the page without a fragment).
 */
import { parseLineRange } from '../../site/citation.ts';

/** The text a reader sees on one line, without the spoken names and tooltips that are only for assistive technology. */
function lineText(line: Element): { number: string; text: string } {
  const copy = line.cloneNode(true) as Element;
  for (const added of copy.querySelectorAll('.ca-sr, .ca-tip, .ca-n')) added.remove();
  return { number: line.querySelector('.ca-n')?.textContent ?? '', text: (copy.textContent ?? '').replace(/\s+$/u, '') };
}

/** The whole transcript as aligned plain text, one printed line a line. */
export function transcriptText(transcript: Element): string {
  const lines = [...transcript.querySelectorAll('.ca-line')].map(lineText);
  const width = Math.max(0, ...lines.map((line) => line.number.length));
  return lines.map((line) => (width === 0 ? line.text : `${line.number.padStart(width)}  ${line.text}`)).join('\n');
}

/** Highlight the lines a `?lines=` link names; returns the transcript and range, or undefined. */
export function highlightCitedLines(): { transcript: Element; first: number; last: number } | undefined {
  const range = parseLineRange(new URLSearchParams(window.location.search).get('lines'));
  for (const line of document.querySelectorAll('.ca-line--cited')) line.classList.remove('ca-line--cited');
  if (!range) return undefined;
  const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  const transcript = target?.closest('.ca-transcript') ?? document.querySelector('.ca-transcript');
  if (!transcript) return undefined;
  for (const line of transcript.querySelectorAll('.ca-line')) {
    const number = Number(line.querySelector('.ca-n')?.textContent ?? Number.NaN);
    if (number >= range.first && number <= range.last) line.classList.add('ca-line--cited');
  }
  return { transcript, ...range };
}

export function initTranscriptTools(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-ca-copy]')) button.hidden = false;
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-ca-copy]');
    const transcript = button && document.getElementById(button.dataset.caCopy ?? '')?.querySelector('.ca-transcript');
    if (!button || !transcript) return;
    const status = button.parentElement?.querySelector<HTMLElement>('[data-ca-copy-status]');
    try {
      await navigator.clipboard.writeText(transcriptText(transcript));
      if (status) status.textContent = 'Transcript copied to the clipboard.';
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the lines instead.
      const range = document.createRange();
      range.selectNodeContents(transcript.querySelector('.ca-lines') ?? transcript);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      if (status) status.textContent = 'Transcript selected: press Ctrl+C or ⌘C to copy it.';
    }
  });
  highlightCitedLines();
  window.addEventListener('hashchange', () => highlightCitedLines());
}
