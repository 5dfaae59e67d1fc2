/**
 * Fixture folders: `fixtures/<case>/input.txt` (+ optional `config.json`) →
 * `tree.json` (whole tree, with positions), `output.html`, `messages.txt`.
 * Missing expectations are written on first run; `UPDATE=1` rewrites them all.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type Mode, parseTranscript, parseTranscriptText, toHtml } from '../../src/ca/index.ts';

interface Config {
  /** How to read the text (default `transcript`). */
  mode?: Mode;
  /** When set, `input.txt` is one stored turn by this speaker (a quote from the article's prose), parsed with `parseTranscript`. */
  speaker?: string;
}

const root = new URL('fixtures/', import.meta.url);
const update = process.env['UPDATE'] === '1';
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function read(name: string, file: string): string | undefined {
  const url = new URL(`${name}/${file}`, root);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}

/** Compare with the stored expectation, or store it when missing (or when updating). */
function expectFile(name: string, file: string, actual: string): void {
  const expected = read(name, file);
  if (expected === undefined || update) {
    writeFileSync(new URL(`${name}/${file}`, root), actual);
    return;
  }
  expect(actual).toBe(expected);
}

describe('fixtures', () => {
  test('there are fixtures for every transcript and commentary excerpt of the article', () => {
    expect(cases.filter((name) => name.startsWith('session-'))).toHaveLength(5);
    expect(cases.filter((name) => name.startsWith('commentary-'))).toHaveLength(12);
    expect(cases.filter((name) => name.startsWith('quote-'))).toHaveLength(4);
  });

  test.each(cases)('%s', (name) => {
    const input = read(name, 'input.txt') ?? '';
    const config = JSON.parse(read(name, 'config.json') ?? '{}') as Config;
    const options = { mode: config.mode ?? 'transcript' } as const;
    const { tree, messages } =
      config.speaker === undefined
        ? parseTranscriptText(input, options)
        : parseTranscript([{ kind: 'turn', speaker: config.speaker, text: input }], options);

    expectFile(name, 'tree.json', `${JSON.stringify(tree, null, 2)}\n`);
    expectFile(name, 'output.html', `${toHtml(tree, { idPrefix: name })}\n`);
    expectFile(name, 'messages.txt', messages.map((message) => `${String(message)} [${message.ruleId ?? ''}]\n`).join(''));
  });
});
