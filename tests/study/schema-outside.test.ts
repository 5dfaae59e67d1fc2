/**
 * The JSON Schemas serve a study folder anywhere, the way an editor uses them: each file's
 * "$schema" may be a path relative to it, an absolute path or a file:// URL (or the copy a
 * built site serves under /schemas/), and a standard JSON Schema validator (Ajv, as editors
 * embed) loads the schema from there on its own: the schemas are self-contained. A study
 * folder outside the checkout written that way passes `npm run check` unchanged.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStudyFolder } from '../../src/study/check.ts';
import { countProblems } from '../../src/study/diagnostics.ts';
import { repoRoot } from '../helpers/build-site.ts';

const schemas = join(repoRoot, 'public', 'schemas');
const example = join(repoRoot, 'examples', 'tool-library');

/** The JSON files of a study folder, relative to it. */
async function jsonFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((path) => path.endsWith('.json')).sort();
}

/** Resolves "$schema" as an editor does: a URL as it stands, a path from the file's folder. */
function schemaLocation(file: string, reference: string): string {
  return /^file:/.test(reference) ? fileURLToPath(reference) : resolve(dirname(file), reference);
}

let work: string;
const styles = {
  absolute: (schemaFile: string) => join(schemas, schemaFile),
  'file URL': (schemaFile: string) => pathToFileURL(join(schemas, schemaFile)).href,
  relative: (schemaFile: string, file: string) => relative(dirname(file), join(schemas, schemaFile)),
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-schemas-'));
  for (const [style, reference] of Object.entries(styles)) {
    const dir = join(work, style.replace(' ', '-'));
    await cp(example, dir, { recursive: true });
    for (const path of await jsonFiles(dir)) {
      const file = join(dir, path);
      const value = JSON.parse(await readFile(file, 'utf8')) as { $schema: string };
      value.$schema = reference(value.$schema.slice(value.$schema.lastIndexOf('/') + 1), file);
      await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
    }
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a study folder outside the checkout', () => {
  for (const style of Object.keys(styles)) {
    const dir = () => join(work, style.replace(' ', '-'));

    it(`validates in a JSON Schema validator that loads each file's schema from a ${style} "$schema"`, async () => {
      // Formats ("uri", "date") are hints editors do not all check; the structure is what matters here.
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      const problems: string[] = [];
      const files = await jsonFiles(dir());
      expect(files.length).toBeGreaterThan(10);
      for (const path of files) {
        const file = join(dir(), path);
        const value = JSON.parse(await readFile(file, 'utf8')) as { $schema: string };
        const location = schemaLocation(file, value.$schema);
        expect(location.startsWith(schemas), `${path}: ${value.$schema}`).toBe(true);
        const validate = ajv.getSchema(location) ?? (ajv.addSchema(JSON.parse(await readFile(location, 'utf8')) as object, location), ajv.getSchema(location)!);
        if (!validate(value)) problems.push(`${path}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(problems).toEqual([]);
    });

    it(`passes npm run check with ${style} "$schema" references`, async () => {
      const { files } = await checkStudyFolder(dir());
      expect(countProblems(files)).toEqual({ errors: 0, warnings: 0 });
    });
  }

  it('is told when a file breaks its schema (the validator can fail)', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(await readFile(join(schemas, 'excerpt.schema.json'), 'utf8')) as object);
    expect(validate({ id: 'x', title: 'x', session: 1, source: 'interview', lines: [], codes: ['1.0'], extra: true })).toBe(false);
  });
});
