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
  if (node.edge === 'open') state.active.set(node.id, node);
  const pad = state.alignment.get(node.id);
  const spacer: ElementContent[] = pad ? [h('span.ca-align', { ariaHidden: 'true', style: `--ca-align:${String(pad)}` })] : [];
  return [...spacer, rendered];
};
