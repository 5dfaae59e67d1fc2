/**
 * `swatches`: a legend laid out left to right in viewBox units, wrapping to a new line when
 * the next item would not fit. Each item is a small rect (its fill may be a pattern) and a
 * label, so meaning never rests on colour alone.
 */
import type { Properties } from 'hastscript';
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';
import { textWidth } from '../text-layout.ts';

export interface SwatchItem {
  label: string;
  /** Properties of the swatch rect (fill, class, stroke…). */
  swatch: Properties;
  /** Optional symbol path drawn instead of a rect (d3 symbol path, centred on 0,0). */
  path?: string;
}

export interface SwatchesOptions {
  x: number;
  y: number;
  /** Right edge to wrap at. */
  width: number;
  fontSize?: number;
  className?: string;
}

export const defaults = { size: 14, gap: 16, labelGap: 5, lineHeight: 22, fontSize: 14 } as const;

/** Lays the items out; also used to know the legend's height before drawing. */
export function layoutSwatches(items: readonly SwatchItem[], { x, y, width, fontSize = defaults.fontSize }: SwatchesOptions) {
  let cx = x;
  let cy = y;
  const placed = items.map((item) => {
    const w = defaults.size + defaults.labelGap + textWidth(item.label, fontSize);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += defaults.lineHeight;
    }
    const at = { item, x: cx, y: cy };
    cx += w + defaults.gap;
    return at;
  });
  return { placed, height: cy - y + defaults.lineHeight };
}

export function swatches(items: readonly SwatchItem[], options: SwatchesOptions): Mark {
  return {
    kind: 'swatches',
    data: items,
    channels: {},
    render(_index: readonly number[], _scales: Scales, _channels: ChannelValues, _dimensions: Dimensions) {
      const { placed } = layoutSwatches(items, options);
      const size = defaults.size;
      return s(
        'g',
        { className: ['swatches', ...(options.className ? [options.className] : [])], ariaHidden: 'true' },
        placed.map(({ item, x, y }) =>
          s('g', { className: ['swatch'] }, [
            item.path ? s('path', { d: item.path, transform: `translate(${x + size / 2},${y + size / 2})`, ...item.swatch }) : s('rect', { x, y, width: size, height: size, ...item.swatch }),
            s('text', { x: x + size + defaults.labelGap, y: y + size - 2, fill: 'currentColor' }, item.label),
          ]),
        ),
      );
    },
  };
}
