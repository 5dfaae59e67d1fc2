/**
 * remark plugin: replace each ```` ```ca ```` fenced block with the rendered
 * transcript. The block's info string may add `commentary` to read the lines
 * as verbatim commentary (````  ```ca commentary ````), and `not-loud=GP,ICU` to
 * say which words in capitals are acronyms rather than loud talk.
 *
 * The replacement is a `caTranscript` node that carries the parsed tree and
 * the rendered hast in `data.hName`/`hProperties`/`hChildren`, so
 * mdast-util-to-hast turns it into real elements in any unified pipeline
 * (Astro's `unified()` processor and MDX alike) without extra handlers.
 * Parser messages are added to the Markdown file at their place in it.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Code, Data, Root } from 'mdast';
import type { Point, Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { parseTranscriptText } from './parse.ts';
import { toHast } from './to-hast.ts';
import type { Transcript } from './types.ts';

/** Data that makes mdast-util-to-hast emit the rendered transcript. */
export interface CaTranscriptData extends Data {
  /** Element name of the transcript container. */
  hName: string;
  /** Its properties. */
  hProperties: Properties;
  /** The rendered lines and legend. */
  hChildren: ElementContent[];
}

/** A transcript embedded in Markdown. */
export interface CaTranscript {
  /** Node type. */
  type: 'caTranscript';
  /** The parsed transcript, for plugins that run later (search indexing, checks). */
  tree: Transcript;
  /** Rendering, as hast. */
  data: CaTranscriptData;
  /** Where the fenced block was. */
  position?: Position | undefined;
}

declare module 'mdast' {
  interface RootContentMap {
    caTranscript: CaTranscript;
  }
  interface BlockContentMap {
    caTranscript: CaTranscript;
  }
}

/** Options for `remarkCa`. */
export interface RemarkCaOptions {
  /** Prefix of generated ids; each block appends its number in the document. Default `ca`. */
  idPrefix?: string;
  /** Words in capitals that are not loud talk in any block (a study's acronyms: `GP`, `ICU`); a block adds its own with `not-loud=ED,BP`. */
  notLoud?: readonly string[];
  /** A key to the symbols under each block. Default `true`; a site that prints one key per page turns it off. */
  legend?: boolean;
}

/** Render ```` ```ca ```` blocks as transcripts. */
export default function remarkCa(options: RemarkCaOptions = {}) {
  const prefix = options.idPrefix ?? 'ca';
  return (tree: Root, file: VFile): void => {
    let count = 0;
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang !== 'ca' || !parent || index === undefined) return;
      count++;
      const meta = node.meta ?? '';
      const mode = /(?:^|\s)commentary(?:\s|$)/.test(meta) ? 'commentary' : 'transcript';
      const declared =
        /(?:^|\s)not-loud=(\S+)/
          .exec(meta)?.[1]
          ?.split(',')
          .filter((word) => word !== '') ?? [];
      const notLoud = [...(options.notLoud ?? []), ...declared];
      const { tree: transcript, messages } = parseTranscriptText(node.value, { mode, notLoud });
      for (const message of messages) relocate(message, node, file);
      const [element] = toHast(transcript, { idPrefix: `${prefix}-${String(count)}`, legend: options.legend ?? true }).children as Element[];
      const replacement: CaTranscript = {
        type: 'caTranscript',
        tree: transcript,
        data: { hName: element?.tagName ?? 'div', hProperties: element?.properties ?? {}, hChildren: element?.children ?? [] },
        position: node.position,
      };
      parent.children.splice(index, 1, replacement);
      return [SKIP, index + 1];
    });
  };
}

/** Re-report a message from the block's own coordinates at its place in the Markdown file. */
function relocate(message: VFileMessage, code: Code, file: VFile): void {
  const place = message.place;
  const moved = place === undefined ? code.position : 'start' in place ? { start: shift(place.start, code, file), end: shift(place.end, code, file) } : shift(place, code, file);
  const copy = file.message(message.reason, { place: moved, ruleId: message.ruleId, source: message.source });
  copy.fatal = message.fatal;
  copy.url = message.url;
  copy.note = message.note;
  copy.actual = message.actual;
  copy.expected = message.expected;
}

/** The block's text starts on the line after the opening fence, indented like the fence. */
function shift(point: Point, code: Code, file: VFile): Point {
  const fence = code.position?.start;
  if (!fence) return point;
  const indent = fence.column - 1;
  const source = String(file);
  const firstLine = fence.offset === undefined ? undefined : source.indexOf('\n', fence.offset) + 1;
  const offset = firstLine === undefined || point.offset === undefined ? undefined : firstLine + indent * point.line + point.offset;
  return { line: fence.line + point.line, column: point.column + indent, ...(offset === undefined ? {} : { offset }) };
}
