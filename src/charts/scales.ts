/**
 * Scale adapters over d3-scale: each factory returns a {@link Scale} with `apply` and
 * `bandwidth`, so marks position things without knowing which d3 scale is underneath.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Scale } from './types.ts';

export interface LinearOptions {
  domain: readonly [number, number];
  range: readonly [number, number];
  /** Extend the domain to round tick values (d3 `nice`). Default true. */
  nice?: boolean;
}

/** A continuous scale, e.g. minutes along the x axis. */
export function linear({ domain, range, nice = true }: LinearOptions): Scale<number> {
  const scale = scaleLinear()
    .domain([...domain])
    .range([...range]);
  if (nice) scale.nice();
  const [d0, d1] = scale.domain() as [number, number];
  return {
    type: 'linear',
    apply: (value) => scale(value),
    bandwidth: () => 0,
    ticks: (count = 10) => scale.ticks(count),
    domain: [d0, d1],
    range: [range[0], range[1]],
  };
}

export interface BandOptions<V> {
  domain: readonly V[];
  range: readonly [number, number];
  /** Fraction of each step left empty between bands (d3 `paddingInner`). Default 0.2. */
  padding?: number;
}

/** An ordinal scale with equal bands, e.g. one row per session. */
export function band<V extends string | number>({ domain, range, padding = 0.2 }: BandOptions<V>): Scale<V> {
  const scale = scaleBand<V>()
    .domain([...domain])
    .range([...range])
    .paddingInner(padding)
    .paddingOuter(0);
  return {
    type: 'band',
    apply: (value) => {
      const position = scale(value);
      if (position === undefined) throw new RangeError(`Unexpected value ${String(value)} for a band scale, expected one of ${domain.join(', ')}`);
      return position;
    },
    bandwidth: () => scale.bandwidth(),
    domain: [...domain],
    range: [range[0], range[1]],
  };
}

export interface RowsOptions<V> {
  domain: readonly V[];
  /** Height of each row, in domain order. */
  sizes: readonly number[];
  /** Where the first row starts. */
  start: number;
  /** Space between rows. Default 0. */
  gap?: number;
}

/**
 * An ordinal scale whose rows have their own heights (a row grows with its wrapped text).
 * Positions only encode order, never time: a step that takes more room took no longer.
 */
export function rows<V>({ domain, sizes, start, gap = 0 }: RowsOptions<V>): Scale<V> {
  if (sizes.length !== domain.length) throw new RangeError(`Expected ${domain.length} row sizes, got ${sizes.length}`);
  const positions = new Map<V, { y: number; size: number }>();
  let y = start;
  domain.forEach((value, i) => {
    const size = sizes[i] ?? 0;
    positions.set(value, { y, size });
    y += size + gap;
  });
  const end = domain.length === 0 ? start : y - gap;
  const lookup = (value: V) => {
    const row = positions.get(value);
    if (!row) throw new RangeError(`Unexpected value ${String(value)} for a rows scale`);
    return row;
  };
  return {
    type: 'rows',
    apply: (value) => lookup(value).y,
    bandwidth: (value) => (value === undefined ? 0 : lookup(value).size),
    domain: [...domain],
    range: [start, end],
  };
}

/** Positions already in viewBox units: the chart's layout computed them. */
export function identity(range: readonly [number, number]): Scale<number> {
  return { type: 'linear', apply: (value) => value, bandwidth: () => 0, domain: [range[0], range[1]], range: [range[0], range[1]] };
}
