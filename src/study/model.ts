/**
 * The one typed, indexed Study that everything downstream reads. It is built once from
 * validated content; pages and charts never re-read or re-validate files.
 */
import type {
  Codebook,
  DiscussionQuestion,
  DiscussionTopic,
  Edition,
  Excerpt,
  ExcerptSource,
  Glossary,
  Participant,
  Procedure,
  Questionnaires,
  Reference,
  Reporting,
  Session,
  StudyMeta,
  Subtheme,
  Theme,
} from './schemas/index.ts';

/** A theme or subtheme with what pages need to place it in the process. */
export interface CodeInfo {
  code: string;
  name: string;
  slug: string;
  description: string | undefined;
  kind: 'theme' | 'subtheme';
  /** The theme this code belongs to (itself for a theme). */
  theme: Theme;
  subtheme: Subtheme | undefined;
  /** True when excerpts are coded to it directly: a subtheme, or a theme without subthemes. */
  leaf: boolean;
  /** Leaf codes it covers: itself for a leaf, its subthemes for a theme that has them. */
  leaves: string[];
  /** Position in the study's order over all codes, themes and subthemes interleaved. */
  position: number;
}

/** `null` stands for "the study does not say which unit (session, interview…)". */
export type SessionKey = number | null;

export interface Study {
  /** Absolute path of the study folder it was loaded from. */
  dir: string;
  meta: StudyMeta;
  participants: Map<string, Participant>;
  /** Where excerpts come from, by id, in the order study.json declares them. */
  sources: Map<string, ExcerptSource>;
  themes: Theme[];
  /** Every code in process order: each theme followed by its subthemes. */
  codes: CodeInfo[];
  codeIndex: Map<string, CodeInfo>;
  sessions: Session[];
  sessionIndex: Map<number, Session>;
  excerpts: Excerpt[];
  excerptIndex: Map<string, Excerpt>;
  /** Excerpts per code; a theme with subthemes collects its subthemes' excerpts. */
  excerptsByCode: Map<string, Excerpt[]>;
  /** Excerpts per session, with `null` for those the article does not place. */
  excerptsBySession: Map<SessionKey, Excerpt[]>;
  /** Session keys in display order: each session, then `null`. */
  sessionKeys: SessionKey[];
  /** Excerpt counts: code → session key → count. */
  matrix: Map<string, Map<SessionKey, number>>;
  /** How many excerpts two leaf codes share, keyed `a|b` with a < b in process order. */
  cooccurrence: Map<string, number>;
  /** Absent when the study folder has no questionnaires.json. */
  questionnaires: Questionnaires | undefined;
  /** Empty when the study folder has no references.json. */
  references: Reference[];
  referenceIndex: Map<string, Reference>;
  /** Empty when the study folder has no glossary.json. */
  glossary: Glossary['terms'];
  /** Absent when the study folder has no procedure.json. */
  procedure: Procedure | undefined;
  /** The reporting checklist the study answers; absent when the study folder has no reporting.json. */
  reporting: Reporting | undefined;
  /** Discussion questions per code, every code present (empty when it has none), in process order. */
  discussion: Map<string, DiscussionQuestion[]>;
  /** Recorded editions of the coding, newest first; empty when the study folder has no history/. */
  editions: Edition[];
}

export interface ValidatedContent {
  dir: string;
  meta: StudyMeta;
  codebook: Codebook;
  sessions: Session[];
  excerpts: Excerpt[];
  questionnaires: Questionnaires | undefined;
  references: Reference[];
  glossary: Glossary['terms'];
  procedure: Procedure | undefined;
  reporting: Reporting | undefined;
  /** Empty when the study folder has no discussion.json. */
  discussion: DiscussionTopic[];
  /** Empty when the study folder has no history/. */
  editions: Edition[];
}

export function codeInfos(themes: readonly Theme[]): CodeInfo[] {
  const ordered = [...themes].sort((a, b) => a.order - b.order);
  const codes: CodeInfo[] = [];
  for (const theme of ordered) {
    const subthemes = [...theme.subthemes].sort((a, b) => a.order - b.order);
    codes.push({
      code: theme.code,
      name: theme.name,
      slug: theme.slug,
      description: theme.description,
      kind: 'theme',
      theme,
      subtheme: undefined,
      leaf: subthemes.length === 0,
      leaves: subthemes.length === 0 ? [theme.code] : subthemes.map((subtheme) => subtheme.code),
      position: codes.length,
    });
    for (const subtheme of subthemes) {
      codes.push({
        code: subtheme.code,
        name: subtheme.name,
        slug: subtheme.slug,
        description: subtheme.description,
        kind: 'subtheme',
        theme,
        subtheme,
        leaf: true,
        leaves: [subtheme.code],
        position: codes.length,
      });
    }
  }
  return codes;
}

/** Builds the indexed Study from content that has passed validation and cross-checks. */
export function buildStudy(content: ValidatedContent): Study {
  const codes = codeInfos(content.codebook.themes);
  const codeIndex = new Map(codes.map((info) => [info.code, info]));
  const sessions = [...content.sessions].sort((a, b) => a.number - b.number);
  const sessionKeys: SessionKey[] = [...sessions.map((session) => session.number), null];
  const excerpts = content.excerpts;

  const excerptsByCode = new Map<string, Excerpt[]>(codes.map((info) => [info.code, []]));
  for (const excerpt of excerpts) {
    const covering = new Set<string>();
    for (const code of excerpt.codes) {
      const info = codeIndex.get(code);
      if (!info) continue;
      covering.add(code);
      covering.add(info.theme.code);
    }
    for (const code of covering) excerptsByCode.get(code)?.push(excerpt);
  }

  const excerptsBySession = new Map<SessionKey, Excerpt[]>(sessionKeys.map((key) => [key, []]));
  for (const excerpt of excerpts) excerptsBySession.get(excerpt.session)?.push(excerpt);

  const matrix = new Map<string, Map<SessionKey, number>>();
  for (const info of codes) {
    const row = new Map<SessionKey, number>(sessionKeys.map((key) => [key, 0]));
    for (const excerpt of excerptsByCode.get(info.code) ?? []) row.set(excerpt.session, (row.get(excerpt.session) ?? 0) + 1);
    matrix.set(info.code, row);
  }

  const cooccurrence = new Map<string, number>();
  for (const excerpt of excerpts) {
    const leaves = [...new Set(excerpt.codes)].filter((code) => codeIndex.get(code)?.leaf).sort((a, b) => codeIndex.get(a)!.position - codeIndex.get(b)!.position);
    for (let i = 0; i < leaves.length; i += 1) {
      for (let j = i + 1; j < leaves.length; j += 1) {
        const key = `${leaves[i]}|${leaves[j]}`;
        cooccurrence.set(key, (cooccurrence.get(key) ?? 0) + 1);
      }
    }
  }

  return {
    dir: content.dir,
    meta: content.meta,
    participants: new Map(content.meta.participants.map((participant) => [participant.id, participant])),
    sources: new Map(content.meta.sources.map((source) => [source.id, source])),
    themes: codes.filter((info) => info.kind === 'theme').map((info) => info.theme),
    codes,
    codeIndex,
    sessions,
    sessionIndex: new Map(sessions.map((session) => [session.number, session])),
    excerpts,
    excerptIndex: new Map(excerpts.map((excerpt) => [excerpt.id, excerpt])),
    excerptsByCode,
    excerptsBySession,
    sessionKeys,
    matrix,
    cooccurrence,
    questionnaires: content.questionnaires,
    references: content.references,
    referenceIndex: new Map(content.references.map((reference) => [reference.id, reference])),
    glossary: content.glossary,
    procedure: content.procedure,
    reporting: content.reporting,
    discussion: new Map(codes.map((info) => [info.code, content.discussion.filter((topic) => topic.code === info.code).flatMap((topic) => topic.questions)])),
    editions: [...content.editions].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id)),
  };
}
