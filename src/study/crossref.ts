/**
 * Checks that need more than one record: references between files, uniqueness, and the
 * arithmetic of the durations table. Problems are reported where the offending value is.
 */
import { report } from './diagnostics.ts';
import { placeOf, type JsonPath, type JsonSource } from './json-source.ts';
import { codeInfos, type CodeInfo } from './model.ts';
import { closest } from './validate.ts';
import { contrastRatio } from './colour.ts';
import { formatDuration, type Codebook, type Discussion, type Edition, type Excerpt, type Glossary, type Questionnaires, type References, type Session, type StudyMeta } from './schemas/index.ts';

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

  if (meta) {
    checkUnique(meta.data.participants.map((participant, index) => ({ source: meta.source, path: ['participants', index, 'id'], value: participant.id })), 'participant id', 'duplicate-id');
  }

  const codes = codebook ? codeInfos(codebook.data.themes) : [];
  const codeIndex = new Map(codes.map((info) => [info.code, info]));
  if (codebook) checkCodebook(codebook);

  const sessionsByNumber = new Map(sessions.map((session) => [session.data.number, session.data]));
  checkUnique(sessions.map(({ source, data }) => ({ source, path: ['number'], value: data.number })), 'session number', 'duplicate-id');
  for (const session of sessions) checkSession(session);

  checkUnique(excerpts.map(({ source, data }) => ({ source, path: ['id'], value: data.id })), 'excerpt id', 'duplicate-id');
  for (const { source, data: excerpt } of excerpts) {
    if (source.file.stem && source.file.stem !== excerpt.id) {
      warning(source, ['id'], `Excerpt id "${excerpt.id}" differs from its file name "${source.file.basename}"`, 'id-file-mismatch', `Rename the file to ${excerpt.id}.json, or the id to "${source.file.stem}".`);
    }
    if (codebook) {
      const seen = new Set<string>();
      excerpt.codes.forEach((code, index) => {
        const info = codeIndex.get(code);
        if (seen.has(code)) error(source, ['codes', index], `Code "${code}" is listed twice`, 'duplicate-code', 'Remove the repeated code.');
        seen.add(code);
        if (!info) {
          const suggestion = closest(code, codes.filter((c) => c.leaf).map((c) => c.code));
          error(source, ['codes', index], `Unknown code "${code}": it is not in codebook.json`, 'unknown-code', suggestion ? `Did you mean "${suggestion}"? Or add "${code}" to codebook.json.` : `Use a code from codebook.json (${codes.filter((c) => c.leaf).map((c) => c.code).join(', ')}).`, { actual: code, expected: codes.filter((c) => c.leaf).map((c) => c.code) });
        } else if (!info.leaf) {
          error(source, ['codes', index], `Code "${code}" (${info.name}) has subthemes, so excerpts are coded to one of them`, 'code-not-leaf', `Use one of ${info.leaves.join(', ')}.`);
        }
      });
    }
    if (excerpt.session !== null && !sessionsByNumber.has(excerpt.session) && !content.invalidSessions.has(excerpt.session)) {
      const known = [...sessionsByNumber.keys()].sort((a, b) => a - b);
      error(source, ['session'], `Unknown session ${excerpt.session}: there is no sessions/${excerpt.session}.json`, 'unknown-session', `Use one of ${known.join(', ') || '(no sessions)'}, or null if the article does not say which session.`, { actual: String(excerpt.session) });
    }
    if (excerpt.step !== undefined) {
      const session = excerpt.session === null ? undefined : sessionsByNumber.get(excerpt.session);
      if (excerpt.session === null) {
        error(source, ['step'], `Excerpt is placed on step "${excerpt.step}" but has no session`, 'step-without-session', 'Set "session" to the session the step belongs to, or remove "step".');
      } else if (session && !session.sequence.some((row) => row.id === excerpt.step)) {
        error(source, ['step'], `Unknown step "${excerpt.step}" in session ${excerpt.session}`, 'unknown-step', `Use a row id of sessions/${excerpt.session}.json: ${session.sequence.map((row) => row.id).join(', ')}.`);
      }
    }
    let speakerSoFar = false;
    excerpt.lines.forEach((line, index) => {
      if (line.kind !== 'turn') return;
      if (line.speaker === undefined && !speakerSoFar) {
        error(source, ['lines', index], 'A turn without "speaker" continues the previous speaker, but no speaker comes before it', 'missing-speaker', 'Add "speaker" with a participant id.');
      }
      if (line.speaker !== undefined) {
        speakerSoFar = true;
        if (meta && !participantIds.includes(line.speaker)) {
          const suggestion = closest(line.speaker, participantIds);
          error(source, ['lines', index, 'speaker'], `Unknown speaker "${line.speaker}": not a participant in study.json`, 'unknown-speaker', suggestion ? `Did you mean "${suggestion}"?` : `Use one of ${participantIds.join(', ')}.`);
        }
      }
    });
  }

  // The history page anchors editions by id and names their sections by label, so both must tell editions apart.
  checkUnique(content.editions.map(({ source, data }) => ({ source, path: ['id'], value: data.id })), 'edition id', 'duplicate-id');
  checkUnique(content.editions.map(({ source, data }) => ({ source, path: ['label'], value: data.label })), 'edition label', 'duplicate-id');
  for (const { source, data: edition } of content.editions) {
    if (source.file.stem && source.file.stem !== edition.id) {
      warning(source, ['id'], `Edition id "${edition.id}" differs from its file name "${source.file.basename}"`, 'id-file-mismatch', `Rename the file to ${edition.id}.json, or the id to "${source.file.stem}".`);
    }
  }

  const questionnaires = content.questionnaires;
  if (questionnaires) {
    checkUnique(questionnaires.data.groups.map((group, index) => ({ source: questionnaires.source, path: ['groups', index, 'id'], value: group.id })), 'question group id', 'duplicate-id');
    questionnaires.data.groups.forEach((group, index) => {
      if (meta && !participantIds.includes(group.respondent)) {
        error(questionnaires.source, ['groups', index, 'respondent'], `Unknown respondent "${group.respondent}": not a participant in study.json`, 'unknown-participant', `Use one of ${participantIds.join(', ')}.`);
      }
      if (group.scope !== 'all' && sessions.length > 0 && !sessionsByNumber.has(group.scope)) {
        error(questionnaires.source, ['groups', index, 'scope'], `Unknown session ${group.scope}`, 'unknown-session', `Use "all" or one of ${[...sessionsByNumber.keys()].join(', ')}.`);
      }
    });
  }

  const references = content.references;
  const referenceIds = references ? references.data.references.map((reference) => reference.id) : [];
  if (references) {
    checkUnique(references.data.references.map((reference, index) => ({ source: references.source, path: ['references', index, 'id'], value: reference.id })), 'reference id', 'duplicate-id');
    checkUnique(
      references.data.references.flatMap((reference, index) => (reference.number === undefined ? [] : [{ source: references.source, path: ['references', index, 'number'] as JsonPath, value: reference.number }])),
      'reference number',
      'duplicate-id',
    );
  }

  if (content.discussion) checkDiscussion(content.discussion, codes, excerpts.map(({ data }) => data.id));

  const glossary = content.glossary;
  if (glossary) {
    const termIds = glossary.data.terms.map((term) => term.id);
    checkUnique(glossary.data.terms.map((term, index) => ({ source: glossary.source, path: ['terms', index, 'id'], value: term.id })), 'term id', 'duplicate-id');
    glossary.data.terms.forEach((term, index) => {
      term.related.forEach((id, relatedIndex) => {
        if (!termIds.includes(id)) error(glossary.source, ['terms', index, 'related', relatedIndex], `Unknown related term "${id}"`, 'unknown-term', `Use a term id from glossary.json${closest(id, termIds) ? ` (did you mean "${closest(id, termIds)}"?)` : ''}.`);
      });
      term.sources.forEach((id, sourceIndex) => {
        if (references && !referenceIds.includes(id)) error(glossary.source, ['terms', index, 'sources', sourceIndex], `Unknown reference "${id}"`, 'unknown-reference', `Use a reference id from references.json${closest(id, referenceIds) ? ` (did you mean "${closest(id, referenceIds)}"?)` : ''}.`);
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
  checkUnique(data.topics.map((topic, index) => ({ source, path: ['topics', index, 'code'], value: topic.code })), 'discussion code', 'duplicate-id');
  data.topics.forEach((topic, index) => {
    if (codes.length > 0 && !codeList.includes(topic.code)) {
      const suggestion = closest(topic.code, codeList);
      error(source, ['topics', index, 'code'], `Unknown code "${topic.code}": it is not in codebook.json`, 'unknown-code', suggestion ? `Did you mean "${suggestion}"? Codes: ${codeList.join(', ')}.` : `Use a code from codebook.json (${codeList.join(', ')}).`, { actual: topic.code, expected: codeList });
    }
    topic.questions.forEach((question, questionIndex) => {
      question.excerpts.forEach((id, excerptIndex) => {
        if (excerptIds.includes(id)) return;
        const suggestion = closest(id, excerptIds);
        error(source, ['topics', index, 'questions', questionIndex, 'excerpts', excerptIndex], `Unknown excerpt "${id}": there is no excerpts/${id}.json`, 'unknown-excerpt', suggestion ? `Did you mean "${suggestion}"?` : 'Use the id of a file in excerpts/.', { actual: id });
      });
    });
  });
  const covered = new Set(data.topics.map((topic) => topic.code));
  for (const info of codes) {
    if (!covered.has(info.code)) warning(source, ['topics'], `No discussion questions for ${info.code} ${info.name}`, 'missing-discussion', `Add an entry { "code": "${info.code}", "questions": [...] } to topics.`);
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
        error(source, ['themes', t, mode === 'light' ? 'colour' : 'colourDark'], `Theme colour ${colour} has contrast ${ratio.toFixed(2)}:1 against the ${mode} background ${background}; at least 3:1 is needed`, 'colour-contrast', mode === 'light' ? 'Choose a darker colour.' : 'Choose a lighter colour.');
      }
    }
  });
  checkUnique(entries.map((entry) => ({ source, path: [...entry.path, 'code'], value: entry.code })), 'code', 'duplicate-id');
  checkUnique(entries.map((entry) => ({ source, path: [...entry.path, 'slug'], value: entry.slug })), 'slug', 'duplicate-slug');
  const groups = Map.groupBy(entries, (entry) => entry.group);
  for (const group of groups.values()) checkUnique(group.map((entry) => ({ source, path: [...entry.path, 'order'], value: entry.order })), 'order', 'duplicate-order');
}

function checkSession({ source, data }: Loaded<Session>): void {
  if (source.file.stem && source.file.stem !== String(data.number)) {
    warning(source, ['number'], `Session ${data.number} is in a file named "${source.file.basename}"`, 'id-file-mismatch', `Rename the file to ${data.number}.json.`);
  }
  const { preTreatment, treatment, talk, silence, postTreatment, total } = data.durations;
  const talkPlusSilence = talk.seconds + silence.seconds;
  if (talkPlusSilence !== treatment.seconds) {
    error(source, ['durations', 'treatment'], `Durations do not add up: talk ${talk.text} + silence ${silence.text} = ${formatDuration(talkPlusSilence)}, but treatment is ${treatment.text}`, 'duration-sum', 'Correct talk, silence or treatment so that talk + silence = treatment (check the source table).', { expected: [formatDuration(talkPlusSilence)], actual: treatment.text });
  }
  const parts = preTreatment.seconds + treatment.seconds + postTreatment.seconds;
  if (parts !== total.seconds) {
    error(source, ['durations', 'total'], `Durations do not add up: pre-treatment ${preTreatment.text} + treatment ${treatment.text} + post-treatment ${postTreatment.text} = ${formatDuration(parts)}, but total is ${total.text}`, 'duration-sum', 'Correct one of the four so that pre-treatment + treatment + post-treatment = total.', { expected: [formatDuration(parts)], actual: total.text });
  }
  checkUnique(data.sequence.map((row, index) => ({ source, path: ['sequence', index, 'id'], value: row.id })), 'sequence row id', 'duplicate-id');
}
