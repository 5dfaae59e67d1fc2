/**
 * Conversation Analysis engine: Jefferson transcripts → syntax tree → HTML.
 * See `README.md` for the grammar, the tree and every diagnostic.
 */
export { parseTranscript, parseTranscriptText, type ParseOptions, type ParseResult } from './parse.ts';
export { lastLineNumber, toHast, type ToHastOptions } from './to-hast.ts';
export { toHtml } from './to-html.ts';
export { usedSymbols } from './used-symbols.ts';
export { legendToHast, type LegendOptions } from './legend.ts';
export {
  getSymbol,
  symbols,
  speak,
  type SpokenParameters,
  type SymbolEntry,
  type SymbolId,
  type SymbolSource,
} from './symbols.ts';
export { ruleIds, type RuleId } from './diagnostics.ts';
export type * from './types.ts';
