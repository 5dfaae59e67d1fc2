/**
 * The files `npm run new -- <folder>` writes: the smallest study folder that `npm run
 * check` passes and that builds, with every text saying what belongs there. Nothing in it
 * is data: each value is an instruction to replace, and the folder's README.md walks
 * through the files in the order a researcher fills them in. JSON allows no comments, so
 * the instructions live in the values, in README.md and in the chapter's MDX comments.
 */
import { relative, sep } from 'node:path';

/**
 * Paths inside the folder → file contents, for a study folder at `folder` (absolute) with
 * the JSON Schemas at `schemasDir` (public/schemas/ of this checkout); `shownAs` is how
 * the folder's README names it in commands.
 */
export function studyTemplate(folder: string, schemasDir: string, shownAs = folder): Map<string, string> {
  // "$schema" is resolved from each file's own folder, so editors find the schemas wherever the study lives.
  const schema = (depth: number, name: string) => {
    const path = relative(folder, schemasDir).split(sep).join('/');
    return `${'../'.repeat(depth)}${path}/${name}.schema.json`;
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>();

  files.set(
    'study.json',
    json({
      $schema: schema(0, 'study'),
      title: 'Replace with the full title of the study',
      shortTitle: 'Replace with a short title',
      authors: [{ family: 'Replace with a family name', given: 'Replace with given names' }],
      publication: { type: 'unpublished', note: 'Replace: say how the study is published (docs/data-format.md lists article, thesis, report, preprint, chapter, teaching-case and unpublished).' },
      year: new Date().getFullYear(),
      licence: { name: 'All rights reserved', notice: 'Replace with the notice to show wherever quoted material appears, e.g. the licence and who holds the copyright.' },
      abstract: 'Replace with the abstract, in your own words. Separate paragraphs with a blank line.',
      keywords: [],
      vocabulary: { unit: { singular: 'interview', plural: 'interviews' } },
      participants: [{ id: 'p1', label: 'P1', role: 'participant', description: 'Replace with what the study says about this participant; add one entry per person who speaks in the excerpts.' }],
      sources: [
        { id: 'transcript', label: 'Transcript', transcription: 'verbatim', description: 'Replace: where the excerpts come from. Use "jefferson" for transcripts in Conversation Analysis notation.' },
      ],
    }),
  );
  files.set(
    'codebook.json',
    json({
      $schema: schema(0, 'codebook'),
      themes: [
        {
          code: '1.0',
          name: 'Replace with the first theme',
          slug: 'first-theme',
          order: 1,
          colour: '#1f5f8b',
          colourDark: '#8cc4ec',
          description: 'Replace with what the theme captures; add subthemes under "subthemes" (codes 1.1, 1.2…) or code excerpts to the theme itself.',
        },
      ],
    }),
  );
  files.set(
    'sessions/1.json',
    json({
      $schema: schema(1, 'session'),
      number: 1,
      title: 'Interview 1',
      summary: 'Replace with what happened in this unit of data collection; add one file per unit (sessions/2.json…).',
    }),
  );
  files.set(
    'excerpts/README.md',
    `# Excerpts

One JSON file per quoted passage, named after its id (\`excerpts/first-visit.json\`):

    {
      "$schema": "${schema(1, 'excerpt')}",
      "id": "first-visit",
      "title": "a phrase the participant uses",
      "session": 1,
      "source": "transcript",
      "lines": [{ "kind": "turn", "speaker": "p1", "text": "the quoted words" }],
      "codes": ["1.0"]
    }

\`session\` is the unit's number (\`null\` when the study does not say), \`source\` an id of
study.json's \`sources\`, \`speaker\` a participant id. \`npm run import:csv\` and
\`npm run import:qdpx\` write these files from a spreadsheet or a QDA project.
`,
  );
  files.set(
    'chapters/introduction.mdx',
    `---
title: Introduction
description: Replace with one sentence describing this chapter.
order: 1
---

{/* Write the chapter in your own words below. Components such as <Excerpt id="…" />,
<Cite id="…" /> and <Term id="…" /> need no import; docs/mdx.md lists them all.
Add more chapters as chapters/<name>.mdx, numbered by "order". */}

Replace this paragraph with the introduction to the study.
`,
  );
  files.set(
    'README.md',
    `# A Casebook study folder

Written by \`npm run new\`. Every text in these files says what to put there; replace
them all, then check and build from the Casebook checkout:

    STUDY_DIR=${shownAs} npm run check
    STUDY_DIR=${shownAs} npm run build

Fill in, in this order (docs/new-study.md walks through it; docs/data-format.md lists every field):

1. \`study.json\`: the study, how it is published, its word for a unit of data collection
   (\`vocabulary\`: interview, session, call…), its participants and its excerpt sources.
2. \`codebook.json\`: the themes and subthemes.
3. \`sessions/<n>.json\`: one file per unit (interview, session…), numbered from 1.
4. \`excerpts/<id>.json\`: one file per quoted passage, coded to the codebook; or import
   them from a spreadsheet or a QDA project (docs/import-export.md).
5. \`chapters/*.mdx\`: the study's text in your own words (docs/mdx.md).

Optional, only when the study has them: \`references.json\`, \`glossary.json\`,
\`questionnaires.json\`, \`procedure.json\`, \`discussion.json\`, \`teaching/*.mdx\`, durations
(\`timing\` in study.json) and step tables (\`steps\`). A part you leave out is simply absent
from the site.
`,
  );
  return files;
}
