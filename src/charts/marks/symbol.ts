/**
 * `symbol`: a d3-shape symbol (circle, square, diamond…) centred at (x, y). The path comes
 * from d3's `symbol()` generator, which returns a string and needs no DOM.
 */
import { s } from 'hastscript';
import { symbol as d3Symbol, type SymbolType } from 'd3-shape';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';
import { accessor, commonChannels, datumProperties, markGroup, titleOf, type Channel, type CommonOptions } from './mark.ts';

export interface SymbolOptions<T> extends CommonOptions<T> {
  x: Channel<T, string | number>;
  y: Channel<T, string | number>;
  dx?: Channel<T, number>;
  dy?: Channel<T, number>;
  symbol: Channel<T, SymbolType>;
  /** Area in square viewBox units (d3 `size`). */
  size?: Channel<T, number>;
  fill?: Channel<T, string>;
  stroke?: Channel<T, string>;
}

export const defaults = { size: 64, fill: 'currentColor', stroke: 'none' } as const;

export function symbol<T>(data: readonly T[], options: SymbolOptions<NoInfer<T>>): Mark {
  return {
    kind: 'symbol',
    data,
    channels: {
      x: accessor(options.x),
      y: accessor(options.y),
      dx: accessor(options.dx ?? 0),
      dy: accessor(options.dy ?? 0),
      symbol: accessor(options.symbol),
      size: accessor(options.size ?? defaults.size),
      fill: accessor(options.fill ?? defaults.fill),
      stroke: accessor(options.stroke ?? defaults.stroke),
      ...commonChannels(options),
    },
    render(index: readonly number[], scales: Scales, channels: ChannelValues, _dimensions: Dimensions) {
      return markGroup(
        'symbol',
        options.className,
        {},
        index.map((i) => {
          const x = scales.x!.apply(channels.x![i]) + (channels.dx![i] as number);
          const y = scales.y!.apply(channels.y![i]) + (channels.dy![i] as number);
          const path = d3Symbol(channels.symbol![i] as SymbolType, channels.size![i] as number)() ?? '';
          const base = { d: path, transform: `translate(${x},${y})`, fill: channels.fill![i] as string, stroke: channels.stroke![i] as string };
          return s('path', datumProperties(i, channels, base), titleOf(i, channels));
        }),
      );
    },
  };
}
