/**
 * Stable GUIDs for exported projects: name-based UUIDs (RFC 9562 version 5) derived from
 * Casebook's own identifiers, so exporting the same study twice gives the same GUIDs and
 * an import can recognise the codes and excerpts it exported.
 */
import { createHash } from 'node:crypto';

/** Casebook's namespace for name-based UUIDs (a fixed random UUID). */
const NAMESPACE = '09cd9b30-b652-481a-9c1d-b43952c19974';

export function stableGuid(name: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUIDs of what Casebook exports, by kind: one place that names them. */
export const guidOf = {
  code: (slug: string) => stableGuid(`code:${slug}`),
  source: (excerptId: string) => stableGuid(`source:${excerptId}`),
  selection: (excerptId: string) => stableGuid(`selection:${excerptId}`),
  coding: (excerptId: string, code: string) => stableGuid(`coding:${excerptId}:${code}`),
  note: (excerptId: string, role: string) => stableGuid(`note:${excerptId}:${role}`),
  variable: (name: string) => stableGuid(`variable:${name}`),
  user: () => stableGuid('user:casebook'),
};
