/**
 * Fixture folders: `fixtures/<case>/input.txt` (+ optional `config.json`) →
 * `tree.json` (whole tree, with positions), `output.html`, `messages.txt`.
 * A missing expectation fails; `UPDATE=1` writes them all (vitest.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type Mode, parseTranscript, parseTranscriptText, toHtml } from '../../src/ca/index.ts';

interface Config {
  /** How to read the text (default `transcript`). */
  mode?: Mode;
  /** When set, `input.txt` is one stored turn by this speaker (a quote from the article's prose), parsed with `parseTranscript`. */
  speaker?: string;
}

const root = new URL('fixtures/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function read(name: string, file: string): string | undefined {
  const url = new URL(`${name}/${file}`, root);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}

function expectFile(name: string, file: string, actual: string): Promise<void> {
  return expect(actual).toMatchFileSnapshot(fileURLToPath(new URL(`${name}/${file}`, root)));
}

describe('fixtures', () => {
  test('there are fixtures for every transcript and commentary excerpt of the article', () => {
    expect(cases.filter((name) => name.startsWith('session-'))).toHaveLength(5);
    expect(cases.filter((name) => name.startsWith('commentary-'))).toHaveLength(12);
    expect(cases.filter((name) => name.startsWith('quote-'))).toHaveLength(4);
  });

  test.each(cases)('%s', async (name) => {
    const input = read(name, 'input.txt') ?? '';
    const config = JSON.parse(read(name, 'config.json') ?? '{}') as Config;
    const options = { mode: config.mode ?? 'transcript' } as const;
    const { tree, messages } = config.speaker === undefined ? parseTranscriptText(input, options) : parseTranscript([{ kind: 'turn', speaker: config.speaker, text: input }], options);

    await expectFile(name, 'tree.json', `${JSON.stringify(tree, null, 2)}\n`);
    await expectFile(name, 'output.html', `${toHtml(tree, { idPrefix: name })}\n`);
    await expectFile(name, 'messages.txt', messages.map((message) => `${String(message)} [${message.ruleId ?? ''}]\n`).join(''));
  });
});
