/**
 * Checks that need more than one record: references between files, uniqueness, and the
 * arithmetic of the durations the study declares (each phase the sum of its sub-phases). Problems are reported where the offending value is.
 */
import { report } from './diagnostics.ts';
import { placeOf, type JsonPath, type JsonSource } from './json-source.ts';
import { codeInfos, type CodeInfo } from './model.ts';
import { closest } from './validate.ts';
import { contrastRatio } from './colour.ts';
import { symbols } from '../ca/symbols.ts';
import {
  formatDuration,
  type Codebook,
  type Discussion,
  type Edition,
  type Excerpt,
  type Glossary,
  type Phase,
  type Questionnaires,
  type References,
  type Session,
  type StudyMeta,
} from './schemas/index.ts';

export interface Loaded<T> {
  source: JsonSource;
  data: T;
}

export interface LoadedContent {
  meta?: Loaded<StudyMeta> | undefined;
  codebook?: Loaded<Codebook> | undefined;
  sessions: Loaded<Session>[];
  excerpts: Loaded<Excerpt>[];
  /** Session numbers whose file exists but failed validation: not reported again as unknown. */
  invalidSessions: Set<number>;
  questionnaires?: Loaded<Questionnaires> | undefined;
  references?: Loaded<References> | undefined;
  glossary?: Loaded<Glossary> | undefined;
  discussion?: Loaded<Discussion> | undefined;
  editions: Loaded<Edition>[];
}

/** The backgrounds theme colours are drawn on, in light and dark mode. */
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#121416' } as const;

function error(source: JsonSource, path: JsonPath, reason: string, rule: string, fix: string, extra: { expected?: string[]; actual?: string } = {}) {
  report(source.file, { reason, rule, severity: 'error', place: placeOf(source, path), fix, ...extra });
}

function warning(source: JsonSource, path: JsonPath, reason: string, rule: string, fix: string) {
  report(source.file, { reason, rule, severity: 'warning', place: placeOf(source, path), fix });
}

/** Reports every value seen twice, at the second and later occurrences. */
function checkUnique<T>(items: { source: JsonSource; path: JsonPath; value: T }[], what: string, rule: string): void {
  const first = new Map<T, { source: JsonSource; path: JsonPath }>();
  for (const item of items) {
    const earlier = first.get(item.value);
    if (earlier) {
      const where = `${relativeName(earlier.source)}:${placeOf(earlier.source, earlier.path).line}`;
      error(item.source, item.path, `Duplicate ${what} ${JSON.stringify(item.value)}: already used at ${where}`, rule, `Give this ${what} a value no other record uses.`);
    } else first.set(item.value, item);
  }
}

function relativeName(source: JsonSource): string {
  return source.file.basename ?? source.file.path;
}

export function crossCheck(content: LoadedContent): void {
  const { meta, codebook, sessions, excerpts } = content;
  const participantIds = meta ? meta.data.participants.map((participant) => participant.id) : [];

  const unit = meta?.data.vocabulary.unit.singular ?? 'session';
  if (meta) checkMeta(meta);

  const codes = codebook ? codeInfos(codebook.data.themes) : [];
  const codeIndex = new Map(codes.map((info) => [info.code, info]));
  if (codebook) checkCodebook(codebook);

  const sessionsByNumber = new Map(sessions.map((session) => [session.data.number, session.data]));
  checkUnique(
    sessions.map(({ source, data }) => ({ source, path: ['number'], value: data.number })),
    `${unit} number`,
    'duplicate-id',
  );
  for (const session of sessions) checkSession(session, meta?.data);

  checkUnique(
    excerpts.map(({ source, data }) => ({ source, path: ['id'], value: data.id })),
    'excerpt id',
    'duplicate-id',
  );
  for (const { source, data: excerpt } of excerpts) {
    if (source.file.stem && source.file.stem !== excerpt.id) {
      warning(
        source,
        ['id'],
        `Excerpt id "${excerpt.id}" differs from its file name "${source.file.basename}"`,
        'id-file-mismatch',
        `Rename the file to ${excerpt.id}.json, or the id to "${source.file.stem}".`,
      );
    }
    if (codebook) {
      const seen = new Set<string>();
      excerpt.codes.forEach((code, index) => {
        const info = codeIndex.get(code);
        if (seen.has(code)) error(source, ['codes', index], `Code "${code}" is listed twice`, 'duplicate-code', 'Remove the repeated code.');
        seen.add(code);
        if (!info) {
          const suggestion = closest(
            code,
            codes.filter((c) => c.leaf).map((c) => c.code),
          );
          error(
            source,
            ['codes', index],
            `Unknown code "${code}": it is not in codebook.json`,
            'unknown-code',
            suggestion
              ? `Did you mean "${suggestion}"? Or add "${code}" to codebook.json.`
              : `Use a code from codebook.json (${codes
                  .filter((c) => c.leaf)
                  .map((c) => c.code)
                  .join(', ')}).`,
            { actual: code, expected: codes.filter((c) => c.leaf).map((c) => c.code) },
          );
        } else if (!info.leaf) {
          error(source, ['codes', index], `Code "${code}" (${info.name}) has subthemes, so excerpts are coded to one of them`, 'code-not-leaf', `Use one of ${info.leaves.join(', ')}.`);
        }
      });
    }
    if (excerpt.session !== null && !sessionsByNumber.has(excerpt.session) && !content.invalidSessions.has(excerpt.session)) {
      const known = [...sessionsByNumber.keys()].sort((a, b) => a - b);
      error(
        source,
        ['session'],
        `Unknown ${unit} ${excerpt.session}: there is no sessions/${excerpt.session}.json`,
        'unknown-session',
        `Use one of ${known.join(', ') || `(no ${unit} files)`}, or null if the study does not say which ${unit}.`,
        { actual: String(excerpt.session) },
      );
    }
    if (meta && !meta.data.sources.some((declared) => declared.id === excerpt.source)) {
      const ids = meta.data.sources.map((declared) => declared.id);
      const suggestion = closest(excerpt.source, ids);
      error(
        source,
        ['source'],
        `Unknown source "${excerpt.source}": not in study.json "sources"`,
        'unknown-source',
        suggestion ? `Did you mean "${suggestion}"? Sources: ${ids.join(', ')}.` : `Use one of ${ids.join(', ')}, or declare it in study.json "sources".`,
        { actual: excerpt.source, expected: ids },
      );
    }
    if (excerpt.step !== undefined) {
      const session = excerpt.session === null ? undefined : sessionsByNumber.get(excerpt.session);
      if (excerpt.session === null) {
        error(source, ['step'], `Excerpt is placed on step "${excerpt.step}" but has no ${unit}`, 'step-without-session', `Set "session" to the ${unit} the step belongs to, or remove "step".`);
      } else if (session && !session.steps.some((row) => row.id === excerpt.step)) {
        error(
          source,
          ['step'],
          `Unknown step "${excerpt.step}" in ${unit} ${excerpt.session}`,
          'unknown-step',
          `Use a row id of sessions/${excerpt.session}.json: ${session.steps.map((row) => row.id).join(', ') || '(it has no steps)'}.`,
        );
      }
    }
    // A source declared without speakers (a document, written comments) has lines nobody speaks.
    let speakerSoFar = meta?.data.sources.find((declared) => declared.id === excerpt.source)?.speakers === false;
    excerpt.lines.forEach((line, index) => {
      if (line.kind !== 'turn') return;
      if (line.speaker === undefined && !speakerSoFar) {
        error(source, ['lines', index], 'A turn without "speaker" continues the previous speaker, but no speaker comes before it', 'missing-speaker', 'Add "speaker" with a participant id.');
      }
      if (line.speaker !== undefined) {
        speakerSoFar = true;
        if (meta && !participantIds.includes(line.speaker)) {
          const suggestion = closest(line.speaker, participantIds);
          error(
            source,
            ['lines', index, 'speaker'],
            `Unknown speaker "${line.speaker}": not a participant in study.json`,
            'unknown-speaker',
            suggestion ? `Did you mean "${suggestion}"?` : `Use one of ${participantIds.join(', ')}.`,
          );
        }
      }
    });
  }

  // The history page anchors editions by id and names their sections by label, so both must tell editions apart.
  checkUnique(
    content.editions.map(({ source, data }) => ({ source, path: ['id'], value: data.id })),
    'edition id',
    'duplicate-id',
  );
  checkUnique(
    content.editions.map(({ source, data }) => ({ source, path: ['label'], value: data.label })),
    'edition label',
    'duplicate-id',
  );
  for (const { source, data: edition } of content.editions) {
    if (source.file.stem && source.file.stem !== edition.id) {
      warning(
        source,
        ['id'],
        `Edition id "${edition.id}" differs from its file name "${source.file.basename}"`,
        'id-file-mismatch',
        `Rename the file to ${edition.id}.json, or the id to "${source.file.stem}".`,
      );
    }
  }

  const questionnaires = content.questionnaires;
  if (questionnaires) {
    checkUnique(
      questionnaires.data.groups.map((group, index) => ({ source: questionnaires.source, path: ['groups', index, 'id'], value: group.id })),
      'question group id',
      'duplicate-id',
    );
    questionnaires.data.groups.forEach((group, index) => {
      if (meta && !participantIds.includes(group.respondent)) {
        error(
          questionnaires.source,
          ['groups', index, 'respondent'],
          `Unknown respondent "${group.respondent}": not a participant in study.json`,
          'unknown-participant',
          `Use one of ${participantIds.join(', ')}.`,
        );
      }
      if (group.scope !== 'all' && sessions.length > 0 && !sessionsByNumber.has(group.scope)) {
        error(questionnaires.source, ['groups', index, 'scope'], `Unknown ${unit} ${group.scope}`, 'unknown-session', `Use "all" or one of ${[...sessionsByNumber.keys()].join(', ')}.`);
      }
    });
  }

  const references = content.references;
  const referenceIds = references ? references.data.references.map((reference) => reference.id) : [];
  if (references) {
    checkUnique(
      references.data.references.map((reference, index) => ({ source: references.source, path: ['references', index, 'id'], value: reference.id })),
      'reference id',
      'duplicate-id',
    );
    checkUnique(
      references.data.references.flatMap((reference, index) =>
        reference.number === undefined ? [] : [{ source: references.source, path: ['references', index, 'number'] as JsonPath, value: reference.number }],
      ),
      'reference number',
      'duplicate-id',
    );
  }

  if (content.discussion)
    checkDiscussion(
      content.discussion,
      codes,
      excerpts.map(({ data }) => data.id),
    );

  const glossary = content.glossary;
  if (glossary) {
    const termIds = glossary.data.terms.map((term) => term.id);
    checkUnique(
      glossary.data.terms.map((term, index) => ({ source: glossary.source, path: ['terms', index, 'id'], value: term.id })),
      'term id',
      'duplicate-id',
    );
    glossary.data.terms.forEach((term, index) => {
      term.related.forEach((id, relatedIndex) => {
        if (!termIds.includes(id))
          error(
            glossary.source,
            ['terms', index, 'related', relatedIndex],
            `Unknown related term "${id}"`,
            'unknown-term',
            `Use a term id from glossary.json${closest(id, termIds) ? ` (did you mean "${closest(id, termIds)}"?)` : ''}.`,
          );
      });
      term.sources.forEach((id, sourceIndex) => {
        if (references && !referenceIds.includes(id))
          error(
            glossary.source,
            ['terms', index, 'sources', sourceIndex],
            `Unknown reference "${id}"`,
            'unknown-reference',
            `Use a reference id from references.json${closest(id, referenceIds) ? ` (did you mean "${closest(id, referenceIds)}"?)` : ''}.`,
          );
      });
    });
  }
}

/**
 * Every discussion question must point at codes and excerpts that exist, so a teaching
 * page never links to a theme or excerpt the study does not have. A code without
 * questions is only a warning: the questions are optional teaching aids.
 */
function checkDiscussion({ source, data }: Loaded<Discussion>, codes: readonly CodeInfo[], excerptIds: readonly string[]): void {
  const codeList = codes.map((info) => info.code);
  checkUnique(
    data.topics.map((topic, index) => ({ source, path: ['topics', index, 'code'], value: topic.code })),
    'discussion code',
    'duplicate-id',
  );
  data.topics.forEach((topic, index) => {
    if (codes.length > 0 && !codeList.includes(topic.code)) {
      const suggestion = closest(topic.code, codeList);
      error(
        source,
        ['topics', index, 'code'],
        `Unknown code "${topic.code}": it is not in codebook.json`,
        'unknown-code',
        suggestion ? `Did you mean "${suggestion}"? Codes: ${codeList.join(', ')}.` : `Use a code from codebook.json (${codeList.join(', ')}).`,
        { actual: topic.code, expected: codeList },
      );
    }
    topic.questions.forEach((question, questionIndex) => {
      question.excerpts.forEach((id, excerptIndex) => {
        if (excerptIds.includes(id)) return;
        const suggestion = closest(id, excerptIds);
        error(
          source,
          ['topics', index, 'questions', questionIndex, 'excerpts', excerptIndex],
          `Unknown excerpt "${id}": there is no excerpts/${id}.json`,
          'unknown-excerpt',
          suggestion ? `Did you mean "${suggestion}"?` : 'Use the id of a file in excerpts/.',
          { actual: id },
        );
      });
    });
  });
  const covered = new Set(data.topics.map((topic) => topic.code));
  for (const info of codes) {
    if (!covered.has(info.code))
      warning(source, ['topics'], `No discussion questions for ${info.code} ${info.name}`, 'missing-discussion', `Add an entry { "code": "${info.code}", "questions": [...] } to topics.`);
  }
}

function checkCodebook({ source, data }: Loaded<Codebook>): void {
  const entries: { path: JsonPath; code: string; slug: string; order: number; group: string }[] = [];
  data.themes.forEach((theme, t) => {
    entries.push({ path: ['themes', t], code: theme.code, slug: theme.slug, order: theme.order, group: 'themes' });
    if (!/\.0$/.test(theme.code)) {
      error(source, ['themes', t, 'code'], `Theme code "${theme.code}" should end in ".0"`, 'theme-code', `Write the theme's code as "${theme.code.split('.')[0]}.0".`);
    }
    const themeNumber = theme.code.split('.')[0];
    theme.subthemes.forEach((subtheme, s) => {
      entries.push({ path: ['themes', t, 'subthemes', s], code: subtheme.code, slug: subtheme.slug, order: subtheme.order, group: theme.code });
      const [number, minor] = subtheme.code.split('.');
      if (number !== themeNumber || minor === '0') {
        error(source, ['themes', t, 'subthemes', s, 'code'], `Subtheme code "${subtheme.code}" does not belong to theme ${theme.code}`, 'subtheme-code', `Write it as "${themeNumber}.N" with N ≥ 1.`);
      }
    });
    for (const [mode, background] of Object.entries(PAGE_BACKGROUNDS)) {
      const colour = mode === 'light' ? theme.colour : theme.colourDark;
      const ratio = contrastRatio(colour, background);
      if (ratio < 3) {
        error(
          source,
          ['themes', t, mode === 'light' ? 'colour' : 'colourDark'],
          `Theme colour ${colour} has contrast ${ratio.toFixed(2)}:1 against the ${mode} background ${background}; at least 3:1 is needed`,
          'colour-contrast',
          mode === 'light' ? 'Choose a darker colour.' : 'Choose a lighter colour.',
        );
      }
    }
  });
  checkUnique(
    entries.map((entry) => ({ source, path: [...entry.path, 'code'], value: entry.code })),
    'code',
    'duplicate-id',
  );
  checkUnique(
    entries.map((entry) => ({ source, path: [...entry.path, 'slug'], value: entry.slug })),
    'slug',
    'duplicate-slug',
  );
  const groups = Map.groupBy(entries, (entry) => entry.group);
  for (const group of groups.values())
    checkUnique(
      group.map((entry) => ({ source, path: [...entry.path, 'order'], value: entry.order })),
      'order',
      'duplicate-order',
    );
}

/** Ids in study.json that other records name must each mean one thing. */
function checkMeta({ source, data }: Loaded<StudyMeta>): void {
  checkUnique(
    data.participants.map((participant, index) => ({ source, path: ['participants', index, 'id'], value: participant.id })),
    'participant id',
    'duplicate-id',
  );
  checkUnique(
    data.sources.map((declared, index) => ({ source, path: ['sources', index, 'id'], value: declared.id })),
    'source id',
    'duplicate-id',
  );
  if (data.timing) {
    const ids = phaseList(data.timing.phases).map(({ phase, path }) => ({ source, path: ['timing', ...path, 'id'], value: phase.id }));
    if (data.timing.total) ids.push({ source, path: ['timing', 'total', 'id'], value: data.timing.total.id });
    checkUnique(ids, 'phase id', 'duplicate-id');
  }
  if (data.steps) {
    checkUnique(
      data.steps.phases.map((phase, index) => ({ source, path: ['steps', 'phases', index, 'id'], value: phase.id })),
      'step phase id',
      'duplicate-id',
    );
    checkUnique(
      data.steps.columns.map((column, index) => ({ source, path: ['steps', 'columns', index, 'id'], value: column.id })),
      'column id',
      'duplicate-id',
    );
    data.steps.columns.forEach((column, c) => {
      checkUnique(
        column.categories.map((category, index) => ({ source, path: ['steps', 'columns', c, 'categories', index, 'id'], value: category.id })),
        'category id',
        'duplicate-id',
      );
      checkUnique(
        column.categories.flatMap((category, index) =>
          category.values.map((value, v) => ({ source, path: ['steps', 'columns', c, 'categories', index, 'values', v] as JsonPath, value: value.toLowerCase() })),
        ),
        'category value',
        'duplicate-id',
      );
      column.categories.forEach((category, index) => {
        if (column.display === 'marks' && category.shape === undefined) {
          error(
            source,
            ['steps', 'columns', c, 'categories', index],
            `Category "${category.id}" of a "marks" column has no "shape"`,
            'missing-field',
            `Add "shape": one of circle, square, diamond, triangle, wye, star, cross, times.`,
          );
        }
      });
    });
  }
  if (data.conventions) {
    const known = symbols.map((entry) => entry.id as string);
    data.conventions.rows.forEach((row, index) => {
      if (known.includes(row.symbol)) return;
      const suggestion = closest(row.symbol, known);
      error(
        source,
        ['conventions', 'rows', index, 'symbol'],
        `Unknown transcription symbol "${row.symbol}"`,
        'unknown-symbol',
        suggestion ? `Did you mean "${suggestion}"?` : `Use a symbol id from the transcription-conventions page: ${known.join(', ')}.`,
        { actual: row.symbol },
      );
    });
  }
}

/** Every declared phase with its path in study.json, parents before their sub-phases. */
function phaseList(phases: readonly Phase[], path: JsonPath = ['phases']): { phase: Phase; path: JsonPath }[] {
  return phases.flatMap((phase, index) => [{ phase, path: [...path, index] }, ...phaseList(phase.children, [...path, index, 'children'])]);
}

function checkSession({ source, data }: Loaded<Session>, meta: StudyMeta | undefined): void {
  const unit = meta?.vocabulary.unit.singular ?? 'session';
  if (source.file.stem && source.file.stem !== String(data.number)) {
    warning(source, ['number'], `${capitalise(unit)} ${data.number} is in a file named "${source.file.basename}"`, 'id-file-mismatch', `Rename the file to ${data.number}.json.`);
  }
  if (meta) {
    checkDurations(source, data, meta, unit);
    checkSteps(source, data, meta);
  }
  checkUnique(
    data.steps.map((row, index) => ({ source, path: ['steps', index, 'id'], value: row.id })),
    'step id',
    'duplicate-id',
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each phase with sub-phases must equal their sum, and a declared total the sum of the top-level phases. */
function checkDurations(source: JsonSource, data: Session, meta: StudyMeta, unit: string): void {
  const durations = data.durations;
  if (durations === undefined) return;
  const timing = meta.timing;
  if (!timing) {
    error(
      source,
      ['durations'],
      `Durations are given, but study.json declares no "timing"`,
      'undeclared-timing',
      'Declare the phases in study.json "timing" (see docs/data-format.md), or remove "durations".',
    );
    return;
  }
  const declared = phaseList(timing.phases).map(({ phase }) => phase);
  const ids = [...declared.map((phase) => phase.id), ...(timing.total ? [timing.total.id] : [])];
  for (const key of Object.keys(durations)) {
    if (ids.includes(key)) continue;
    const suggestion = closest(key, ids);
    error(
      source,
      ['durations', key],
      `Unknown phase "${key}": not in study.json "timing"`,
      'unknown-phase',
      suggestion ? `Did you mean "${suggestion}"? Phases: ${ids.join(', ')}.` : `Use one of ${ids.join(', ')}.`,
      { actual: key, expected: ids },
    );
  }
  const missing = ids.filter((id) => durations[id] === undefined);
  if (missing.length > 0) {
    error(
      source,
      ['durations'],
      `Missing duration${missing.length === 1 ? '' : 's'} for ${missing.map((id) => `"${id}"`).join(', ')}`,
      'missing-field',
      `Give every phase of study.json "timing" a duration in this ${unit}, or leave "durations" out.`,
    );
    return;
  }
  const label = (id: string) => (declared.find((phase) => phase.id === id)?.label ?? timing.total?.label ?? id).toLowerCase();
  const checkSum = (parentId: string, children: readonly Phase[]) => {
    const parent = durations[parentId]!;
    const sum = children.reduce((total, child) => total + durations[child.id]!.seconds, 0);
    if (sum === parent.seconds) return;
    const parts = children.map((child) => `${label(child.id)} ${durations[child.id]!.text}`).join(' + ');
    error(
      source,
      ['durations', parentId],
      `Durations do not add up: ${parts} = ${formatDuration(sum)}, but ${label(parentId)} is ${parent.text}`,
      'duration-sum',
      `Correct ${children.map((child) => label(child.id)).join(', ')} or ${label(parentId)} so that they add up (check the source table).`,
      { expected: [formatDuration(sum)], actual: parent.text },
    );
  };
  for (const phase of declared) if (phase.children.length > 0) checkSum(phase.id, phase.children);
  if (timing.total) checkSum(timing.total.id, timing.phases);
}

/** Step rows need a declared table, declared columns and declared groups. */
function checkSteps(source: JsonSource, data: Session, meta: StudyMeta): void {
  if (data.steps.length === 0) return;
  const table = meta.steps;
  if (!table) {
    error(
      source,
      ['steps'],
      'Step rows are given, but study.json declares no "steps" table',
      'undeclared-steps',
      'Declare the table\'s columns in study.json "steps" (see docs/data-format.md), or remove "steps".',
    );
    return;
  }
  const columns = table.columns.map((column) => column.id);
  const phases = table.phases.map((phase) => phase.id);
  data.steps.forEach((row, index) => {
    if (row.phase !== undefined && !phases.includes(row.phase)) {
      const suggestion = closest(row.phase, phases);
      error(
        source,
        ['steps', index, 'phase'],
        `Unknown step phase "${row.phase}": not in study.json "steps.phases"`,
        'unknown-phase',
        phases.length === 0
          ? 'Remove "phase", or declare the groups in study.json "steps.phases".'
          : suggestion
            ? `Did you mean "${suggestion}"? Phases: ${phases.join(', ')}.`
            : `Use one of ${phases.join(', ')}.`,
        { actual: row.phase },
      );
    }
    if (row.phase === undefined && phases.length > 0) {
      error(source, ['steps', index], 'A step row without "phase" in a table whose rows are grouped', 'missing-field', `Add "phase": one of ${phases.join(', ')}.`);
    }
    if (row.kind !== 'step') return;
    for (const key of Object.keys(row.cells)) {
      if (columns.includes(key)) continue;
      const suggestion = closest(key, columns);
      error(
        source,
        ['steps', index, 'cells', key],
        `Unknown column "${key}": not in study.json "steps.columns"`,
        'unknown-column',
        suggestion ? `Did you mean "${suggestion}"? Columns: ${columns.join(', ')}.` : `Use one of ${columns.join(', ') || '(no columns declared)'}.`,
        { actual: key },
      );
    }
  });
}
