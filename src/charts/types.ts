/**
 * Shapes shared by scales, marks and charts. A chart is data in, hast out: marks are small
 * pure objects that turn an index of data rows and their channel values into SVG elements,
 * the way Observable Plot composes a figure (scales + channels + marks).
 */
import type { Element } from 'hast';

/** The drawing area in viewBox units. Text is sized in the same units. */
export interface Dimensions {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** A scale adapter: maps a domain value to a position; banded scales also report a size. */
export interface Scale<Value = unknown> {
  readonly type: 'linear' | 'band' | 'rows';
  /** Position of `value` in viewBox units. */
  apply(value: Value): number;
  /** Size of the band at `value` (0 for continuous scales). */
  bandwidth(value?: Value): number;
  /** Tick values for an axis (continuous scales only). */
  ticks?(count?: number): number[];
  readonly domain: readonly Value[];
  readonly range: readonly [number, number];
}

// biome-ignore lint/suspicious/noExplicitAny: scales of any domain share one record; each mark knows its own channel's domain.
export type Scales = Record<string, Scale<any>>;

/** How a channel reads a value from a datum: a field name, a function, or a constant. */
export type ChannelValue<T, V> = keyof T | ((datum: T, index: number) => V) | V;

/** Channel values materialised for every datum, by channel name. */
export type ChannelValues = Record<string, readonly unknown[]>;

/** A mark: data, channel definitions and a pure render function. */
export interface Mark {
  /** Short name, also the `class` of the mark's group: "rect", "text", "rule", "symbol", "axis". */
  readonly kind: string;
  readonly data: readonly unknown[];
  /** Channel accessors, resolved over `data` by `plot()` before `render`. */
  // biome-ignore lint/suspicious/noExplicitAny: a mark's data is of its own type, which this shared interface cannot name.
  readonly channels: Record<string, ((datum: any, index: number) => unknown) | undefined>;
  render(index: readonly number[], scales: Scales, channels: ChannelValues, dimensions: Dimensions): Element | null;
}

/** What every chart function returns. */
export interface ChartResult {
  /** The chart: an `<svg role="img">`, or an HTML element where a table or list is the better chart. */
  svg: Element;
  /** Its data-table equivalent; the same object as `svg` when the chart already is that table. */
  table: Element;
  /** Short accessible name (also the SVG `<title>`). */
  title: string;
  /** Longer text description (also the SVG `<desc>`). */
  description: string;
  /** Footnotes taken from the data (e.g. how silence was measured), for a caption. */
  notes: string[];
}
