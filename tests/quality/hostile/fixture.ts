/**
 * The hostile fixture study, as data: a valid study whose every free-text field holds
 * hostile strings. `write-fixture.ts` writes it to tests/fixtures/studies/hostile/, and a
 * test fails if the committed files drift from it.
 */
import { hostileLabel, hostileParagraph, hostileTalk, hostileText, longTurn, longWord, transcriptInjections } from './payloads.ts';

const schemaRef = (depth: number, name: string) => `${'../'.repeat(depth)}public/schemas/${name}.schema.json`;

/** Web addresses must be http(s) (the schema refuses `javascript:`), but may still carry markup. */
const hostileUrl = 'https://example.org/"><img src=x onerror="window.__pwned=1">?q=<script>window.__pwned=1</script>#"\'>';

const durations = { opening: '5:00', main: '40:30', talk: '30:15', silence: '10:15', closing: '4:30', total: '50:00' };

function session(number: number) {
  return {
    $schema: schemaRef(5, 'session'),
    number,
    title: hostileLabel(`Session ${number}`),
    summary: hostileParagraph(`Summary ${number}`),
    durations,
    steps: [
      { kind: 'step', id: 'warm-up', phase: 'opening', label: hostileLabel('Warm-up'), cells: { actions: [hostileLabel('Action'), longWord], topics: [hostileText] }, note: hostileText },
      { kind: 'step', id: 'piece', phase: 'main', label: hostileLabel('Piece'), cells: { actions: [hostileLabel('Stretch')], topics: [hostileLabel('Topic')] } },
      { kind: 'event', id: 'turn-over', phase: 'main', label: hostileLabel('The client turns over'), note: hostileText },
      { kind: 'step', id: 'cool-down', phase: 'closing', label: hostileLabel('Cool-down'), cells: { actions: [hostileLabel('Walk')], topics: [hostileLabel('As above')] } },
    ],
    notes: [hostileParagraph('Session note')],
  };
}

interface ExcerptPlan {
  id: string;
  session: number | null;
  step?: string;
  source: 'session-transcript' | 'participant-commentary';
  codes: string[];
  order: number;
  lines: unknown[];
}

const plans: ExcerptPlan[] = [
  {
    id: 'script-tags',
    session: 1,
    step: 'piece',
    source: 'session-transcript',
    codes: ['1.1', '2.0'],
    order: 1,
    lines: [
      { kind: 'turn', speaker: 'therapist', text: hostileTalk },
      { kind: 'silence', text: '(2.0)' },
      { kind: 'turn', speaker: 'client', text: `[yeah] ${transcriptInjections[1]} ${transcriptInjections[3]}` },
      { kind: 'turn', text: `${transcriptInjections[2]} ${longWord}` },
      { kind: 'omission', text: '[…]' },
    ],
  },
  {
    id: 'long-turn',
    session: 2,
    source: 'session-transcript',
    codes: ['1.2'],
    order: 2,
    lines: [
      { kind: 'turn', speaker: 'client', text: longTurn() },
      { kind: 'turn', speaker: 'therapist', text: `=mm ${hostileTalk}` },
    ],
  },
  {
    id: 'commentary',
    session: null,
    source: 'participant-commentary',
    codes: ['2.0', '1.1'],
    order: 3,
    lines: [{ kind: 'turn', speaker: 'client', text: `…${hostileText} […] ${longWord}…` }],
  },
  {
    id: 'templates',
    session: 2,
    step: 'cool-down',
    source: 'participant-commentary',
    codes: ['1.1', '1.2'],
    order: 4,
    lines: [{ kind: 'turn', speaker: 'therapist', text: '{window.__pwned=1} ${window.__pwned=1} {{x}} <Excerpt id="x" /> javascript:window.__pwned=1' }],
  },
];

function excerpt(plan: ExcerptPlan) {
  return {
    $schema: schemaRef(5, 'excerpt'),
    id: plan.id,
    title: hostileLabel(`Excerpt ${plan.order}`),
    session: plan.session,
    ...(plan.step ? { step: plan.step } : {}),
    source: plan.source,
    lines: plan.lines,
    codes: plan.codes,
    leadIn: hostileParagraph(`Lead-in ${plan.order}`),
    interpretation: hostileParagraph(`Interpretation ${plan.order}`),
    article: { section: hostileLabel('Results › Section'), page: plan.order, order: plan.order },
    notes: [hostileParagraph('Note'), hostileText],
  };
}

/** File path (relative to the study folder) → file content. */
export function hostileFixture(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (path: string, value: unknown) => files.set(path, `${JSON.stringify(value, null, 2)}\n`);

  json('study.json', {
    $schema: schemaRef(4, 'study'),
    title: hostileLabel('Hostile Fixture: A Study Whose Every Field Attacks the Generator'),
    shortTitle: hostileLabel('Hostile'),
    authors: [{ family: hostileLabel('Family'), given: hostileLabel('Given'), credentials: hostileText, affiliation: hostileParagraph('Affiliation') }],
    publication: { type: 'article', journal: { name: hostileLabel('Journal'), volume: 1, issue: 1, pages: hostileLabel('1-2'), issn: hostileLabel('ISSN') } },
    year: 2024,
    published: '2024-01',
    doi: '10.1234/"><img/src=x/onerror=window.__pwned=1>',
    url: hostileUrl,
    licence: { name: hostileLabel('Licence'), url: hostileUrl, notice: hostileParagraph('Notice') },
    abstract: `${hostileParagraph('Abstract')}\n\n${hostileText}`,
    keywords: [hostileLabel('keyword'), longWord, hostileText],
    design: hostileLabel('case study'),
    subject: hostileLabel('subject'),
    summary: hostileParagraph('Summary'),
    themesSummary: hostileParagraph('Themes summary'),
    vocabulary: { unit: { singular: hostileLabel('unit'), plural: hostileLabel('units') } },
    participants: [
      { id: 'therapist', label: hostileLabel('Therapist'), role: hostileLabel('role one'), description: hostileParagraph('Therapist') },
      { id: 'client', label: hostileLabel('Client'), role: hostileLabel('role two'), description: hostileParagraph('Client') },
    ],
    sources: [
      { id: 'session-transcript', label: hostileLabel('Transcript'), transcription: 'jefferson', description: hostileText },
      { id: 'participant-commentary', label: hostileLabel('Commentary'), transcription: 'verbatim', description: hostileParagraph('Source') },
    ],
    setting: hostileParagraph('Setting'),
    timing: {
      note: hostileParagraph('Timing note'),
      phases: [
        { id: 'opening', label: hostileLabel('Opening'), short: hostileLabel('Op'), legend: hostileLabel('Edges'), shading: 'light' },
        {
          id: 'main',
          label: hostileLabel('Main'),
          children: [
            { id: 'talk', label: hostileLabel('Talk'), shading: 'dark', note: hostileText },
            { id: 'silence', label: hostileLabel('Silence'), shading: 'hatched', note: hostileLabel('Silence note') },
          ],
        },
        { id: 'closing', label: hostileLabel('Closing'), legend: hostileLabel('Edges'), shading: 'light' },
      ],
      total: { id: 'total', label: hostileLabel('Total') },
    },
    steps: {
      title: hostileLabel('Step table'),
      labelHeading: hostileLabel('Stage'),
      labelName: hostileLabel('Stage name'),
      phases: [
        { id: 'opening', label: hostileLabel('Opening rows') },
        { id: 'main', label: hostileLabel('Main rows') },
        { id: 'closing', label: hostileLabel('Closing rows') },
      ],
      columns: [
        {
          id: 'actions',
          heading: hostileLabel('Actions'),
          legend: hostileLabel('Kinds'),
          display: 'marks',
          categories: [{ id: 'stretch', label: hostileLabel('Stretch kind'), values: [hostileLabel('Stretch')], shape: 'circle' }],
        },
        {
          id: 'topics',
          heading: hostileLabel('Topics'),
          short: hostileLabel('T'),
          legend: hostileLabel('Talk or not'),
          display: 'band',
          otherLabel: hostileLabel('Other'),
          continuation: [hostileLabel('As above')],
          categories: [{ id: 'quiet', label: hostileLabel('Quiet'), values: [hostileLabel('Topic')], shading: 'hatched' }],
        },
      ],
      note: hostileParagraph('Steps note'),
    },
    conventions: {
      caption: hostileLabel('Table 1. Conventions'),
      note: hostileText,
      rows: [
        { symbol: 'overlap-onset', printed: hostileLabel('['), meaning: hostileText },
        { symbol: 'timed-pause', printed: '(2.0)', meaning: hostileLabel('pause') },
      ],
    },
  });

  json('codebook.json', {
    $schema: schemaRef(4, 'codebook'),
    themes: [
      {
        code: '1.0',
        name: hostileLabel('Theme one'),
        slug: 'theme-one',
        order: 1,
        colour: '#1f5f8b',
        colourDark: '#8cc4ec',
        description: hostileParagraph('Theme one'),
        subthemes: [
          { code: '1.1', name: hostileLabel('Subtheme one'), slug: 'subtheme-one', order: 1, description: hostileParagraph('Subtheme one') },
          { code: '1.2', name: `${longWord} ${hostileLabel('Subtheme two')}`, slug: 'subtheme-two', order: 2, description: hostileParagraph('Subtheme two') },
        ],
      },
      { code: '2.0', name: hostileLabel('Theme two'), slug: 'theme-two', order: 2, colour: '#8a3b12', colourDark: '#f0a77c', description: hostileParagraph('Theme two') },
    ],
  });

  json('sessions/1.json', session(1));
  json('sessions/2.json', session(2));
  for (const plan of plans) json(`excerpts/${plan.id}.json`, excerpt(plan));

  json('questionnaires.json', {
    $schema: schemaRef(4, 'questionnaires'),
    introduction: hostileParagraph('Questionnaires'),
    groups: [
      {
        id: 'client-all',
        respondent: 'client',
        scope: 'all',
        heading: hostileLabel('Client questions'),
        questions: [{ text: hostileText, items: [hostileLabel('Item'), longWord] }],
        note: hostileText,
      },
      { id: 'therapist-2', respondent: 'therapist', scope: 2, heading: hostileLabel('Therapist questions'), questions: [{ text: hostileLabel('Question') }] },
    ],
  });

  json('references.json', {
    $schema: schemaRef(4, 'references'),
    references: [
      {
        id: 'hostile2001',
        number: 1,
        type: 'article',
        authors: [{ family: hostileLabel('Author'), given: hostileLabel('A') }],
        year: 2001,
        title: hostileText,
        container: hostileLabel('Container'),
        volume: hostileLabel('3'),
        issue: hostileLabel('1'),
        pages: hostileLabel('1–9'),
        doi: '10.1234/"><script>window.__pwned=1</script>',
        url: hostileUrl,
        note: hostileParagraph('Reference note'),
      },
      {
        id: 'hostile1999',
        number: 2,
        type: 'book',
        authors: [],
        editors: [{ family: hostileLabel('Editor'), given: hostileLabel('E') }],
        year: 1999,
        title: `${longWord} ${hostileLabel('Book')}`,
        edition: hostileLabel('2nd'),
        publisher: hostileLabel('Publisher'),
        place: hostileLabel('Place'),
      },
    ],
  });

  json('glossary.json', {
    $schema: schemaRef(4, 'glossary'),
    terms: [
      { id: 'hostile-term', term: hostileLabel('Term'), definition: hostileParagraph('Definition'), aliases: [hostileLabel('Alias')], related: ['other-term'], sources: ['hostile2001'] },
      { id: 'other-term', term: hostileLabel('Other term'), definition: hostileText },
    ],
  });

  json('procedure.json', {
    $schema: schemaRef(4, 'procedure'),
    heading: hostileLabel('Procedure'),
    steps: [
      { number: 1, text: hostileParagraph('Step one') },
      { number: 2, text: hostileLabel('Step two'), items: [{ label: hostileLabel('a'), text: hostileText, items: [{ label: hostileLabel('i'), text: hostileParagraph('Sub-step') }] }] },
    ],
  });

  // The study answers SRQR, the checklist a study may choose instead of COREQ: all 21
  // items, every status, each answer, place in the work and link label hostile.
  const statuses = ['reported', 'partly', 'not-reported', 'not-applicable'] as const;
  json('reporting.json', {
    $schema: schemaRef(4, 'reporting'),
    checklist: 'srqr',
    items: Array.from({ length: 21 }, (_, index) => {
      const status = statuses[index % statuses.length]!;
      return {
        item: index + 1,
        status,
        ...(status === 'not-reported' ? {} : { answer: index === 0 ? hostileParagraph('Answer 1') : hostileLabel(`Answer ${index + 1}`) }),
        ...(status === 'not-applicable' ? {} : { inWork: hostileLabel('Methods') }),
        where:
          status === 'reported' || status === 'partly'
            ? [
                { path: 'chapters/findings/', label: hostileLabel('Findings') },
                { path: 'chapters/findings/#excerpts', label: hostileLabel('Findings › Excerpts') },
              ]
            : [],
      };
    }),
  });

  // Chapters are authored MDX (code), so only their front matter carries hostile data; the
  // body embeds every excerpt so excerpt rendering inside prose is exercised too.
  const frontMatter = { title: hostileLabel('Chapter'), description: hostileParagraph('Chapter description') };
  files.set(
    'chapters/findings.mdx',
    [
      '---',
      `title: ${JSON.stringify(frontMatter.title)}`,
      `description: ${JSON.stringify(frontMatter.description)}`,
      'order: 1',
      '---',
      '',
      'The excerpts of this hostile study, embedded in prose.',
      '',
      '## Excerpts',
      '',
      ...plans.flatMap((plan) => [`<Excerpt id="${plan.id}" />`, '']),
      `See also <ExcerptLink id="${plans[0]!.id}" />.`,
      // Real transcripts as CABank prints them, for the browser tests' copy and alignment checks.
      '',
      '## Transcripts as CABank prints them',
      '',
      'Two fragments of the CABNC corpus (Albert, de Ruiter & de Ruiter, 2015, CC BY 3.0,',
      '`github.com/saulalbert/CABNC`; also in tests/ca/corpus/), pasted as typed: CLAN',
      'tiers, tab-aligned ⌈ ⌊ overlaps, combining underlines, ≈ latching and media time codes.',
      'The browser tests copy them from the page.',
      '',
      '```ca',
      "*CHR:\t>↑I: don't think the colour's< ⌈ D R ⌉A:̲:̲b at ↑a̲:ll≈ 53420_55276",
      '*NOR:\t                               ⌊°Hhm°⌋',
      '*NOR:\t≈⌈°An the lo-°⌉',
      "*CHR:\t ⌊I think the ⌋colou:̲r's >eh< f↑a:b.≈ 55020_56364",
      '*NOR:\t≈Ri:̲:̲ght? 56108_56940',
      '\t(0.9) 56684_57836',
      '```',
      '',
      '```ca',
      "*STU:\tNo::̲ cos mum's going ⌈up-",
      '*JEA:\t                     ⌊Thu:rsdy- ne- weh you kno⌈w what I me:an.',
      "*STU:\t                                               ⌊She's going to",
      "\tVera's.=",
      '*ANN:\t=⁎Yup.⁎',
      "*STU:\tWe'll TRY AND MAKE it in the mo::rnin'.",
      '```',
      '',
    ].join('\n'),
  );
  return files;
}
