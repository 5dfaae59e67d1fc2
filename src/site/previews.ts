/**
 * What a link preview shows of each kind of target inside the site, computed from the
 * Study: an excerpt's first lines, a theme's description and count, a unit's key figures.
 * Link components render these as escaped text inside Preview.astro.
 */
import type { CodeInfo, Study } from '../study/index.ts';
import type { Excerpt, Session } from '../study/schemas/index.ts';
import { formatDuration } from '../study/schemas/common.ts';
import { timingRows, totalSeconds } from '../study/timing.ts';
import { workNoun } from '../study/words.ts';
import { unitLabel } from './units.ts';

/** How many transcript lines an excerpt preview shows before "…". */
export const PREVIEW_LINES = 3;

export interface PreviewLine {
  speaker: string | undefined;
  text: string;
}

export interface ExcerptPreview {
  title: string;
  lines: PreviewLine[];
  /** True when the excerpt has more lines than the preview shows. */
  more: boolean;
  facts: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** An excerpt's title, its first lines as written (speaker labels as the study names them), where it comes from. */
export function excerptPreview(study: Study, excerpt: Excerpt): ExcerptPreview {
  const lines = excerpt.lines.slice(0, PREVIEW_LINES).map((line) => ({
    speaker: line.kind === 'turn' && line.speaker !== undefined ? (study.participants.get(line.speaker)?.label ?? line.speaker) : undefined,
    text: line.text,
  }));
  const codes = excerpt.codes
    .map((code) => study.codeIndex.get(code))
    .filter((info) => info !== undefined)
    .map((info) => `${info.code} ${info.name}`);
  return { title: excerpt.title, lines, more: excerpt.lines.length > PREVIEW_LINES, facts: [unitLabel(study, excerpt.session), ...codes].join(' · ') };
}

/** A theme's code, name, description and how many excerpts ground it. */
export function codePreview(study: Study, info: CodeInfo): { title: string; text: string | undefined; facts: string } {
  const count = study.excerptsByCode.get(info.code)?.length ?? 0;
  const kind = info.kind === 'theme' ? 'Theme' : `Subtheme of ${info.theme.code} ${info.theme.name}`;
  const excerpts = count === 0 ? `the ${workNoun(study.meta)} quotes no excerpt for it` : plural(count, 'excerpt');
  return { title: `${info.code} ${info.name}`, text: info.description, facts: `${kind} · ${excerpts}` };
}

export interface UnitFact {
  label: string;
  value: string;
  /** A figure a preview shows: the whole duration and the top-level phases (not sub-phases or step counts). */
  key: boolean;
}

/**
 * A unit's figures, as its page shows them at a glance: the whole duration and each
 * declared phase (a sub-phase named with its phase), then steps per group. The count of
 * excerpts quoted follows them on the page and in the preview.
 */
export function unitFacts(study: Study, session: Session): UnitFact[] {
  const { timing, steps } = study.meta;
  const durationFacts =
    timing !== undefined && session.durations !== undefined
      ? [
          { label: `Whole ${study.meta.vocabulary.unit.singular}`, value: formatDuration(totalSeconds(session, timing)), key: true },
          ...timingRows(timing)
            .filter((row) => !row.total)
            .map((row) => ({ label: row.parent ? `${row.label} during ${row.parent.label.toLowerCase()}` : row.label, value: session.durations?.[row.id]?.text ?? '—', key: row.depth === 0 })),
        ]
      : [];
  const stepRows = session.steps.filter((row) => row.kind === 'step');
  const stepFacts =
    steps === undefined || session.steps.length === 0
      ? []
      : steps.phases.length > 0
        ? steps.phases.map((phase) => ({ label: `${phase.label} steps`, value: String(stepRows.filter((row) => row.phase === phase.id).length), key: false })).filter((fact) => fact.value !== '0')
        : [{ label: 'Steps', value: String(stepRows.length), key: false }];
  return [...durationFacts, ...stepFacts];
}

/** A unit's title and its key figures (its summary is a paragraph: too long for a preview). */
export function unitPreview(study: Study, session: Session): { title: string; facts: string } {
  const excerpts = study.excerptsBySession.get(session.number)?.length ?? 0;
  const facts = unitFacts(study, session)
    .filter((fact) => fact.key)
    .map((fact) => `${fact.label} ${fact.value}`);
  return { title: session.title, facts: [...facts, excerpts === 0 ? 'no excerpts quoted' : plural(excerpts, 'excerpt')].join(' · ') };
}
