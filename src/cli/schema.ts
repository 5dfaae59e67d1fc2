/** `npm run schema`: writes the JSON Schemas that content files name in "$schema". */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allJsonSchemas } from '../study/json-schema.ts';

const outDir = join(process.cwd(), 'public', 'schemas');
await mkdir(outDir, { recursive: true });
for (const [file, schema] of allJsonSchemas()) {
  await writeFile(join(outDir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote public/schemas/${file}`);
}
