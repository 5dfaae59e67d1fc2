/**
 * `text`: labels at (x, y), one line or several (`text` may be an array of lines, drawn as
 * `<tspan>`s). Text from data is a text node, so hastscript escapes it.
 */
import { s } from 'hastscript';
import type { ChannelValues, Dimensions, Mark, Scales } from '../types.ts';
import { accessor, commonChannels, datumProperties, markGroup, titleOf, type Channel, type CommonOptions } from './mark.ts';

export interface TextOptions<T> extends CommonOptions<T> {
  x: Channel<T, string | number>;
  y: Channel<T, string | number>;
  /** Offsets in viewBox units added after scaling. */
  dx?: Channel<T, number>;
  dy?: Channel<T, number>;
  /** One line, or lines to stack. */
  text: Channel<T, string | readonly string[]>;
  textAnchor?: 'start' | 'middle' | 'end';
  /** Distance between stacked lines. */
  lineHeight?: number;
  fill?: Channel<T, string>;
  /** Rotation in degrees about (x, y). */
  rotate?: number;
}

export const defaults = { fill: 'currentColor', lineHeight: 17, textAnchor: 'start' } as const;

export function text<T>(data: readonly T[], options: TextOptions<NoInfer<T>>): Mark {
  const { className, textAnchor = defaults.textAnchor, lineHeight = defaults.lineHeight, rotate } = options;
  return {
    kind: 'text',
    data,
    channels: {
      x: accessor(options.x),
      y: accessor(options.y),
      dx: accessor(options.dx ?? 0),
      dy: accessor(options.dy ?? 0),
      text: accessor(options.text),
      fill: accessor(options.fill ?? defaults.fill),
      ...commonChannels(options),
    },
    render(index: readonly number[], scales: Scales, channels: ChannelValues, _dimensions: Dimensions) {
      return markGroup(
        'text',
        className,
        textAnchor === 'start' ? {} : { textAnchor },
        index.map((i) => {
          const x = scales.x!.apply(channels.x![i]) + (channels.dx![i] as number);
          const y = scales.y!.apply(channels.y![i]) + (channels.dy![i] as number);
          const value = channels.text![i] as string | readonly string[];
          const lines = typeof value === 'string' ? [value] : value;
          const base = {
            x,
            y,
            fill: channels.fill![i] as string,
            ...(rotate ? { transform: `rotate(${rotate} ${x} ${y})` } : {}),
          };
          const content = lines.length === 1 ? [lines[0]!] : lines.map((line, n) => s('tspan', { x, dy: n === 0 ? 0 : lineHeight }, line));
          return s('text', datumProperties(i, channels, base), [...titleOf(i, channels), ...content]);
        }),
      );
    },
  };
}
