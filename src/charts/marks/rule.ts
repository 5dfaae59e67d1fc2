/**
 * `ruleX` draws vertical lines at x (grid lines, ticks); `ruleY` horizontal lines at y
 * (dividers between steps, phase markers).
 */
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';
import { accessor, commonChannels, datumProperties, markGroup, titleOf, type Channel, type CommonOptions } from './mark.ts';

export interface RuleXOptions<T> extends CommonOptions<T> {
  x: Channel<T, number>;
  /** Extent in viewBox units; defaults to the plot area's top and bottom. */
  y1?: Channel<T, number>;
  y2?: Channel<T, number>;
  stroke?: string;
  strokeDasharray?: string;
}

export interface RuleYOptions<T> extends CommonOptions<T> {
  y: Channel<T, string | number>;
  /** Offset added after scaling. */
  dy?: Channel<T, number>;
  /** Extent in viewBox units; defaults to the plot area's left and right. */
  x1?: Channel<T, number>;
  x2?: Channel<T, number>;
  stroke?: string;
  strokeDasharray?: string;
}

export const defaults = { stroke: 'currentColor' } as const;

function strokeProps(stroke: string | undefined, strokeDasharray: string | undefined) {
  return { stroke: stroke ?? defaults.stroke, ...(strokeDasharray ? { strokeDasharray } : {}) };
}

export function ruleX<T>(data: readonly T[], options: RuleXOptions<NoInfer<T>>): Mark {
  return {
    kind: 'rule',
    data,
    channels: { x: accessor(options.x), y1: accessor(options.y1), y2: accessor(options.y2), ...commonChannels(options) },
    render(index: readonly number[], scales: Scales, channels: ChannelValues, d: Dimensions) {
      return markGroup(
        'rule',
        options.className,
        strokeProps(options.stroke, options.strokeDasharray),
        index.map((i) => {
          const x = scales.x!.apply(channels.x![i]);
          const base = { x1: x, x2: x, y1: (channels.y1?.[i] as number | undefined) ?? d.marginTop, y2: (channels.y2?.[i] as number | undefined) ?? d.height - d.marginBottom };
          return s('line', datumProperties(i, channels, base), titleOf(i, channels));
        }),
      );
    },
  };
}

export function ruleY<T>(data: readonly T[], options: RuleYOptions<NoInfer<T>>): Mark {
  return {
    kind: 'rule',
    data,
    channels: { y: accessor(options.y), dy: accessor(options.dy ?? 0), x1: accessor(options.x1), x2: accessor(options.x2), ...commonChannels(options) },
    render(index: readonly number[], scales: Scales, channels: ChannelValues, d: Dimensions) {
      return markGroup(
        'rule',
        options.className,
        strokeProps(options.stroke, options.strokeDasharray),
        index.map((i) => {
          const y = scales.y!.apply(channels.y![i]) + (channels.dy![i] as number);
          const base = { x1: (channels.x1?.[i] as number | undefined) ?? d.marginLeft, x2: (channels.x2?.[i] as number | undefined) ?? d.width - d.marginRight, y1: y, y2: y };
          return s('line', datumProperties(i, channels, base), titleOf(i, channels));
        }),
      );
    },
  };
}
