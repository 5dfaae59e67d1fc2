/** The symbols a transcript uses, for its legend. */
import { symbolOf } from './symbol-of.ts';
import { getSymbol, type SymbolEntry, symbols } from './symbols.ts';
import type { Node, Transcript } from './types.ts';

/** Entries of the symbol table that `tree` uses, in table order. */
export function usedSymbols(tree: Transcript): SymbolEntry[] {
  const used = new Set<SymbolEntry>();
  const visit = (node: Node): void => {
    const entry = symbolOf(node);
    if (entry) used.add(entry);
    if (node.type === 'silence' && node.note !== undefined) used.add(getSymbol('comment'));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return symbols.filter((entry) => used.has(entry));
}
