/**
 * The MDX check: frontmatter read as Astro reads it and validated against the documented
 * schemas, every component use checked against the study, each problem at file:line:column.
 * Whole-study cases are in tests/fixtures/errors/mdx-*; these pin each rule on its own.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { formatReport } from '../../src/study/diagnostics.ts';
import { checkProseFile, type ProseFolder, type ProseTargets } from '../../src/study/prose/check.ts';
import { mdxComponentSpecs } from '../../src/study/prose/components.ts';
import { readFrontmatter } from '../../src/study/prose/frontmatter.ts';

const targets: ProseTargets = {
  excerpts: ['first-visit', 'second-visit'],
  references: ['smith2020', 'jones2019'],
  terms: ['member-checking'],
  codes: ['1.0', '2.0', '2.1'],
  units: [1, 2],
  charts: ['theme-process', 'step-sequence'],
  chartsNeedingUnit: ['step-sequence'],
  teaching: ['case-one'],
};

const chapter = (body: string, frontmatter = 'title: Findings\ndescription: What was found.\norder: 1') => `---\n${frontmatter}\n---\n\n${body}\n`;

function check(text: string, folder: ProseFolder = 'chapters', known: ProseTargets | 'study did not load' = targets): string[] {
  const file = new VFile({ path: `/study/${folder}/page.mdx`, value: text });
  checkProseFile(file, folder, known === 'study did not load' ? undefined : known);
  return formatReport([file], '/study')
    .split('\n')
    .filter((line) => / {2}(error|warning) {2}/.test(line));
}

describe('frontmatter', () => {
  it('accepts a valid chapter and teaching page', () => {
    expect(check(chapter('Text.'))).toEqual([]);
    expect(check(chapter('Text.', 'title: "Case: one"\ndescription: A case.\norder: 2\nkind: vignette\nexcerpts: [first-visit]\ncodes: ["2.1"]'), 'teaching')).toEqual([]);
  });

  it('reports an unquoted colon where YAML stops reading, with the quoting fix', () => {
    const file = new VFile({ path: '/study/chapters/page.mdx', value: chapter('Text.', 'title: Session 3: the rupture\ndescription: x\norder: 1') });
    checkProseFile(file, 'chapters', targets);
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([[2, 17, 'frontmatter-syntax']]);
    expect(file.messages[0]!.note).toMatch(/must be quoted: title: "Session 3: the rupture"/);
  });

  it('reports a missing field at the frontmatter and an unknown one at its key', () => {
    expect(check(chapter('Text.', 'title: Findings\norder: 1\nauthor: me'))).toEqual([
      'chapters/page.mdx:2:1  error  Missing required field "description" in the top-level object (expected string)  [missing-field]',
      'chapters/page.mdx:4:1  error  Unknown key "author" in the top-level object  [unknown-key]',
    ]);
  });

  it('reports a file with no frontmatter at all', () => {
    expect(check('# Findings\n')).toContain('chapters/page.mdx:1:1  error  Missing required field "title" in the top-level object (expected string)  [missing-field]');
  });

  it('reports an unknown teaching kind, and unknown excerpts and codes at their place in a list', () => {
    expect(check(chapter('Text.', 'title: Case\ndescription: A case.\norder: 1\nkind: case-study'), 'teaching')).toEqual([
      'teaching/page.mdx:5:7  error  Invalid value for "kind": expected one of "hub", "lesson-plan", "vignette", "module", "questions", "course-pack", found string "case-study"  [invalid-value]',
    ]);
    expect(check(chapter('Text.', 'title: Case\ndescription: A case.\norder: 1\nkind: vignette\nexcerpts:\n  - first-visit\n  - frist-visit\ncodes: ["2.1", "3.0"]'), 'teaching')).toEqual([
      'teaching/page.mdx:8:5  error  Unknown excerpt "frist-visit": there is no excerpts/frist-visit.json  [unknown-excerpt]',
      'teaching/page.mdx:9:16  error  Unknown code "3.0": it is not in codebook.json  [unknown-code]',
    ]);
    expect(check(chapter('Text.', 'title: Case\ndescription: A case.\norder: 1\nkind: vignette\ncodes: [2.1]'), 'teaching')).toEqual([
      'teaching/page.mdx:6:9  error  Wrong type for "codes[0]": expected string, found number 2.1  [wrong-type]',
    ]);
  });

  it('keeps lines and columns of the body when it blanks the frontmatter out', () => {
    const { body } = readFrontmatter(new VFile({ value: chapter('<X />') }));
    expect(body.split('\n')[6]).toBe('<X />');
    expect(body.split('\n').length).toBe(chapter('<X />').split('\n').length);
  });
});

describe('components', () => {
  it('accepts every documented example', () => {
    const examples = Object.values(mdxComponentSpecs).map((spec) => spec.example);
    const known: ProseTargets = { ...targets, teaching: ['discussion-questions'], codes: ['2.1'], charts: ['theme-session-matrix'] };
    expect(check(chapter(examples.join('\n\n')), 'chapters', known)).toEqual([]);
  });

  it('reports unknown ids at the prop, with the nearest id', () => {
    expect(check(chapter('As <ExcerptLink id="first-vist" /> shows <Cite id="smith2020, jons2019" locator="p. 3" /> and <Term id="memberchecking" />.'))).toEqual([
      'chapters/page.mdx:7:17  error  Unknown excerpt "first-vist": there is no excerpts/first-vist.json  [unknown-excerpt]',
      'chapters/page.mdx:7:48  error  Unknown reference "jons2019": it is not in references.json  [unknown-reference]',
      'chapters/page.mdx:7:101  error  Unknown glossary term "memberchecking": it is not in glossary.json  [unknown-term]',
    ]);
  });

  it('reports an unknown component, a misspelt or missing prop and a value of the wrong kind', () => {
    expect(
      check(
        chapter(
          '<Quote id="first-visit" />\n\n<Excerpt ids="first-visit" />\n\n<Excerpt id="first-visit" context="false" level={4} />\n\n<Chart name="step-sequence" />\n\n<Chart name="theme-process" session="2" />',
        ),
      ),
    ).toEqual([
      'chapters/page.mdx:7:1  error  Unknown component <Quote>: MDX would stop the build with "Expected component Quote to be defined"  [unknown-component]',
      'chapters/page.mdx:9:1  error  <Excerpt> needs "id"  [missing-prop]',
      'chapters/page.mdx:9:10  error  Unknown prop "ids" on <Excerpt>; did you mean "id"?  [unknown-prop]',
      'chapters/page.mdx:11:27  error  Wrong value for "context" on <Excerpt>: expected true or false in braces, found context="false"  [wrong-prop]',
      'chapters/page.mdx:11:43  error  Wrong value for "level" on <Excerpt>: expected {2} or {3}, found level={4}  [wrong-prop]',
      'chapters/page.mdx:13:1  error  <Chart name="step-sequence"> draws one session and needs "session"  [missing-prop]',
      'chapters/page.mdx:15:29  error  Wrong value for "session" on <Chart>: expected a number in braces, found session="2"  [wrong-prop]',
    ]);
  });

  it('reports a chart the study cannot draw and a session it does not have', () => {
    expect(check(chapter('<Chart name="session-phases" />\n\n<Chart name="step-sequence" session={7} />'))).toEqual([
      'chapters/page.mdx:7:8  error  Unknown chart "session-phases": this study cannot draw it  [unknown-chart]',
      'chapters/page.mdx:9:29  error  Unknown session "7": there is no such file in sessions/  [unknown-session]',
    ]);
  });

  it('reports a figure reference no chart on the page has, a chart id given twice and a malformed id, each at its place', () => {
    const body =
      'As <FigureRef id="process" /> and <FigureRef id="procss" /> show, and <FigureRef id="other" />.\n\n<Chart name="theme-process" id="process" />\n\n<Chart name="theme-process" id="process" />\n\n<Chart name="theme-process" id="Big Chart" />';
    expect(check(chapter(body))).toEqual([
      'chapters/page.mdx:7:46  error  Unknown figure "procss": no <Chart> on this page has that id (figures are numbered per page)  [unknown-figure]',
      'chapters/page.mdx:7:82  error  Unknown figure "other": no <Chart> on this page has that id (figures are numbered per page)  [unknown-figure]',
      'chapters/page.mdx:11:29  error  Two charts on this page are named "process" (the other at line 9)  [duplicate-figure]',
      'chapters/page.mdx:13:29  error  Wrong value for "id" on <Chart>: expected a figure name in quotes, found id="Big Chart"  [wrong-prop]',
    ]);
    // A reference to a figure on the page, before or after it, is fine.
    expect(check(chapter('<FigureRef id="process" />\n\n<Chart name="theme-process" id="process" />\n\nAgain <FigureRef id="process" />.'))).toEqual([]);
  });

  it('leaves imported components, HTML elements and computed values to the author, saying what it could not check', () => {
    expect(check(chapter('import Box from "./box.astro";\n\n<Box /> <abbr title="x">X</abbr> <ExcerptLink id={chosen} />'))).toEqual([
      'chapters/page.mdx:9:47  warning  <ExcerptLink id={…}> is computed, so it cannot be checked  [unchecked-prop]',
    ]);
  });

  it('checks names but not records when the study itself did not load', () => {
    expect(check(chapter('<ExcerptLink id="anything" /> <Exerpt id="x" />'), 'chapters', 'study did not load')).toEqual([
      'chapters/page.mdx:7:31  error  Unknown component <Exerpt>: MDX would stop the build with "Expected component Exerpt to be defined"  [unknown-component]',
    ]);
  });

  it('reports MDX syntax errors at their place with how to write a literal < or {', () => {
    const lines = check(chapter('Scores were < 5 in {most cases.'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^chapters\/page\.mdx:7:\d+ {2}error {2}MDX syntax: .+ {2}\[mdx-syntax\]$/);
  });
});

describe('markup that runs script or embeds another page', () => {
  it('warns about <script>, event handlers, script URLs and embedded pages at their place', () => {
    const body = [
      '<script>alert(1)</script>',
      '',
      '<img src="a.png" alt="" onError="alert(1)" />',
      '',
      'A [link](javascript:alert(1)) and a <a href=" JaVa\tScript:alert(1)">tag</a>.',
      '',
      '<iframe src="https://example.org/" title="x" />',
      '',
      '[ref]: vbscript:msgbox(1)',
    ].join('\n');
    expect(check(chapter(body))).toEqual([
      "chapters/page.mdx:7:1  warning  <script> is published as written and would run code in every reader's browser  [mdx-script]",
      "chapters/page.mdx:9:25  warning  Event handler onError on <img> would run code in the reader's browser  [mdx-event-handler]",
      'chapters/page.mdx:11:3  warning  The link target "javascript:alert(1)" is a script URL, which runs code when followed  [mdx-script-url]',
      'chapters/page.mdx:11:40  warning  href=" JaVa\tScript:alert(1)" on <a> is a script URL, which runs code when followed  [mdx-script-url]',
      'chapters/page.mdx:13:1  warning  <iframe> embeds another page or plug-in, whose content the study does not control  [mdx-embedded-content]',
      'chapters/page.mdx:15:1  warning  The link target "vbscript:msgbox(1)" is a script URL, which runs code when followed  [mdx-script-url]',
    ]);
  });

  it('leaves ordinary links, images and components alone', () => {
    expect(check(chapter('[a page](https://example.org/javascript:x) and <a href="notes/">notes</a>, <img src="a.png" alt="online" />'))).toEqual([]);
  });
});

describe('nesting', () => {
  it('refuses elements nested deeper than the limit at the first one too deep, instead of overflowing the stack', () => {
    const lines = check(chapter(`${'>'.repeat(3000)} deep\n\n${'<div>'.repeat(2000)}${'</div>'.repeat(2000)}`));
    expect(lines).toEqual(['chapters/page.mdx:7:65  error  Elements nested more than 64 levels deep (quotes, lists, tags inside each other)  [mdx-depth]']);
  });
});
