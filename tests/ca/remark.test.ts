/** The remark plugin: ```ca blocks in Markdown become rendered transcripts. */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkCa from '../../src/ca/remark-ca.ts';

const processor = unified().use(remarkParse).use(remarkCa).use(remarkRehype).use(rehypeStringify);

describe('remark-ca', () => {
  test('should replace a ```ca block with the rendered transcript and legend', async () => {
    const file = await processor.process('Before.\n\n```ca\nClient: yeh (1.0) people are just mean\nTherapist: yeah hhh heh\n```\n\nAfter.\n');
    const html = String(file);
    expect(html).toMatch(/^<p>Before.<\/p>\n<div class="ca-transcript ca-transcript--transcript"/);
    expect(html).toContain('<span class="ca-speaker">Client:    </span>');
    expect(html).toContain('<span class="ca-sr">pause, 1 second</span>');
    expect(html).toContain('id="ca-1-line-1"');
    expect(html).toContain('class="ca-legend"');
    expect(html).not.toContain('<pre>');
    expect(file.messages).toEqual([]);
  });

  test('should leave other code blocks alone and number transcripts in document order', async () => {
    const html = String(await processor.process('```js\nlet a = [1]\n```\n\n```ca\nA: one\n```\n\n```ca\nB: two\n```\n'));
    expect(html).toContain('<pre><code class="language-js">let a = [1]\n</code></pre>');
    expect(html).toContain('id="ca-1-line-1"');
    expect(html).toContain('id="ca-2-line-1"');
  });

  test('should read `ca commentary` blocks as commentary', async () => {
    const html = String(await processor.process('```ca commentary\nClient: someone that [she] would be friends with.\n```\n'));
    expect(html).toContain('ca-sym--editorial');
    expect(html).not.toContain('ca-sym--falling-intonation');
  });

  test('should report messages at their place in the Markdown file', async () => {
    const markdown = '# Title\n\n```ca\nTherapist: nicer\n[this time of year\nClient: [yeah]\n```\n';
    const file = await processor.process(markdown);
    expect(file.messages.map((message) => `${String(message.line)}:${String(message.column)} ${message.ruleId ?? ''} ${message.source ?? ''}`)).toEqual(['5:1 unclosed-overlap jefferson']);
    expect(file.messages[0]?.place).toMatchObject({ start: { offset: markdown.indexOf('[this') } });
  });

  test('should keep the parsed tree on the node for later plugins', async () => {
    const tree = unified().use(remarkParse).parse('```ca\nA: so::\n```');
    await unified().use(remarkCa).run(tree);
    expect(tree.children[0]).toMatchObject({ type: 'caTranscript', tree: { type: 'transcript', children: [{ type: 'turn', speaker: 'A' }] } });
  });
});
