/**
 * `plot`: resolves each mark's channels over its data, renders the marks in order and wraps
 * them in an accessible `<svg role="img">` whose `<title>` and `<desc>` name and describe it.
 */
import type { Element, ElementContent } from 'hast';
import type { Properties } from 'hastscript';
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from './types.ts';

export interface PlotOptions {
  /** Prefix of every id in the figure; must be unique on the page. */
  id: string;
  title: string;
  description: string;
  dimensions: Dimensions;
  scales: Scales;
  marks: readonly (Mark | null | undefined | false)[];
  /** `<defs>` content such as patterns. */
  defs?: readonly Element[];
  className?: string;
  /** Extra properties of the `<svg>`, e.g. `data-highlight`. */
  properties?: Properties;
}

export const defaults = { fontSize: 14, className: 'cb-svg' } as const;

export function plot(options: PlotOptions): Element {
  const { id, title, description, dimensions, scales, marks, defs = [], properties = {} } = options;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const children: ElementContent[] = [s('title', { id: titleId }, title), s('desc', { id: descId }, description)];
  if (defs.length > 0) children.push(s('defs', [...defs]));
  for (const mark of marks) {
    if (!mark) continue;
    const channels: ChannelValues = {};
    for (const [name, read] of Object.entries(mark.channels)) if (read) channels[name] = mark.data.map((datum, i) => read(datum, i));
    const index = mark.data.map((_, i) => i);
    const element = mark.render(index, scales, channels, dimensions);
    if (element) children.push(element);
  }
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      className: [defaults.className, ...(options.className ? options.className.split(/\s+/) : [])],
      viewBox: `0 0 ${dimensions.width} ${dimensions.height}`,
      width: dimensions.width,
      height: dimensions.height,
      fontSize: defaults.fontSize,
      role: 'img',
      ariaLabelledby: titleId,
      ariaDescribedby: descId,
      ...properties,
    },
    children,
  );
}

/** Margins all zero unless given. */
export function dimensions(width: number, height: number, margins: Partial<Omit<Dimensions, 'width' | 'height'>> = {}): Dimensions {
  return { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, ...margins };
}
