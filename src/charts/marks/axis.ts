/**
 * `axisX`: ticks, grid lines and labels read from the x scale at render time, with an
 * optional axis label. A composite mark, as in Plot, made of plain SVG lines and text.
 */
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';

export interface AxisXOptions {
  /** Where the tick labels sit (viewBox y of their baseline). */
  y: number;
  /** Grid lines run from here… */
  gridTop?: number;
  /** …to here. */
  gridBottom?: number;
  /** Approximate tick count. */
  ticks?: number;
  format?: (value: number) => string;
  /** Axis title, placed after the last tick label. */
  label?: string;
  className?: string;
}

export const defaults = { ticks: 8, format: (value: number) => String(value), stroke: 'currentColor', strokeOpacity: 0.2 } as const;

export function axisX(options: AxisXOptions): Mark {
  const { y, gridTop, gridBottom, ticks = defaults.ticks, format = defaults.format, label, className } = options;
  return {
    kind: 'axis',
    data: [],
    channels: {},
    render(_index: readonly number[], scales: Scales, _channels: ChannelValues, d: Dimensions) {
      const x = scales.x!;
      const values = x.ticks?.(ticks) ?? [];
      const top = gridTop ?? d.marginTop;
      const bottom = gridBottom ?? d.height - d.marginBottom;
      const last = values.at(-1);
      return s('g', { className: ['axis', ...(className ? [className] : [])], ariaHidden: 'true' }, [
        s(
          'g',
          { className: ['grid'], stroke: defaults.stroke, strokeOpacity: defaults.strokeOpacity },
          values.map((value) => s('line', { x1: x.apply(value), x2: x.apply(value), y1: top, y2: bottom })),
        ),
        s(
          'g',
          { className: ['tick-labels'], textAnchor: 'middle', fill: 'currentColor' },
          values.map((value) => s('text', { x: x.apply(value), y }, format(value))),
        ),
        ...(label && last !== undefined ? [s('text', { className: ['axis-label'], x: d.width - d.marginRight, y: y + 18, textAnchor: 'end', fill: 'currentColor' }, label)] : []),
      ]);
    },
  };
}
