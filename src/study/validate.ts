/**
 * Turns zod issues into located, friendly problems: each names the field, what was
 * expected, what was found, and how to fix it, pointing at the value's line and column.
 */
import type { z } from 'zod';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { keyPlaceOf, placeOf, type JsonPath, type JsonSource } from './json-source.ts';

/** Validates a parsed file; every issue is reported on the file. Returns the data only if valid. */
export function validateSource<Schema extends z.ZodType>(source: JsonSource, schema: Schema): z.output<Schema> | undefined {
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(source.file, source, schema, issue);
  return undefined;
}

export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out || '(top level)';
}

function reportIssue(file: VFile, source: JsonSource, schema: z.ZodType, issue: z.core.$ZodIssue): void {
  const path = issue.path as JsonPath;
  const field = formatPath(path);
  const actual = 'input' in issue ? describeValue(issue.input) : describeValue(valueAt(source.value, path));
  const described = describeField(schema, source.value, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, source.value, path);
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        report(file, {
          reason: `Unknown key "${key}" in ${path.length ? formatPath(path) : 'the top-level object'}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          rule: 'unknown-key',
          severity: 'error',
          place: keyPlaceOf(source, path, key),
          expected: allowed,
          actual: key,
          fix: suggestion ? `Rename "${key}" to "${suggestion}".` : `Remove "${key}"; allowed keys here: ${allowed.join(', ')}.`,
        });
      }
      return;
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        const parent = path.slice(0, -1);
        const key = String(path.at(-1));
        report(file, {
          reason: `Missing required field "${key}" in ${parent.length ? formatPath(parent) : 'the top-level object'} (expected ${issue.expected})`,
          rule: 'missing-field',
          severity: 'error',
          place: placeOf(source, parent),
          expected: [issue.expected],
          actual: 'nothing',
          fix: `Add "${key}"${described ? `: ${described}` : '.'}`,
        });
        return;
      }
      report(file, {
        reason: `Wrong type for "${field}": expected ${issue.expected}, found ${actual}`,
        rule: 'wrong-type',
        severity: 'error',
        place: placeOf(source, path),
        expected: [issue.expected],
        actual,
        fix: described ? `"${field}" holds: ${described}` : `Write "${field}" as ${issue.expected}.`,
      });
      return;
    }
    case 'invalid_union': {
      // A discriminated union names its tag and the values it accepts.
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator && options) {
        const accepted = options.map((option) => JSON.stringify(option));
        const found = describeValue(valueAt(source.value, path));
        report(file, {
          reason: `Invalid "${discriminator}" in ${formatPath(path.slice(0, -1))}: expected one of ${accepted.join(', ')}, found ${found}`,
          rule: 'invalid-value',
          severity: 'error',
          place: placeOf(source, path),
          expected: accepted,
          actual: found,
          fix: `Set "${discriminator}" to one of ${accepted.join(', ')}.`,
        });
        return;
      }
      break;
    }
    default:
      break;
  }
  const expectation = expectationOf(issue);
  report(file, {
    reason: `Invalid value for "${field}": expected ${expectation}, found ${actual}`,
    rule: 'invalid-value',
    severity: 'error',
    place: placeOf(source, path),
    expected: [expectation],
    actual,
    fix: described ? `"${field}" holds: ${described}` : `Change "${field}" to ${expectation}.`,
  });
}

function expectationOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'non-empty text' : `at least ${issue.minimum} characters`;
      return `a value ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${issue.maximum} items`;
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      return `a value ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      // Our regexes carry a human message ("a slug: …"); zod's own formats do not.
      return issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message;
    default:
      return issue.message;
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

// --- Walking a zod schema alongside the data, to know what a path was meant to hold. ---

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  getter?: () => z.ZodType;
  values?: unknown[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
}

function pickOption(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  const options = def.options ?? [];
  if (def.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[def.discriminator];
    return options.find((option) => {
      const field = defOf(unwrap(option)).shape?.[def.discriminator!];
      return field && defOf(field).values?.includes(tag);
    });
  }
  return options.length === 1 ? options[0] : undefined;
}

function schemaAt(root: z.ZodType, data: unknown, path: JsonPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let value = data;
  for (const segment of [...path, null]) {
    if (!schema) return undefined;
    let def = defOf(schema);
    if (def.type === 'union') {
      schema = pickOption(schema, value);
      if (!schema) return undefined;
      schema = unwrap(schema);
      def = defOf(schema);
    }
    if (segment === null) return schema;
    if (def.type === 'object') schema = def.shape?.[String(segment)];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = (def as unknown as { valueType: z.ZodType }).valueType;
    else return undefined;
    schema = schema ? unwrap(schema) : undefined;
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return schema;
}

function keysAt(root: z.ZodType, data: unknown, path: JsonPath): string[] {
  const schema = schemaAt(root, data, path);
  return schema ? Object.keys(defOf(schema).shape ?? {}) : [];
}

function describeField(root: z.ZodType, data: unknown, path: JsonPath): string | undefined {
  // The description sits on the wrapper (e.g. the optional), so look before unwrapping.
  const parent = schemaAt(root, data, path.slice(0, -1));
  const key = path.at(-1);
  if (!parent || key === undefined) return undefined;
  const def = defOf(parent);
  const field = def.type === 'object' ? def.shape?.[String(key)] : def.type === 'array' ? def.element : undefined;
  return field?.description ?? (field ? unwrap(field).description : undefined);
}

/** The allowed word nearest to a misspelt one, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
