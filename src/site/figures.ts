/**
 * Charts are numbered figures: every chart on a page gets "Figure n." before its caption,
 * in the order of the page, and each `<FigureRef id>` becomes "Figure n" for the chart
 * given that id. Numbers are assigned per page, after the page is rendered (components
 * render concurrently, and a reference may come before its figure), by filling in the
 * empty markers ChartFigure.astro and FigureRef.astro leave.
 */

/** The element id of a figure named `id` on its page. */
export function figureAnchor(id: string): string {
  return `figure-${id}`;
}

// A chart without an id has no data-figure-id (Astro writes an empty attribute without its value).
const numberMarker = /<span class="cb-figure__number"(?: data-figure-id(?:="([^"]*)")?)?><\/span>/g;
const refMarker = /<a class="figure-ref" href="([^"]*)" data-figure-ref="([^"]*)">Figure<\/a>/g;

export class UnknownFigureError extends Error {
  constructor(id: string, known: readonly string[], page: string) {
    super(
      `<FigureRef id="${id}"> on ${page}: no chart on this page has that id (figures are numbered per page).\n` +
        `${known.length > 0 ? `The page's figures: ${known.map((name) => `"${name}"`).join(', ')}.` : 'No chart on this page has an id.'}\n` +
        'Give the chart an id (<Chart name="…" id="…" />), or refer to one on this page; `npm run check` shows where.',
    );
    this.name = 'UnknownFigureError';
  }
}

/** The page's HTML with its figures numbered and its figure references filled in. */
export function numberFigures(html: string, page: string): string {
  if (!html.includes('cb-figure__number') && !html.includes('data-figure-ref')) return html;
  const numbers = new Map<string, number>();
  let count = 0;
  const numbered = html.replace(numberMarker, (_, id: string | undefined) => {
    count += 1;
    if (id) numbers.set(id, count);
    return `<span class="cb-figure__number">Figure ${count}.</span>`;
  });
  return numbered.replace(refMarker, (_, target: string, id: string) => {
    const number = numbers.get(id);
    if (number === undefined) throw new UnknownFigureError(id, [...numbers.keys()], page);
    return `<a class="figure-ref" href="${target}">Figure&nbsp;${number}</a>`;
  });
}
