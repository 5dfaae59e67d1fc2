/**
 * The REFI-QDA import benchmark: a seeded project shaped like NVivo for Windows writes it
 * (two sources of 300,000 characters in UTF-8 with a byte-order mark and CRLF line ends,
 * an emoji every few thousand characters, positions in UTF-16 code units, codes nested
 * three deep with no descriptions and no notes, one selection per code on the same
 * stretch), imported with the real command into a copy of the test fixture study.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { mulberry32 } from './generate.ts';
import { runTree, type TreeRun } from './process-tree.ts';

export interface QdaShape {
  sources: number;
  charactersPerSource: number;
  selections: number;
}

export const nvivoShape: QdaShape = { sources: 2, charactersPerSource: 300_000, selections: 300 };

const words = 'well so I was just thinking about the pressure and it felt like a long week you know there is this tightness here that comes and goes when I sit at the desk all day'.split(' ');
const emoji = ['😀', '🚣', '🙂', '👍'];

function guid(random: () => number): string {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (length: number) => Array.from({ length }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
}

/** A .qdpx as NVivo for Windows 12 writes it, with the positions it would write. */
export function nvivoProject(shape: QdaShape, seed = 20_250_611): Uint8Array {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const codes: { guid: string; name: string; children: { guid: string; name: string; children: { guid: string; name: string }[] }[] }[] = Array.from({ length: 10 }, (_, t) => ({
    guid: guid(random),
    name: `${t + 1}. Theme ${t + 1}`,
    children: Array.from({ length: 4 }, (_, s) => ({ guid: guid(random), name: `Code ${t + 1}.${s + 1}`, children: s === 0 ? [{ guid: guid(random), name: `Detail ${t + 1}.${s + 1}.1` }] : [] })),
  }));
  const leaves = codes.flatMap((code) => code.children.flatMap((child) => [child, ...child.children]));
  const files: Record<string, Uint8Array> = {};
  const sources: string[] = [];
  for (let n = 0; n < shape.sources; n += 1) {
    const lines: string[] = [];
    let length = 0;
    while (length < shape.charactersPerSource) {
      const line = `${pick(['Interviewer', 'Respondent'])}: ${Array.from({ length: 8 + Math.floor(random() * 40) }, () => (random() < 0.01 ? pick(emoji) : pick(words))).join(' ')}`;
      lines.push(line);
      length += line.length + 2;
    }
    const text = lines.join('\r\n');
    const id = guid(random);
    files[`Sources/${id}.txt`] = strToU8(`\uFEFF${text}`);
    // Word-aligned stretches of 50–600 UTF-16 units; NVivo writes one selection per code on a stretch.
    const starts = [...text.matchAll(/(?<=[ \n])\S/g)].map((match) => match.index);
    const selections: string[] = [];
    for (let s = 0; s < shape.selections / shape.sources; ) {
      const start = pick(starts);
      const endAt = text.indexOf(' ', start + 50 + Math.floor(random() * 550));
      if (endAt === -1) continue;
      const stretchCodes = random() < 0.3 ? [pick(leaves), pick(leaves)] : [pick(leaves)];
      for (const code of stretchCodes) {
        if (s >= shape.selections / shape.sources) break;
        selections.push(
          `<PlainTextSelection guid="${guid(random)}" name="" startPosition="${start}" endPosition="${endAt}" creationDateTime="2025-06-11T16:31:16Z"><Coding guid="${guid(random)}"><CodeRef targetGUID="${code.guid}" /></Coding></PlainTextSelection>`,
        );
        s += 1;
      }
    }
    sources.push(
      `<TextSource guid="${id}" name="Interview ${n + 1}" plainTextPath="internal://${id}.txt" richTextPath="internal://${id}.docx" creationDateTime="2025-06-11T16:24:07Z">${selections.join('')}</TextSource>`,
    );
  }
  const codeXml = (code: { guid: string; name: string; children?: { guid: string; name: string; children?: unknown[] }[] }): string =>
    `<Code guid="${code.guid}" name="${code.name}" isCodable="true"${code.children?.length ? `>${code.children.map((child) => codeXml(child as typeof code)).join('')}</Code>` : ' />'}`;
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project name="Benchmark" origin="NVivo for Windows 12.6" xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes>${codes.map(codeXml).join('')}</Codes></CodeBook><Sources>${sources.join('')}</Sources></Project>`;
  return zipSync({ 'project.qde': strToU8(qde), ...files });
}

export interface QdaBench {
  shape: QdaShape;
  bytes: number;
  run: TreeRun;
  /** Processor time (user and system) of the import's whole process tree, in ms. */
  cpuMs: number;
}

/**
 * Runs the command once with no arguments (it prints its usage), so that scripts/cli.mjs
 * has made its bundle before the timed run, as it has for every run after the first.
 */
export function warmCommand(root: string, name: string): void {
  spawnSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), name], { stdio: 'ignore' });
}

/**
 * Processor time of this process's waited-for children, in ms (`cutime` + `cstime` of
 * /proc/self/stat): on a shared machine it measures the import's own work where wall time
 * measures the queue for the cores.
 */
export async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks;
}

/**
 * Imports the project with `npm run import:qdpx -- … --prune --dry-run --source interview`
 * into a copy of the fixture study that can take it: the interviewer and respondent the
 * texts name are declared participants, "interview" a declared source, and the chapter's
 * citation of an excerpt --prune deletes is taken out.
 */
export async function benchQdaImport(root: string, work: string, shape = nvivoShape): Promise<QdaBench> {
  const dir = join(work, 'qda');
  await mkdir(dir, { recursive: true });
  const project = join(dir, 'nvivo.qdpx');
  const bytes = nvivoProject(shape);
  await writeFile(project, bytes);
  const study = join(dir, `study-${Date.now()}`);
  await cp(join(root, 'tests', 'fixtures', 'studies', 'harbour'), study, { recursive: true });
  const meta = JSON.parse(await readFile(join(study, 'study.json'), 'utf8')) as { participants: unknown[]; sources: unknown[] };
  meta.participants.push(
    { id: 'interviewer', label: 'Interviewer', role: 'interviewer', description: 'Synthetic benchmark interviewer.' },
    { id: 'respondent', label: 'Respondent', role: 'respondent', description: 'Synthetic benchmark respondent.' },
  );
  meta.sources.push({ id: 'interview', label: 'Interview', transcription: 'verbatim' });
  await writeFile(join(study, 'study.json'), `${JSON.stringify(meta, null, 2)}\n`);
  const chapter = join(study, 'chapters', 'notes.mdx');
  await writeFile(chapter, (await readFile(chapter, 'utf8')).replace(/^.*<ExcerptLink[^\n]*\n/gm, ''));
  const before = await childrenCpuMs();
  warmCommand(root, 'import-qdpx');
  const run = await runTree(
    process.execPath,
    [join(root, 'scripts', 'cli.mjs'), 'import-qdpx', project, '--prune', '--dry-run', '--source', 'interview'],
    { ...process.env, STUDY_DIR: study },
    [],
    120_000,
  );
  return { shape, bytes: bytes.length, run, cpuMs: (await childrenCpuMs()) - before };
}
