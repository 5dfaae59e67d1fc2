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

/** An excerpt source study.json declares: its id, and whether its texts are talk with speakers. */
export interface DeclaredSource {
  id: string;
  /** false for texts nobody speaks (documents, written comments). */
  speakers: boolean;
}

/** The excerpt sources study.json declares ("sources"), where it declares any. */
export async function readExcerptSources(dir: string): Promise<DeclaredSource[]> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')) as { sources?: unknown };
    if (!Array.isArray(meta.sources)) return [];
    return meta.sources.flatMap((source: unknown) => {
      if (source === null || typeof source !== 'object') return [];
      const { id, speakers } = source as { id?: unknown; speakers?: unknown };
      return typeof id === 'string' ? [{ id, speakers: speakers !== false }] : [];
    });
  } catch {
    return [];
  }
}
