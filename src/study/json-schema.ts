import { z } from 'zod';
import { contentKinds, type ContentKindName } from './schemas/index.ts';

/**
 * The JSON Schema of one content kind, generated from its zod schema. It describes what a
 * researcher writes (the input side), so editors validate files while they are typed.
 */
export function jsonSchemaFor(kind: ContentKindName): Record<string, unknown> {
  const { schema, title } = contentKinds[kind];
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return { ...generated, title };
}

/** Every content kind's schema, keyed by the file name it is written to. */
export function allJsonSchemas(): Map<string, Record<string, unknown>> {
  const names = Object.keys(contentKinds) as ContentKindName[];
  return new Map(names.map((kind) => [contentKinds[kind].schemaFile, jsonSchemaFor(kind)]));
}
