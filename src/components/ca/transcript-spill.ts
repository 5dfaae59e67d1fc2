/**
 * Long transcripts beside the "On this page" list (Base.astro). On a desktop screen a page
 * with its contents in the margin gives its text column about 830 px, and a CA transcript
 * line never wraps (wrapping loses the alignment of overlaps), so a transcript of ~100
 * characters a line used to scroll inside its figure there. With this script such a
 * transcript may take the margin column's width as well (`data-ca-spill` on the grid,
 * global.css), and the margin list fades out of the way (`data-ca-yield`; its links stay
 * in the tab order) while a transcript that uses it passes beside the list, coming back
 * as soon as the transcript has scrolled past, or when a reader tabs into it. Without JavaScript the transcript keeps
 * to the text column and scrolls sideways inside itself, as on a phone.
 */
export function initTranscriptSpill(): void {
  const grid = document.querySelector<HTMLElement>('.with-contents--listed');
  const body = grid?.querySelector<HTMLElement>('.with-contents__body');
  const list = grid?.querySelector<HTMLElement>('.page-contents--margin');
  if (!grid || !body || !list || !grid.querySelector('.ca-transcript--transcript')) return;
  grid.setAttribute('data-ca-spill', '');
  let wide: HTMLElement[] = [];
  let frame = 0;
  const update = () => {
    frame = 0;
    const margin = list.getBoundingClientRect();
    const beside =
      getComputedStyle(list).display !== 'none' &&
      wide.some((figure) => {
        const box = figure.getBoundingClientRect();
        return box.bottom > margin.top && box.top < margin.bottom;
      });
    list.toggleAttribute('data-ca-yield', beside);
  };
  const measure = () => {
    const edge = body.getBoundingClientRect().right;
    wide = [...grid.querySelectorAll<HTMLElement>('.ca-transcript--transcript')].filter((figure) => figure.getBoundingClientRect().right > edge + 1);
    update();
  };
  window.addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  window.addEventListener('resize', measure);
  // Web fonts and late layout change the transcripts' widths.
  window.addEventListener('load', measure);
  measure();
}
