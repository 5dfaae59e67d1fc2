/**
 * Converts a study folder written for Casebook before December 2026 to the study-neutral
 * format. The old format had one shape of study built into the code: participant roles,
 * six timed phases, a three-part step table and eight named action categories. This
 * script writes those built-in declarations into the folder's study.json, so the site it
 * builds shows what it showed before, and rewrites the unit files and excerpts to match.
 *
 * It lives outside src/ on purpose: it is the only place that still knows the old
 * built-in vocabulary, and nothing at build time reads it.
 *
 *     npm run migrate -- <study folder>        (default: STUDY_DIR or content/)
 *
 * Files are rewritten in place only after every file has been converted in memory; a
 * folder already in the new format is left untouched.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

type Json = Record<string, unknown>;

const LEGACY_TIMING_LABELS = {
  preTreatment: 'Pre-treatment assessment',
  treatment: 'Treatment',
  talk: 'Talk',
  silence: 'Silence',
  postTreatment: 'Post-treatment assessment',
  total: 'Total',
} as const;

const LEGACY_PHASE_IDS: Record<string, string> = { preTreatment: 'pre-treatment', postTreatment: 'post-treatment', treatment: 'treatment', talk: 'talk', silence: 'silence', total: 'total' };

/** The action categories the old code matched, in its legend order, with its patterns. */
const LEGACY_CATEGORIES = [
  { id: 'effleurage', label: 'Effleurage', pattern: /\beffleurage\b/i, shape: 'circle' },
  { id: 'petrissage', label: 'Petrissage', pattern: /\bp[eé]trissage\b/i, shape: 'square' },
  { id: 'frictions', label: 'Frictions', pattern: /\bfrictions?\b/i, shape: 'diamond' },
  { id: 'compressions', label: 'Compressions', pattern: /\bcompressions?\b/i, shape: 'triangle' },
  { id: 'vibration', label: 'Vibration', pattern: /\bvibrations?\b/i, shape: 'wye' },
  { id: 'tapotement', label: 'Tapotement', pattern: /\btapotement\b/i, shape: 'star' },
  { id: 'passive-stretch', label: 'Passive stretch', pattern: /\bpassive\s+stretch/i, shape: 'cross' },
  { id: 'pnf-stretch', label: 'PNF stretch', pattern: /\bPNF\b/i, shape: 'times' },
] as const;

const SILENCE = /^silence$/i;
const PARTIAL_SILENCE = /^(?:mostly|some|partly)\s+silen(?:ce|t)$/i;
const AS_ABOVE = /^as\s+above\.?$/i;

export function isLegacyStudy(study: Json): boolean {
  return 'journal' in study || 'durationNotes' in study || !('vocabulary' in study);
}

export function isLegacySession(session: Json): boolean {
  const durations = session.durations as Record<string, unknown> | undefined;
  return 'sequence' in session || (durations !== undefined && ('preTreatment' in durations || 'postTreatment' in durations));
}

export interface Migrated {
  study: Json;
  sessions: Map<string, Json>;
  excerpts: Map<string, Json>;
}

/** The folder's files in the current format; `sessions` may mix old and current files. */
export function migrate(study: Json, sessions: Map<string, Json>, excerpts: Map<string, Json>): Migrated {
  const { journal, durationNotes, participants, ...rest } = study as Json & { journal?: Json; durationNotes?: Record<string, string>; participants: Json[] };
  const notes = durationNotes ?? {};
  const rows = [...sessions.values()].flatMap((session) => (session.sequence as Json[] | undefined) ?? []);
  const timed = [...sessions.values()].some((session) => isLegacySession(session) && session.durations !== undefined);
  const actions = unique(rows.flatMap((row) => (row.actions as string[] | undefined) ?? []));
  const topics = unique(rows.flatMap((row) => (row.topics as string[] | undefined) ?? []));
  const stepped = rows.length > 0;
  const note = (key: keyof typeof LEGACY_TIMING_LABELS) => (notes[key] === undefined ? {} : { note: notes[key] });
  const categories = LEGACY_CATEGORIES.flatMap(({ id, label, pattern, shape }) => {
    const values = actions.filter((action) => pattern.test(action) && LEGACY_CATEGORIES.find((category) => category.pattern.test(action))?.id === id);
    return values.length === 0 ? [] : [{ id, label, values, shape }];
  });
  const bands = [
    { id: 'silence', label: 'Silence', values: topics.filter((topic) => SILENCE.test(topic.trim())), shading: 'hatched' },
    { id: 'partial-silence', label: 'Mostly/some silence', values: topics.filter((topic) => PARTIAL_SILENCE.test(topic.trim())), shading: 'sparse' },
  ].filter((band) => band.values.length > 0);

  const newStudy: Json = {
    ...pick(rest, ['$schema', 'title', 'shortTitle', 'authors']),
    publication: journal ? { type: 'article', journal } : { type: 'unpublished' },
    ...pick(rest, ['year', 'published', 'doi', 'url', 'licence', 'abstract', 'keywords']),
    vocabulary: { unit: { singular: 'session', plural: 'sessions' } },
    participants: participants.map((participant) => ({ ...participant })),
    sources: [
      { id: 'session-transcript', label: 'Session transcript', transcription: 'jefferson', description: 'Talk recorded during a session.' },
      { id: 'participant-commentary', label: 'Participant commentary', transcription: 'verbatim', description: 'What a participant said watching the recording afterwards.' },
    ],
    ...pick(rest, ['setting']),
    ...(timed
      ? {
          timing: {
            phases: [
              { id: 'pre-treatment', label: LEGACY_TIMING_LABELS.preTreatment, short: 'Pre', legend: 'Pre/post assessment', shading: 'light', ...note('preTreatment') },
              {
                id: 'treatment',
                label: LEGACY_TIMING_LABELS.treatment,
                ...note('treatment'),
                children: [
                  { id: 'talk', label: LEGACY_TIMING_LABELS.talk, shading: 'dark', ...note('talk') },
                  { id: 'silence', label: LEGACY_TIMING_LABELS.silence, shading: 'hatched', ...note('silence') },
                ],
              },
              { id: 'post-treatment', label: LEGACY_TIMING_LABELS.postTreatment, short: 'Post', legend: 'Pre/post assessment', shading: 'light', ...note('postTreatment') },
            ],
            total: { id: 'total', label: LEGACY_TIMING_LABELS.total, ...note('total') },
          },
        }
      : {}),
    ...(stepped
      ? {
          steps: {
            title: 'Treatment sequence',
            labelHeading: 'Treatment sequence',
            labelName: 'Body region or stage',
            phases: [
              { id: 'pre-treatment', label: 'Pre-treatment' },
              { id: 'treatment', label: 'Treatment' },
              { id: 'post-treatment', label: 'Post-treatment' },
            ],
            columns: [
              { id: 'actions', heading: 'Actions', legend: 'Techniques', display: 'marks', categories },
              {
                id: 'topics',
                heading: 'Topics of discussion',
                short: 'Topics',
                legend: 'Topics: talk or silence',
                display: 'band',
                categories: bands,
                otherLabel: 'Talk',
                continuation: unique(topics.filter((topic) => AS_ABOVE.test(topic.trim()))),
              },
            ],
            note: 'The steps follow the order of the printed table; it gives no durations for them.',
          },
        }
      : {}),
  };

  const newSessions = new Map<string, Json>();
  for (const [name, session] of sessions) {
    // A file already in the current format (no "sequence", no camel-case duration keys) is kept as it is.
    if (!isLegacySession(session)) {
      newSessions.set(name, session);
      continue;
    }
    const { durations, sequence, ...others } = session as Json & { durations?: Record<string, string>; sequence?: Json[] };
    newSessions.set(name, {
      ...pick(others, ['$schema', 'number', 'title', 'summary']),
      ...(durations ? { durations: Object.fromEntries(Object.entries(durations).map(([key, value]) => [LEGACY_PHASE_IDS[key] ?? key, value])) } : {}),
      steps: (sequence ?? []).map((row) => (row.kind === 'segment' ? { kind: 'step', id: row.id, phase: row.phase, label: row.label, cells: cells(row), ...pick(row, ['note']) } : { ...row })),
      ...pick(others, ['notes']),
    });
  }
  return { study: newStudy, sessions: newSessions, excerpts: new Map(excerpts) };
}

function cells(row: Json): Json {
  const out: Json = {};
  if ((row.actions as string[]).length > 0) out.actions = row.actions;
  if ((row.topics as string[]).length > 0) out.topics = row.topics;
  return out;
}

/** Values once each, compared ignoring case as category values are. */
function unique(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

function pick(object: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));
}

async function readFolder(dir: string): Promise<Map<string, Json>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, JSON.parse(await readFile(join(dir, name), 'utf8')) as Json] as const)));
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? process.env.STUDY_DIR ?? 'content');
  const study = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')) as Json;
  if (!isLegacyStudy(study)) {
    console.log(`${dir} is already in the current format; nothing changed.`);
    return;
  }
  const sessions = await readFolder(join(dir, 'sessions'));
  const excerpts = await readFolder(join(dir, 'excerpts'));
  const result = migrate(study, sessions, excerpts);
  const write = (path: string, value: Json) => writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  await write(join(dir, 'study.json'), result.study);
  await Promise.all([...result.sessions].filter(([name]) => isLegacySession(sessions.get(name)!)).map(([name, value]) => write(join(dir, 'sessions', name), value)));
  console.log(`Converted ${dir}: study.json and ${result.sessions.size} files in sessions/. Run npm run check to confirm.`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((cause: unknown) => {
    console.error(`Could not convert the study folder: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = 1;
  });
}
