/**
 * `npm run import:chat` end to end, on throw-away copies of the harbour study: a real
 * CABNC transcript (tests/fixtures/chat/README.md) becomes an excerpt and participants,
 * and the study still passes `npm run check`; a dry run and every kind of failure leave
 * the folder as it was, with each problem located in the .cha file.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transcriptHtml } from '../../src/components/ca/transcript-html.ts';
import { transcriptLines } from '../../src/study/transcripts.ts';
import { baseStudy, fixturesDir } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

const fixture = join(fixturesDir, 'chat', 'katherine-stefan.cha');
const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function study(): Promise<string> {
  const dir = await copyStudy(baseStudy);
  temps.push(dir);
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = ['study.json', ...(await readdir(join(dir, 'excerpts'))).map((name) => join('excerpts', name))];
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

describe('npm run import:chat', () => {
  it('imports the whole transcript as one excerpt with its speakers as participants, and the study still passes the check', async () => {
    const dir = await study();
    const result = runCli('import-chat', [fixture, '--code', '1.1', '--unit', '1'], { STUDY_DIR: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('katherine-stefan.cha:12:5  warning  Unexpected `*KAT` without a colon after the speaker code, expected `*KAT:` and a tab  [chat-tier]');
    expect(result.stdout).toContain('speaker: KAT → new participant "kat" (Customer)');
    expect(result.stdout).toMatch(/^not kept: katherine-stefan\.cha:4:1 {2}@Languages eng \(the study has no field for it\)$/m);
    expect(result.stdout).toMatch(/^wrote {3}\S*excerpts\/katherine-stefan\.json$/m);
    expect(result.stdout).toMatch(/^wrote {3}\S*study\.json$/m);
    const excerpt = JSON.parse(await readFile(join(dir, 'excerpts', 'katherine-stefan.json'), 'utf8'));
    expect(excerpt.$schema).toBe('../../../../../public/schemas/excerpt.schema.json');
    expect(excerpt.lines).toHaveLength(20);
    expect(excerpt.lines[7]).toEqual({ kind: 'turn', speaker: 'ste', text: 'Yes. 614369_615689', number: 8 });
    expect(excerpt.session).toBe(1);
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8'));
    expect(meta.participants.map((participant: { id: string }) => participant.id)).toEqual(['coach', 'rower', 'kat', 'ste']);
    const check = runCli('check', [], { STUDY_DIR: dir });
    expect(check.output).toContain('no problems');
    expect(check.status).toBe(0);
    // As the site prints it: the file's labels, the times as data, never as talk.
    const html = transcriptHtml(transcriptLines(excerpt, meta.participants), { id: 'chat', mode: 'transcript', lineNumbers: true, legend: false });
    expect(html).toContain('data-start="614369" data-end="615689"');
    expect(html).toContain('<span class="ca-speaker">STE: </span>');
    expect(html).not.toContain('614369_615689');
  });

  it('imports a line range under the id given, a speaker mapped to an existing participant', async () => {
    const dir = await study();
    const result = runCli('import-chat', [fixture, '--code', '1.2,2.0', '--lines', '8-14', '--id', 'klee-or-knijff', '--speaker', 'STE=coach', '--title', 'Klee or Knijff'], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('speaker: STE → participant "coach" (label Coach)');
    const excerpt = JSON.parse(await readFile(join(dir, 'excerpts', 'klee-or-knijff.json'), 'utf8'));
    expect(excerpt.lines.map((line: { speaker: string }) => line.speaker)).toEqual(['coach', 'kat', 'coach', 'kat', 'coach', 'kat', 'coach']);
    // The file's numbers, 8–14, are the excerpt's, on the page as in the file.
    expect(excerpt.lines.map((line: { number?: number }) => line.number)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8'));
    const numbers = [...transcriptHtml(transcriptLines(excerpt, meta.participants), { id: 'range', mode: 'transcript', lineNumbers: true, legend: false }).matchAll(/aria-label="Line (\d+)"/gu)].map(
      (match) => Number(match[1]),
    );
    expect(numbers).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(excerpt.codes).toEqual(['1.2', '2.0']);
    expect(excerpt.title).toBe('Klee or Knijff');
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('imports a plain CHAT transcript with a warning that it is not CA, the engine’s readings placed at their lines of the file', async () => {
    const dir = await study();
    const result = runCli('import-chat', [join(fixturesDir, 'chat', 'KB0RE000.cha'), '--code', '2.0'], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('KB0RE000.cha:3:1  warning  The file is not marked as CHAT-CA (it has no @Options: CA header)');
    expect(result.stdout).toContain(
      'KB0RE000.cha:20:9  warning  CA notation: Unexpected `>` (faster) left open, expected a closing `<` before the turn ends (line 4 of the excerpt)  [ca/unclosed-span]',
    );
    expect(result.stdout).toContain('speaker: KB0PSUN → new participant "kb0psun" (Unidentified)');
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8'));
    expect(meta.participants.at(-1)).toEqual({
      id: 'kb0psun',
      label: 'KB0PSUN',
      role: 'Unidentified',
      description: 'Unidentified (age 1;01.01, sex male, group Unidentified, custom SES is UU), as the @Participants and @ID headers of KB0RE000.cha describe KB0PSUN.',
    });
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('replaces an excerpt of the same id only with --replace, and a second import of the same lines changes nothing', async () => {
    const dir = await study();
    expect(runCli('import-chat', [fixture, '--code', '1.1'], { STUDY_DIR: dir }).status).toBe(0);
    const before = await snapshot(dir);
    const again = runCli('import-chat', [fixture, '--code', '1.2'], { STUDY_DIR: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /katherine-stefan\.cha {2}error {2}An excerpt "katherine-stefan" is already in the study \(\S+excerpts\/katherine-stefan\.json\), and the import would replace it {2}\[chat-option\]/,
    );
    expect(await snapshot(dir)).toEqual(before);
    const same = runCli('import-chat', [fixture, '--code', '1.1', '--replace'], { STUDY_DIR: dir });
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('speaker: KAT → participant "kat" (label KAT)');
    expect(same.stdout).toContain('no content file changed');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('writes nothing on a dry run', async () => {
    const dir = await study();
    const before = await snapshot(dir);
    const result = runCli('import-chat', [fixture, '--code', '1.1', '--dry-run'], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('dry run, nothing written; the import would change:');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('reports every problem of the file and the options at once, located, without a stack trace, and writes nothing', async () => {
    const dir = await study();
    const before = await snapshot(dir);
    const broken = join(dir, '..', `${dir.split('/').pop()}-broken.cha`);
    temps.push(broken);
    const text = (await readFile(fixture, 'utf8')).replace('*STE:\tYes.', '*STF:\tYes.').replace('@End\n', '');
    await writeFile(broken, text.replaceAll('\n', '\r\n'));
    const result = runCli('import-chat', [broken, '--lines', '1-40'], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    const name = broken.split('/').pop();
    expect(result.stderr).toContain(`${name}:19:2  error  Unknown speaker \`STF\`: @Participants does not declare it (KAT, STE)  [chat-speaker]`);
    expect(result.stderr).toContain(`${name}:31:23  error  The file ends without @End, expected @End on the last line  [chat-end]`);
    expect(result.stderr).toContain(`${name}  error  --lines 1-40 is outside the transcript, which has lines 1-20  [chat-option]`);
    expect(result.stderr).toContain(`${name}  error  No --code given: an excerpt is coded with at least one code  [chat-option]`);
    expect(result.stderr).toContain('    fix: ');
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('reports what the study check finds in the import at the option or line it came from, and writes nothing', async () => {
    const dir = await study();
    const before = await snapshot(dir);
    const result = runCli('import-chat', [fixture, '--code', '9.9', '--unit', '7'], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/katherine-stefan\.cha {2}error {2}Unknown code "9\.9": it is not in codebook\.json \(--code\) {2}\[unknown-code\]/);
    expect(result.stdout).toMatch(/katherine-stefan\.cha {2}error {2}.*7.*\(--unit\) {2}\[unknown-session\]/);
    expect(result.stderr).toContain('Nothing was written.');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('stops with the usage on an option it does not know', () => {
    const result = runCli('import-chat', [fixture, '--code', '1.1', '--line', '3-4'], { STUDY_DIR: baseStudy });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option --line');
    expect(result.stderr).toContain('Usage: npm run import:chat -- file.cha');
  });
});
