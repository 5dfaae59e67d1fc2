/**
 * Thrown when prose refers to something the study does not have (an excerpt id, a
 * citation key, a glossary term). The build stops with what was received, what exists,
 * and where the reference is, instead of publishing a dangling link.
 */
export class UnknownReferenceError extends Error {
  constructor(component: string, prop: string, received: string, known: readonly string[], page: string) {
    const sample = known
      .slice(0, 12)
      .map((value) => `"${value}"`)
      .join(', ');
    super(
      `<${component} ${prop}="${received}"> on ${page}: no such ${prop} in the study.\n` +
        `Expected one of: ${sample}${known.length > 12 ? `, … (${known.length} in all)` : ''}.\n` +
        `Fix the ${prop}, or add the record to the study folder.`,
    );
    this.name = 'UnknownReferenceError';
  }
}
