/**
 * `rect`: rectangles between x1 and x2 on a continuous or banded x, and across a band
 * (`y`) or between y1 and y2. Bars, band segments and backgrounds are all rects.
 */
import type { Properties } from 'hastscript';
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';
import { accessor, commonChannels, datumProperties, markGroup, titleOf, type Channel, type CommonOptions } from './mark.ts';

export interface RectOptions<T> extends CommonOptions<T> {
  /** Start and end on the x scale. */
  x1: Channel<T, number>;
  x2: Channel<T, number>;
  /** A band of the y scale; or give y1 and y2 in viewBox units. */
  y?: Channel<T, string | number>;
  y1?: Channel<T, number>;
  y2?: Channel<T, number>;
  /** Fill as a presentation attribute (CSS classes may override it). */
  fill?: Channel<T, string>;
  stroke?: string;
  /** Shrinks the band at top and bottom. */
  inset?: number;
  rx?: number;
}

export const defaults = { ariaHidden: 'true', fill: 'currentColor', inset: 0 } as const;

export function rect<T>(data: readonly T[], options: RectOptions<NoInfer<T>>): Mark {
  const { className, stroke, rx, inset = defaults.inset } = options;
  return {
    kind: 'rect',
    data,
    channels: {
      x1: accessor(options.x1),
      x2: accessor(options.x2),
      y: accessor(options.y),
      y1: accessor(options.y1),
      y2: accessor(options.y2),
      fill: accessor(options.fill ?? defaults.fill),
      ...commonChannels(options),
    },
    render(index: readonly number[], scales: Scales, channels: ChannelValues, _dimensions: Dimensions) {
      const x = scales.x!;
      return markGroup(
        'rect',
        className,
        {},
        index.map((i) => {
          const left = x.apply(channels.x1![i]);
          const right = x.apply(channels.x2![i]);
          let top: number;
          let height: number;
          if (channels.y) {
            const y = scales.y!;
            top = y.apply(channels.y[i]) + inset;
            height = y.bandwidth(channels.y[i]) - 2 * inset;
          } else {
            top = channels.y1![i] as number;
            height = (channels.y2![i] as number) - top;
          }
          const base: Properties = {
            x: Math.min(left, right),
            y: top,
            width: Math.abs(right - left),
            height: Math.max(0, height),
            fill: channels.fill![i] as string,
            ...(stroke ? { stroke } : {}),
            ...(rx ? { rx } : {}),
          };
          return s('rect', datumProperties(i, channels, base), titleOf(i, channels));
        }),
      );
    },
  };
}
