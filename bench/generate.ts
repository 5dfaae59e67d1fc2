/**
 * Writes a synthetic study in Casebook's content format, from a seed, so the benchmark
 * builds the same study every run. The text is generated nonsense labelled as synthetic:
 * it stands in for research data only as a load, never as data.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface Scale {
  name: string;
  sessions: number;
  themes: number;
  subthemesPerTheme: number;
  excerpts: number;
}

export const scales: Scale[] = [
  { name: 'S', sessions: 3, themes: 4, subthemesPerTheme: 2, excerpts: 25 },
  { name: 'M', sessions: 30, themes: 8, subthemesPerTheme: 5, excerpts: 1_000 },
  { name: 'L', sessions: 300, themes: 20, subthemesPerTheme: 10, excerpts: 10_000 },
];

/** mulberry32: a small, fast, seedable PRNG with a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const vocabulary = (
  'well so I was just thinking about the pressure on my shoulder and it felt like a long week you know ' +
  'the therapist asked whether the room was warm enough and the client said she had been sleeping badly since ' +
  'work started again there is this tightness here that comes and goes when I sit at the desk all day'
).split(' ');

/** Colour pairs that meet the codebook's contrast rules (taken from the bundled study's palette). */
const palette = [
  ['#0072B2', '#56B4E9'],
  ['#B34F00', '#F08A4B'],
  ['#007A5A', '#2FC79B'],
  ['#A8558A', '#E08FC0'],
] as const;

class Generator {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  words(count: number): string {
    return Array.from({ length: count }, () => this.pick(vocabulary)).join(' ');
  }
  sentence(min: number, max: number): string {
    const text = this.words(this.int(min, max));
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }
  /** Talk mixing plain words with well-formed Jefferson notation. */
  talk(): string {
    const parts: string[] = [];
    const length = this.int(6, 30);
    for (let index = 0; index < length; index += 1) {
      const word = this.pick(vocabulary);
      const roll = this.random();
      if (roll < 0.05) parts.push('(.)');
      else if (roll < 0.09) parts.push(`(${this.int(1, 9)}.${this.int(0, 9)})`);
      else if (roll < 0.13) parts.push(`${word.slice(0, 1)}::${word.slice(1) || 'h'}`);
      else if (roll < 0.16) parts.push(`↑${word}`);
      else if (roll < 0.19) parts.push(`°${word}°`);
      else if (roll < 0.22) parts.push(`>${word} ${this.pick(vocabulary)}<`);
      else if (roll < 0.25) parts.push(`<${word}>`);
      else if (roll < 0.28) parts.push(`[${word}]`);
      else if (roll < 0.3) parts.push('hhh');
      else if (roll < 0.32) parts.push('.hhh');
      else if (roll < 0.34) parts.push('((laughs))');
      else if (roll < 0.36) parts.push(`_${word}_`);
      else parts.push(word);
    }
    return parts.join(' ');
  }
}

const durationText = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** File path (relative to the study folder) → JSON value, for a study of the given scale. */
export function generateStudy(scale: Scale, seed = 20_190_901): Map<string, unknown> {
  const g = new Generator(seed);
  const files = new Map<string, unknown>();
  const schema = (depth: number, name: string) => `${'../'.repeat(depth)}public/schemas/${name}.schema.json`;

  files.set('study.json', {
    title: `Synthetic Benchmark Study ${scale.name}: ${scale.excerpts} Excerpts over ${scale.sessions} Sessions`,
    shortTitle: `Benchmark ${scale.name}`,
    authors: [{ family: 'Benchmark', given: 'Synthetic' }],
    publication: { type: 'article', journal: { name: 'Journal of Synthetic Loads', volume: 1, issue: 1 } },
    year: 2024,
    published: '2024-01',
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', notice: 'Synthetic benchmark data, generated from a seed; not research data.' },
    abstract: `${g.sentence(20, 40)}\n\n${g.sentence(20, 40)}`,
    keywords: ['benchmark', 'synthetic'],
    participants: [
      { id: 'therapist', label: 'Therapist', role: 'therapist', description: 'A synthetic therapist.' },
      { id: 'client', label: 'Client', role: 'client', description: 'A synthetic client.' },
    ],
    setting: 'A synthetic clinic.',
    vocabulary: { unit: { singular: 'session', plural: 'sessions' } },
    sources: [
      { id: 'session-transcript', label: 'Session transcript', transcription: 'jefferson' },
      { id: 'participant-commentary', label: 'Participant commentary', transcription: 'verbatim' },
    ],
    timing: {
      phases: [
        { id: 'opening', label: 'Opening', shading: 'light' },
        {
          id: 'main',
          label: 'Main part',
          children: [
            { id: 'talk', label: 'Talk', shading: 'dark' },
            { id: 'silence', label: 'Silence', shading: 'hatched' },
          ],
        },
        { id: 'closing', label: 'Closing', shading: 'light' },
      ],
      total: { id: 'total', label: 'Total' },
    },
    steps: {
      title: 'Sequence',
      labelHeading: 'Stage',
      phases: [
        { id: 'opening', label: 'Opening' },
        { id: 'main', label: 'Main part' },
        { id: 'closing', label: 'Closing' },
      ],
      columns: [
        {
          id: 'actions',
          heading: 'Actions',
          display: 'marks',
          categories: [
            { id: 'first', label: 'First', values: ['First'], shape: 'circle' },
            { id: 'second', label: 'Second', values: ['second'], shape: 'square' },
          ],
        },
        { id: 'topics', heading: 'Topics', display: 'band', otherLabel: 'Talk', categories: [{ id: 'silence', label: 'Silence', values: ['Silence'], shading: 'hatched' }] },
      ],
    },
  });

  const themes = Array.from({ length: scale.themes }, (_, t) => {
    const number = t + 1;
    const [colour, colourDark] = palette[t % palette.length]!;
    return {
      code: `${number}.0`,
      name: `Theme ${number}`,
      slug: `theme-${number}`,
      order: number,
      colour,
      colourDark,
      description: g.sentence(10, 25),
      subthemes: Array.from({ length: scale.subthemesPerTheme }, (_, s) => ({
        code: `${number}.${s + 1}`,
        name: `Subtheme ${number}.${s + 1}`,
        slug: `subtheme-${number}-${s + 1}`,
        order: s + 1,
        description: g.sentence(10, 25),
      })),
    };
  });
  files.set('codebook.json', { $schema: schema(0, 'codebook'), themes });
  const leaves = themes.flatMap((theme) => (theme.subthemes.length ? theme.subthemes.map((sub) => sub.code) : [theme.code]));

  const segmentIds: string[][] = [];
  for (let number = 1; number <= scale.sessions; number += 1) {
    const talk = g.int(600, 2400);
    const silence = g.int(300, 1800);
    const pre = g.int(120, 600);
    const post = g.int(120, 600);
    const segments = ['first', 'second', 'third', 'fourth', 'fifth'].slice(0, g.int(2, 5));
    segmentIds.push(segments);
    files.set(`sessions/${number}.json`, {
      number,
      title: `Session ${number}`,
      summary: g.sentence(20, 50),
      durations: {
        opening: durationText(pre),
        main: durationText(talk + silence),
        talk: durationText(talk),
        silence: durationText(silence),
        closing: durationText(post),
        total: durationText(pre + talk + silence + post),
      },
      steps: [
        { kind: 'step', id: 'intake', phase: 'opening', label: 'Intake', cells: { actions: ['Questions'], topics: [g.words(3)] } },
        ...segments.map((id) => ({ kind: 'step', id, phase: 'main', label: id[0]!.toUpperCase() + id.slice(1), cells: { actions: ['First', 'second'], topics: [g.words(3)] } })),
        { kind: 'step', id: 'close', phase: 'closing', label: 'Close', cells: { actions: ['Feedback'], topics: [g.words(3)] } },
      ],
    });
  }

  for (let index = 1; index <= scale.excerpts; index += 1) {
    const session = g.random() < 0.1 ? null : g.int(1, scale.sessions);
    const source = g.random() < 0.8 ? 'session-transcript' : 'participant-commentary';
    const codes = [...new Set(Array.from({ length: g.int(1, 3) }, () => g.pick(leaves)))];
    const turns = g.int(2, 8);
    const lines = Array.from({ length: turns }, (_, turn) =>
      source === 'participant-commentary' ? { kind: 'turn', speaker: 'client', text: g.sentence(8, 30) } : { kind: 'turn', speaker: turn % 2 ? 'client' : 'therapist', text: g.talk() },
    );
    const step = session !== null && g.random() < 0.3 ? g.pick(segmentIds[session - 1]!) : undefined;
    files.set(`excerpts/excerpt-${index}.json`, {
      id: `excerpt-${index}`,
      title: g.words(g.int(3, 7)),
      session,
      ...(step ? { step } : {}),
      source,
      lines,
      codes,
      leadIn: g.sentence(10, 30),
      interpretation: g.sentence(40, 80),
      article: { section: `Results › Theme ${codes[0]!.split('.')[0]}`, order: index },
    });
  }

  files.set('questionnaires.json', {
    introduction: 'Synthetic questionnaires.',
    groups: [{ id: 'client-all', respondent: 'client', scope: 'all', heading: 'Client questions', questions: [{ text: 'How was it?' }] }],
  });
  files.set('references.json', {
    references: [{ id: 'synthetic2024', number: 1, type: 'book', authors: [{ family: 'Benchmark', given: 'S' }], year: 2024, title: 'A Synthetic Reference', publisher: 'Nowhere Press' }],
  });
  files.set('glossary.json', { terms: [{ id: 'effleurage', term: 'Effleurage', definition: 'A synthetic definition.' }] });
  files.set('procedure.json', {
    heading: 'Synthetic procedure',
    steps: [
      { number: 1, text: 'Arrive.' },
      { number: 2, text: 'Leave.' },
    ],
  });
  return files;
}

export async function writeStudy(dir: string, files: Map<string, unknown>): Promise<void> {
  await mkdir(join(dir, 'sessions'), { recursive: true });
  await mkdir(join(dir, 'excerpts'), { recursive: true });
  for (const [path, value] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
  }
}
