/** Handler for the edges of stretches, which also keeps track of what is open. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { symbolOf } from '../symbol-of.ts';
import type { Handler } from '../to-hast.ts';
import type { Marker } from '../types.ts';
import { symbolElement, talk } from './symbol-element.ts';

/**
 * An opening edge is rendered before the stretch starts (so it is not styled
 * as part of it) and a closing edge after the stretch ends. Overlap onsets that
 * answer an onset on the line above get a spacer that lines them up with it.
 */
export const marker: Handler<Marker> = (state, node) => {
  if (node.edge === 'close' && node.partner !== undefined) state.active.delete(node.partner);
  const entry = symbolOf(node);
  const rendered = entry
    ? symbolElement(state, entry, {
        value: node.value,
        parameters: { edge: node.edge === 'open' ? 'starts' : 'ends' },
        visible: node.span !== 'emphasis',
      })
    : talk(state, node.value);
  // Overlap onsets name themselves and the onset they answer, so a browser test (or a
  // reader's tool) can check that the two sit in one column.
  if (node.span === 'overlap' && node.edge === 'open' && rendered.type === 'element') {
    rendered.properties['dataOnset'] = `${state.options.idPrefix}-${String(node.id)}`;
    if (node.answers !== undefined) rendered.properties['dataAnswers'] = `${state.options.idPrefix}-${String(node.answers)}`;
  }
  if (node.edge === 'open') state.active.set(node.id, node);
  const pad = state.alignment.get(node.id);
  // Real spaces, not a sized box, so a copied selection is aligned as the page is.
  const spacer: ElementContent[] = pad ? [h('span.ca-align', { ariaHidden: 'true' }, ' '.repeat(pad))] : [];
  return [...spacer, rendered];
};
