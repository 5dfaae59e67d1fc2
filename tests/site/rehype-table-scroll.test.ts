import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeTableScroll from '../../src/site/rehype-table-scroll.ts';

function run(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeTableScroll()(tree);
  return toHtml(tree);
}

describe('rehype-table-scroll', () => {
  it('wraps a table in a focusable region named after the heading it sits under', () => {
    expect(run('<h2>Timing</h2><p>x</p><table><tr><td>a</td></tr></table>')).toBe(
      '<h2>Timing</h2><p>x</p><section class="table-scroll" tabindex="0" aria-label="Timing"><table><tbody><tr><td>a</td></tr></tbody></table></section>',
    );
  });

  it('prefers the caption, and numbers tables under no heading', () => {
    expect(run('<table><caption>Durations <em>(mm:ss)</em></caption><tr><td>a</td></tr></table>')).toContain('aria-label="Durations (mm:ss)"');
    expect(run('<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>')).toContain('aria-label="Table 2"');
  });

  it('leaves a table that already has its region alone', () => {
    const html = '<section class="table-scroll" tabindex="0" aria-label="Rubric"><table><tbody><tr><td>0:00–0:15</td></tr></tbody></table></section>';
    expect(run(html)).toBe(html);
  });

  it('keeps numbers with a dash on one line, and only those', () => {
    expect(run('<table><tr><td>0:00–0:15</td><td>sit the 35-second silence; self-care, 15 – 20</td></tr></table>')).toContain(
      '<td><span class="nowrap">0:00–0:15</span></td><td>sit the <span class="nowrap">35-second</span> silence; self-care, 15 – 20</td>',
    );
  });
});
