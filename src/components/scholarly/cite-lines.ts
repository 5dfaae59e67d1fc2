/**
 * The "Cite lines" form (CiteLines.astro): reads a line range, puts it in the address
 * (`?lines=3-5#…-line-3`, so the link highlights the lines) and rewrites the page's own
 * citation (CiteThis's "page" entry) in APA, BibTeX and RIS with the unit and the lines.
 */
import { apaPage, lineLabel, parseLineRange, type PageCitation, type RichText } from '../../site/citation.ts';
import { bibtexPage } from '../../site/citation-bibtex.ts';
import { risPage } from '../../site/citation-ris.ts';
import { highlightCitedLines } from '../ca/transcript-tools.ts';

interface Data {
  title: string;
  medium?: string;
  unit?: string;
  transcript: string;
  key: string;
  siteName: string;
  url: string;
}

function richText(target: HTMLElement, spans: RichText): void {
  target.replaceChildren(
    ...spans.map((span) => {
      if (span.href) {
        const link = document.createElement('a');
        link.href = span.href;
        link.rel = 'noopener';
        link.textContent = span.text;
        return link;
      }
      if (span.italic) {
        const italic = document.createElement('i');
        italic.textContent = span.text;
        return italic;
      }
      return document.createTextNode(span.text);
    }),
  );
}

function cite(data: Data, range: { first: number; last: number } | undefined): void {
  const url = range ? `${data.url}?lines=${String(range.first)}-${String(range.last)}#${data.transcript}-line-${String(range.first)}` : data.url;
  const page: PageCitation = {
    title: data.title,
    siteName: data.siteName,
    url,
    ...(data.medium ? { medium: data.medium } : {}),
    ...(range ? { lines: { ...range, ...(data.unit ? { unit: data.unit } : {}) } } : {}),
  };
  const apa = document.getElementById('cite-this-page-apa');
  const bibtex = document.getElementById('cite-this-page-bibtex');
  const ris = document.getElementById('cite-this-page-ris');
  if (apa) richText(apa, apaPage(page));
  if (bibtex) bibtex.textContent = bibtexPage(page, range ? `${data.key}-${String(range.first)}-${String(range.last)}` : data.key);
  if (ris) ris.textContent = risPage(page);
}

export function initCiteLines(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-cite-lines]');
  if (!form) return;
  const data = JSON.parse(form.dataset.citeLines ?? '{}') as Data;
  const input = form.querySelector<HTMLInputElement>('input[name="lines"]');
  const status = form.querySelector<HTMLElement>('[data-cite-lines-status]');
  form.hidden = false;
  // Arriving from "Cite lines" under the excerpt elsewhere (a chapter, a theme page): the form, ready to type in.
  // After the page's load, when the browser has scrolled to the fragment (which would take the focus back).
  if (window.location.hash === `#${form.id}` && input) {
    const ready = () =>
      setTimeout(() => {
        form.scrollIntoView({ block: 'center' });
        input.focus({ preventScroll: true });
      });
    if (document.readyState === 'complete') ready();
    else window.addEventListener('load', ready, { once: true });
  }
  const shown = highlightCitedLines();
  const initial = shown && shown.transcript.closest('figure')?.id === data.transcript ? shown : undefined;
  if (initial) {
    cite(data, initial);
    if (input) input.value = `${String(initial.first)}–${String(initial.last)}`;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const range = parseLineRange(input?.value);
    if (!range) return;
    const address = new URL(window.location.href);
    address.searchParams.set('lines', `${String(range.first)}-${String(range.last)}`);
    address.hash = `${data.transcript}-line-${String(range.first)}`;
    window.history.replaceState(null, '', address);
    highlightCitedLines();
    cite(data, range);
    if (status) status.textContent = `The citations below now cite ${lineLabel(range)}.`;
  });
}
