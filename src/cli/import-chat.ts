/**
 * `npm run import:chat -- file.cha --code <code> [--lines a-b] [--id <id>] [--unit <n>] [--source <id>] [--title <text>] [--speaker CODE=id] [--dry-run]`:
 * imports a CHAT transcript (CABank's CHAT-CA, or any CLAN file) as one excerpt, the whole
 * transcript or a range of its lines, adding its speakers as participants where the study
 * does not have them. Every problem is reported at once, at its line and column of the
 * .cha file, and nothing is written while any is an error; the result is checked exactly
 * as `npm run check` would before a file changes. An excerpt of the same id is replaced only
 * with --replace, as it may hold coding and an interpretation the file does not.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { VFile } from 'vfile';
import { countProblems, formatReport, report } from '../study/diagnostics.ts';
import { studyDir } from '../study/load.ts';
import { decodeChat, readChat } from '../interchange/chat.ts';
import { chatToStudy, type StudyContext } from '../interchange/chat-study.ts';
import { applyChanges, describeChanges, stageAndValidate } from '../interchange/stage.ts';

const usage =
  'Usage: npm run import:chat -- file.cha --code <code>[,<code>…] [--lines <from>-<to>] [--id <excerpt id>] [--unit <n>] [--source <id>] [--title <text>] [--speaker CODE=<participant id>]… [--replace] [--dry-run]';
const valued = new Set(['--id', '--lines', '--unit', '--source', '--code', '--title', '--speaker']);
const args = process.argv.slice(2);
const values = new Map<string, string[]>();
const positional: string[] = [];
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index]!;
  if (valued.has(arg)) {
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--')) fail(`${arg} takes a value`);
    values.set(arg, [...(values.get(arg) ?? []), value!]);
    index += 1;
  } else if (arg === '--dry-run' || arg === '--replace') continue;
  else if (arg.startsWith('-')) fail(`Unknown option ${arg}`);
  else positional.push(arg);
}
if (positional.length !== 1) fail(positional.length === 0 ? 'Name the .cha file to import' : `One .cha file at a time, not ${positional.length}`);
const one = (name: string) => values.get(name)?.at(-1);
const linesArg = one('--lines');
const rangeMatch = linesArg === undefined ? undefined : (/^(\d+)\s*[-–]\s*(\d+)$/.exec(linesArg) ?? /^(\d+)$/.exec(linesArg));
if (linesArg !== undefined && !rangeMatch) fail(`--lines takes a line range such as 12-30, not ${linesArg}`);
const unitArg = one('--unit');
if (unitArg !== undefined && !/^[1-9]\d*$/.test(unitArg)) fail(`--unit takes the number of a unit (a file in sessions/), not ${unitArg}`);
const speakers = new Map<string, string>();
for (const pair of values.get('--speaker') ?? []) {
  const match = /^([^=\s]+)=([^=\s]+)$/.exec(pair);
  if (!match) fail(`--speaker takes CODE=participant-id, such as KAT=client, not ${pair}`);
  speakers.set(match![1]!, match![2]!);
}

const path = resolve(positional[0]!);
const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot read ${path}: ${error.code ?? error.message}`);
  process.exit(2);
});
const dir = studyDir();
const file = new VFile({ path });
const decoded = decodeChat(bytes);
const doc = readChat(decoded.text);
const studyText = await readFile(join(dir, 'study.json'), 'utf8').catch(() => undefined);
const imported = chatToStudy(
  doc,
  basename(path),
  {
    id: one('--id'),
    range: rangeMatch ? { from: Number(rangeMatch[1]), to: Number(rangeMatch[2] ?? rangeMatch[1]) } : undefined,
    unit: unitArg === undefined ? undefined : Number(unitArg),
    source: one('--source'),
    codes: (values.get('--code') ?? [])
      .flatMap((codes) => codes.split(','))
      .map((code) => code.trim())
      .filter(Boolean),
    title: one('--title'),
    speakers,
  },
  studyContext(studyText),
);
for (const problem of [...decoded.problems, ...doc.problems, ...imported.problems]) report(file, problem);
const target = join(dir, 'excerpts', `${String(imported.excerpt.id)}.json`);
if (!args.includes('--replace') && (await stat(target).catch(() => undefined))) {
  report(file, {
    reason: `An excerpt "${String(imported.excerpt.id)}" is already in the study (${target}), and the import would replace it`,
    rule: 'chat-option',
    severity: 'error',
    place: undefined,
    fix: 'Give the new excerpt its own id with --id, or pass --replace to replace the excerpt (its codes, interpretation and notes become the import’s).',
  });
}
if (countProblems([file]).errors > 0) {
  console.error(formatReport([file]));
  console.error('Nothing was written.');
  process.exit(1);
}

// New participants go at the end of study.json's list, the rest of the file as the researcher wrote it.
let newStudyText = studyText;
for (const participant of imported.participants) {
  if (newStudyText === undefined) break;
  newStudyText = applyEdits(newStudyText, modify(newStudyText, ['participants', -1], participant, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
}
const optionNames: Record<string, string> = { id: '--id', title: '--title', session: '--unit', source: '--source', codes: '--code' };
const result = await stageAndValidate({
  dir,
  excerpts: [
    {
      record: imported.excerpt,
      origin: {
        file,
        locate: (jsonPath) => {
          const [key, index, field] = jsonPath;
          if (key === 'lines' && typeof index === 'number' && imported.places[index]) {
            return { place: field === 'speaker' ? imported.places[index].speaker : imported.places[index].text, detail: ` (line ${index + 1} of the excerpt)` };
          }
          const option = optionNames[String(key)];
          return { place: undefined, detail: option ? ` (${option})` : '' };
        },
      },
    },
  ],
  prune: false,
  files: newStudyText !== undefined && newStudyText !== studyText ? [{ path: join(dir, 'study.json'), text: newStudyText }] : [],
});
console.log(formatReport(result.files));
if (countProblems(result.files).errors > 0) {
  console.error('Nothing was written.');
  process.exit(1);
}
for (const line of imported.speakers) console.log(`speaker: ${line}`);
for (const line of imported.notKept) console.log(`not kept: ${line}`);
if (one('--title') === undefined) console.log(`to fill in: the excerpt's title (now "${String(imported.excerpt.title)}") and its interpretation`);
if (args.includes('--dry-run')) console.log(`dry run, nothing written; the import would change:\n${describeChanges(result.changes, [])}`);
else {
  await applyChanges(result.changes);
  console.log(describeChanges(result.changes, []));
}

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** The participants and sources study.json declares, read leniently (the check reports what is wrong with the file). */
function studyContext(text: string | undefined): StudyContext {
  try {
    const meta = JSON.parse(text ?? '{}') as { participants?: unknown; sources?: unknown };
    const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]).filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : []);
    return {
      participants: list(meta.participants).flatMap((item) => (typeof item.id === 'string' ? [{ id: item.id, label: typeof item.label === 'string' ? item.label : item.id }] : [])),
      sources: list(meta.sources).flatMap((item) => (typeof item.id === 'string' ? [{ id: item.id, transcription: typeof item.transcription === 'string' ? item.transcription : undefined }] : [])),
    };
  } catch {
    return { participants: [], sources: [] };
  }
}
