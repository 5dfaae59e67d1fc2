/** Small helpers shared by the CA tests. */
import type { Node, PhrasingContent, Transcript } from '../../src/ca/index.ts';

/** A copy of `node` without positions, for comparisons that are not about them. */
export function removePosition<T extends Node>(node: T): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

/** The phrasing nodes of every line, in order. */
export function phrasing(tree: Transcript): PhrasingContent[] {
  return tree.children.flatMap((child) => (child.type === 'turn' ? child.children.flatMap((line) => line.children) : []));
}

/** `[type, value]` pairs of every phrasing node except whitespace: a compact view for targeted tests. */
export function tokens(tree: Transcript): [string, string][] {
  return phrasing(tree)
    .filter((node) => node.type !== 'whitespace')
    .map((node) => [node.type, node.value]);
}
