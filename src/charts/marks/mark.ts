/**
 * What every mark shares: channel accessors, per-datum attributes (class, data-*, style)
 * and an optional `<title>` that browsers show on hover.
 */
import type { Element } from 'hast';
import type { Properties } from 'hastscript';
import { s } from 'hastscript';
import type { ChannelValues } from '../types.ts';

/** A channel: a function of the datum, or a constant. */
export type Channel<T, V> = ((datum: T, index: number) => V) | V;

/** Options every mark accepts. */
export interface CommonOptions<T> {
  /** Class of the mark's group. */
  className?: string;
  /** Per-datum class names. */
  classes?: Channel<T, string | undefined>;
  /** Per-datum extra properties, e.g. `{dataCode: '1.1', style: '--x: 1'}`. */
  attributes?: Channel<T, Properties | undefined>;
  /** Per-datum tooltip text, emitted as a `<title>` child. */
  title?: Channel<T, string | undefined>;
}

/** Turns a channel (function or constant) into an accessor. */
export function accessor<T, V>(channel: Channel<T, V> | undefined): ((datum: T, index: number) => V) | undefined {
  if (channel === undefined) return undefined;
  return typeof channel === 'function' ? (channel as (datum: T, index: number) => V) : () => channel;
}

/** Accessors for the common channels. */
export function commonChannels<T>(options: CommonOptions<T>) {
  return {
    classes: accessor(options.classes),
    attributes: accessor(options.attributes),
    title: accessor(options.title),
  };
}

/** Properties of datum `i` from the common channels, merged over `base`. */
export function datumProperties(i: number, channels: ChannelValues, base: Properties): Properties {
  const extra = channels.attributes?.[i] as Properties | undefined;
  const className = channels.classes?.[i] as string | undefined;
  return { ...base, ...(className ? { className: className.split(/\s+/) } : {}), ...extra };
}

/** The `<title>` child of datum `i`, if it has one. */
export function titleOf(i: number, channels: ChannelValues): Element[] {
  const title = channels.title?.[i] as string | undefined;
  return title ? [s('title', title)] : [];
}

/** The group that holds one mark's elements. */
export function markGroup(kind: string, className: string | undefined, properties: Properties, children: Element[]): Element {
  return s('g', { className: [kind, ...(className ? className.split(/\s+/) : [])], ...properties }, children);
}

/** Channel value `name` of datum `i`, as a number. */
export function num(channels: ChannelValues, name: string, i: number): number {
  const value = channels[name]?.[i];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Expected a finite number for channel "${name}" of datum ${i}, got ${String(value)}`);
  return value;
}
