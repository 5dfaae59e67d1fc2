/**
 * The projector view: one slide per screen in type as large as fits, lines revealed one at a
 * time, the analysis on demand and a class timer. The page is a plain readable document
 * until this runs (every slide, every line and every analysis in a disclosure), so without
 * JavaScript nothing is lost but the stepping.
 *
 * Keys: → ↓ Space PageDown next line (then next slide); ← ↑ PageUp back; Home/End first or
 * every line of the slide; A analysis; T start/pause the timer; Escape closes the analysis,
 * else leaves the projector view.
 */

/** Smallest and largest type of a slide, in CSS pixels; the largest that fits is chosen. */
const MIN_SIZE = 28;
const MAX_SIZE = 72;

interface Slide {
  element: HTMLElement;
  steps: HTMLElement[];
  analysis: HTMLDetailsElement | null;
  /** Minutes of the lesson-plan activity this slide stands for (the timer starts from them). */
  minutes: number | undefined;
}

function formatClock(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '+' : '';
  const seconds = Math.abs(totalSeconds);
  const minutes = Math.floor(seconds / 60);
  return `${sign}${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A countdown from a number of minutes; past zero it counts the overrun (shown as "+m:ss"). */
class Timer {
  private remainingMs: number;
  private startedAt: number | undefined;
  private tick: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private minutes: number,
  ) {
    this.remainingMs = minutes * 60_000;
    root.querySelector('[data-timer-toggle]')?.addEventListener('click', () => this.toggle());
    root.querySelector('[data-timer-reset]')?.addEventListener('click', () => this.reset(this.minutes));
    this.render();
  }

  get running(): boolean {
    return this.startedAt !== undefined;
  }

  toggle(): void {
    if (this.startedAt === undefined) {
      this.startedAt = Date.now();
      this.tick = window.setInterval(() => this.render(), 250);
    } else {
      this.remainingMs -= Date.now() - this.startedAt;
      this.startedAt = undefined;
      window.clearInterval(this.tick);
    }
    this.render();
  }

  reset(minutes: number): void {
    if (this.running) this.toggle();
    this.minutes = minutes;
    this.remainingMs = minutes * 60_000;
    this.render();
  }

  private render(): void {
    const left = this.remainingMs - (this.startedAt === undefined ? 0 : Date.now() - this.startedAt);
    const seconds = left >= 0 ? Math.ceil(left / 1000) : -Math.floor(-left / 1000);
    const clock = this.root.querySelector<HTMLElement>('[data-timer-clock]');
    if (clock) clock.textContent = formatClock(seconds);
    this.root.classList.toggle('projector-timer--over', left < 0);
    const toggle = this.root.querySelector<HTMLButtonElement>('[data-timer-toggle]');
    if (toggle) toggle.textContent = this.running ? 'Pause timer' : 'Start timer';
  }
}

/** Sets the largest type size, between MIN_SIZE and MAX_SIZE, at which the slide fits its box. */
function fit(slide: HTMLElement): void {
  const fits = () => slide.scrollHeight <= slide.clientHeight && slide.scrollWidth <= slide.clientWidth;
  let low = MIN_SIZE;
  let high = MAX_SIZE;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    slide.style.setProperty('--projector-size', `${middle}px`);
    if (fits()) low = middle;
    else high = middle - 1;
  }
  slide.style.setProperty('--projector-size', `${low}px`);
}

export function initProjector(root: HTMLElement): void {
  const slides: Slide[] = [...root.querySelectorAll<HTMLElement>('[data-slide]')].map((element) => ({
    element,
    steps: [...element.querySelectorAll<HTMLElement>('.ca-line, [data-step]')],
    analysis: element.querySelector<HTMLDetailsElement>('details[data-slide-analysis]'),
    minutes: element.dataset.minutes === undefined ? undefined : Number(element.dataset.minutes),
  }));
  if (slides.length === 0) return;
  const status = root.querySelector<HTMLElement>('[data-projector-status]');
  const analysisButton = root.querySelector<HTMLButtonElement>('[data-projector-analysis]');
  const timerRoot = root.querySelector<HTMLElement>('[data-timer]');
  const timer = timerRoot ? new Timer(timerRoot, Number(timerRoot.dataset.minutes)) : undefined;
  const exit = root.dataset.exit;

  let current = 0;
  let shown = 0;

  const render = () => {
    slides.forEach((slide, index) => {
      slide.element.hidden = index !== current;
    });
    const slide = slides[current]!;
    slide.steps.forEach((step, index) => step.classList.toggle('projector-step--hidden', index >= shown));
    fit(slide.element);
    const analysisOpen = slide.analysis?.open ?? false;
    if (analysisButton) {
      analysisButton.hidden = slide.analysis === null;
      analysisButton.setAttribute('aria-pressed', String(analysisOpen));
    }
    if (status) {
      const title = slide.element.dataset.title ?? '';
      const progress = slide.steps.length > 0 ? ` · ${shown} of ${slide.steps.length} shown` : '';
      status.textContent = `${current + 1} / ${slides.length}: ${title}${progress}`;
    }
  };

  const go = (index: number, reveal: 'none' | 'all') => {
    current = index;
    const slide = slides[current]!;
    shown = reveal === 'all' ? slide.steps.length : 0;
    if (slide.analysis) slide.analysis.open = false;
    if (slide.minutes !== undefined) timer?.reset(slide.minutes);
    render();
  };

  const next = () => {
    if (shown < slides[current]!.steps.length) {
      shown += 1;
      render();
    } else if (current < slides.length - 1) go(current + 1, 'none');
  };
  const previous = () => {
    if (shown > 0) {
      shown -= 1;
      render();
    } else if (current > 0) go(current - 1, 'all');
  };
  const toggleAnalysis = () => {
    const analysis = slides[current]!.analysis;
    if (!analysis) return;
    analysis.open = !analysis.open;
    render();
  };

  root.querySelector('[data-projector-next]')?.addEventListener('click', next);
  root.querySelector('[data-projector-previous]')?.addEventListener('click', previous);
  analysisButton?.addEventListener('click', toggleAnalysis);
  for (const slide of slides) slide.analysis?.addEventListener('toggle', render);

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    // Space and Enter on a focused control belong to that control.
    const onControl = target?.closest('button, a, summary, input, select, textarea') !== null && target !== null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        next();
        break;
      case ' ':
        if (onControl) return;
        next();
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        previous();
        break;
      case 'Home':
        go(current, 'none');
        break;
      case 'End':
        shown = slides[current]!.steps.length;
        render();
        break;
      case 'a':
      case 'A':
        toggleAnalysis();
        break;
      case 't':
      case 'T':
        timer?.toggle();
        break;
      case 'Escape': {
        const analysis = slides[current]!.analysis;
        if (analysis?.open) {
          analysis.open = false;
          render();
        } else if (exit) window.location.assign(exit);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });

  window.addEventListener('resize', render);
  document.documentElement.classList.add('projecting');
  root.querySelector<HTMLElement>('[data-projector-bar]')?.removeAttribute('hidden');
  go(0, 'none');
}
