/**
 * The study folder's current codebook and excerpts, each taken only if it is valid on its
 * own: an import fills in what a QDA project does not carry from them, and must work even
 * when the folder has errors elsewhere (the import may be what fixes them).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodebookSchema, ExcerptSchema, type Codebook, type Excerpt } from '../study/schemas/index.ts';

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function readExistingStudy(dir: string): Promise<{ codebook: Codebook | undefined; excerpts: Map<string, Excerpt> }> {
  const codebook = CodebookSchema.safeParse(await readJson(join(dir, 'codebook.json')));
  const names = (await readdir(join(dir, 'excerpts')).catch(() => [])).filter((name) => name.endsWith('.json'));
  const excerpts = new Map<string, Excerpt>();
  for (const name of names.sort()) {
    const parsed = ExcerptSchema.safeParse(await readJson(join(dir, 'excerpts', name)));
    if (parsed.success) excerpts.set(parsed.data.id, parsed.data);
  }
  return { codebook: codebook.success ? codebook.data : undefined, excerpts };
}
