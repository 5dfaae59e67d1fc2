import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseJsonSource, placeOf } from '../../src/study/json-source.ts';

function parsed(text: string) {
  const file = new VFile({ path: 'excerpts/a.json', value: text });
  const source = parseJsonSource(file);
  return { source, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
}

describe('parseJsonSource', () => {
  it('a well-formed file gives the value JSON.parse gives, and places values in it', () => {
    const text = '{\n  "id": "a",\n  "lines": [{ "kind": "turn", "text": "oars \\u2191first\\u2191" }],\n  "n": -0.5e3\n}\n';
    const { source, messages } = parsed(text);
    expect(messages).toEqual([]);
    expect(source!.value).toEqual(JSON.parse(text));
    expect(placeOf(source!, ['lines', 0, 'text'])).toEqual({ line: 3, column: 39 });
    expect(placeOf(source!, ['n'])).toEqual({ line: 4, column: 8 });
  });

  it('reports a duplicate key, which JSON.parse would drop without a word, also with space before the colon and an escaped key', () => {
    expect(parsed('{\n  "id": "a",\n  "id" : "b"\n}').messages).toEqual(['3:3 duplicate-key Duplicate key "id": JSON keeps only the last one']);
    expect(parsed('{"lines": [{"text": "x", "t\\u0065xt": "y"}]}').messages).toEqual(['1:26 duplicate-key Duplicate key "text": JSON keeps only the last one']);
    // A colon inside a string is no key.
    expect(parsed('{"a": "b:", "c": ["d", "e:"]}').messages).toEqual([]);
  });

  it('reports a control character written as an escape, in a value or a key', () => {
    expect(parsed('{"text": "a\\u0000b"}').messages).toEqual(['1:12 control-character Control character U+0000 in a string (written as an escape): a web page cannot show it']);
    expect(parsed('{"te\\bxt": "a"}').messages).toEqual(['1:5 control-character Control character U+0008 in a string (written as an escape): a web page cannot show it']);
    // A tab, line feed, carriage return or form feed is no control character here.
    expect(parsed('{"text": "a\\tb\\nc\\rd\\fe"}').messages).toEqual([]);
  });

  it('reports invalid JSON at its place', () => {
    expect(parsed('{"id": "a",}').messages).toEqual(['1:12 json-syntax Invalid JSON: expected a property name in double quotes', '1:12 json-syntax Invalid JSON: expected a value']);
    expect(parsed('').source).toBeUndefined();
  });
});
