/**
 * The participants an import needs to read speaker labels, taken from study.json without
 * requiring the rest of the study to be valid (the import may be what repairs it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ParticipantSchema } from '../study/schemas/index.ts';
import type { Speaker } from './lines-text.ts';

export async function readSpeakers(dir: string): Promise<Speaker[]> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')) as { participants?: unknown };
    if (!Array.isArray(meta.participants)) return [];
    return meta.participants.flatMap((participant) => {
      const parsed = ParticipantSchema.safeParse(participant);
      return parsed.success ? [{ id: parsed.data.id, label: parsed.data.label }] : [];
    });
  } catch {
    return [];
  }
}

/** The ids of the excerpt sources study.json declares ("sources"), where it declares any. */
export async function readExcerptSources(dir: string): Promise<string[]> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')) as { sources?: unknown };
    if (!Array.isArray(meta.sources)) return [];
    return meta.sources.flatMap((source: unknown) => (source !== null && typeof source === 'object' && typeof (source as { id?: unknown }).id === 'string' ? [(source as { id: string }).id] : []));
  } catch {
    return [];
  }
}
