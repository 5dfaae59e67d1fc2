import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJsonSchemas } from '../../src/study/json-schema.ts';
import { contentKinds, type ContentKind } from '../../src/study/schemas/index.ts';
import { repoRoot } from '../helpers/build-site.ts';

const schemaDir = join(repoRoot, 'public', 'schemas');

describe('generated JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run schema` after changing one)', () => {
    for (const [file, schema] of allJsonSchemas()) {
      expect(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')), file).toEqual(schema);
    }
  });

  it('reject unknown keys and document every property', () => {
    const excerpt = allJsonSchemas().get('excerpt.schema.json') as { additionalProperties: boolean; properties: Record<string, { description?: string }> };
    expect(excerpt.additionalProperties).toBe(false);
    for (const [name, property] of Object.entries(excerpt.properties)) expect(property.description, name).toBeTruthy();
  });
});

describe('content files', () => {
  const folders = ['content', 'tests/fixtures/studies/harbour'];
  for (const folder of folders) {
    it(`in ${folder} each name the schema of their kind in "$schema"`, () => {
      for (const kind of Object.values(contentKinds) as ContentKind[]) {
        const location = kind.location;
        const files =
          'file' in location
            ? [join(repoRoot, folder, location.file)].filter((file) => existsSync(file) || !kind.optional)
            : existsSync(join(repoRoot, folder, location.folder)) || !kind.optional
              ? readdirSync(join(repoRoot, folder, location.folder))
                  .filter((name) => name.endsWith('.json'))
                  .map((name) => join(repoRoot, folder, location.folder, name))
              : [];
        for (const file of files) {
          const json = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
          const target = resolve(file, '..', json.$schema ?? '');
          expect(relative(repoRoot, target), relative(repoRoot, file)).toBe(`public/schemas/${kind.schemaFile}`);
        }
      }
    });
  }
});
