/**
 * The markup of one symbol occurrence, shared by every handler that renders notation.
 *
 * ```html
 * <span class="ca-sym ca-sym--timed-pause" tabindex="0" aria-describedby="ca-tip-1">
 *   <span class="ca-sr">pause, 5 seconds</span>
 *   <span class="ca-glyph" aria-hidden="true">(5.0)</span>
 *   <span class="ca-tip" id="ca-tip-1" aria-hidden="true">Timed pause. A silence…</span>
 * </span>
 * ```
 *
 * The glyph is the only text a copy picks up: the spoken name and the tooltip
 * are `user-select: none` in `transcript.css`, and hidden from the accessibility
 * tree except through `aria-describedby`, so a screen reader hears
 * "pause, 5 seconds" and, on focus, the explanation. Focus (not only hover)
 * shows the tooltip, with CSS alone.
 */
import type { Element, ElementContent, Properties, Text } from 'hast';
import { type SpokenParameters, speak, type SymbolEntry } from '../symbols.ts';
import type { State } from '../to-hast.ts';

/** What varies between occurrences. */
export interface Occurrence {
  /** The notation exactly as written. */
  readonly value: string;
  /** Filled into the entry's spoken template. */
  readonly parameters?: SpokenParameters;
  /** Words spoken after the name (the hearing, the comment), since the glyph itself is hidden from screen readers. */
  readonly words?: string;
  /** Whether the glyph is shown; emphasis underscores are not, the talk is underlined instead. */
  readonly visible?: boolean;
}

/** Render one occurrence of `entry`. */
export function symbolElement(state: State, entry: SymbolEntry, occurrence: Occurrence): Element {
  const spoken = [speak(entry, occurrence.parameters), occurrence.words].filter(Boolean).join(': ');
  const classes = ['ca-sym', `ca-sym--${entry.id}`, ...activeClasses(state)];
  const sr = span({ className: ['ca-sr'] }, [text(spoken)]);
  const glyph = span({ className: ['ca-glyph'], ariaHidden: 'true' }, [text(occurrence.value)]);
  if (occurrence.visible === false) return span({ className: classes }, [sr, glyph]);
  const tipId = state.id('tip');
  return span({ className: classes, tabIndex: 0, ariaDescribedBy: [tipId] }, [
    sr,
    glyph,
    span({ className: ['ca-tip'], id: tipId, ariaHidden: 'true' }, [{ type: 'element', tagName: 'strong', properties: {}, children: [text(entry.name)] }, text(` ${entry.meaning}`)]),
  ]);
}

/** Talk inside open stretches, wrapped so CSS can style it (underline, smaller, italic…). */
export function talk(state: State, value: string): ElementContent {
  const classes = activeClasses(state);
  return classes.length === 0 ? text(value) : span({ className: classes }, [text(value)]);
}

// Elements are built as plain hast rather than through hastscript: a transcript has a
// few hundred of them, and normalising each property again was a fifth of its render time.
function span(properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties, children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function activeClasses(state: State): string[] {
  return [...new Set([...state.active.values()].map((marker) => `ca-in-${marker.span}`))];
}
