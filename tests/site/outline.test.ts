import { describe, expect, it } from 'vitest';
import { nest, outline } from '../../src/site/outline.ts';

const page = `<article class="prose"><h1>Results</h1>
<h2 id="themes">Themes</h2><p>a</p>
<h3>Boundaries &amp; roles</h3>
<article class="excerpt"><h3>an excerpt's title</h3></article>
<details><summary>x</summary><h2>Cite this page</h2></details>
<h2>Themes</h2><h3 class="no-outline">hidden</h3><h4>Deep</h4>
</article><p id="boundaries-roles">taken</p>`;

describe('outline', () => {
  const { html, entries } = outline(page, 3);

  it('lists the section headings outside excerpt cards and disclosures, with ids no other element has', () => {
    expect(entries).toEqual([
      { depth: 2, id: 'themes', text: 'Themes' },
      { depth: 3, id: 'boundaries--roles', text: 'Boundaries & roles' },
      { depth: 2, id: 'themes-1', text: 'Themes' },
    ]);
    expect(outline(page, 2).entries.map((entry) => entry.depth)).toEqual([2, 2]);
  });

  it('adds a named permalink after each section heading, grouped with it, and none elsewhere', () => {
    expect(html).toContain(
      '<div class="heading heading--h2"><h2 id="themes">Themes</h2><a class="heading__anchor" href="#themes"><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Themes”</span></a></div>',
    );
    expect(html).toContain('<div class="heading heading--h4"><h4 id="deep">Deep</h4>');
    expect(html).toContain("<h3>an excerpt's title</h3>");
    expect(html).toContain('<h2>Cite this page</h2>');
    expect(html.match(/heading__anchor/g)).toHaveLength(4);
  });

  it('nests subsections under their section', () => {
    expect(nest(entries).map((section) => [section.text, section.children.map((entry) => entry.text)])).toEqual([
      ['Themes', ['Boundaries & roles']],
      ['Themes', []],
    ]);
  });
});
