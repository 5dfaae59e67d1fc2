/**
 * Reporting checklists for qualitative research, which journals ask authors to complete:
 * COREQ (32 items) and SRQR (21 items). Item names are the checklists' standard short
 * labels; each question is our own paraphrase of what the item asks. A study's
 * reporting.json answers one of them (src/study/schemas/reporting.ts).
 */

export interface ChecklistItem {
  number: number;
  label: string;
  /** What the item asks, in our words. */
  question: string;
  /** The checklist's domain and, where it has them, topic within the domain. */
  domain: string;
  topic: string | undefined;
}

export interface Checklist {
  id: ChecklistId;
  /** Short name, e.g. "COREQ". */
  name: string;
  title: string;
  /** The paper that publishes the checklist, in APA style. */
  citation: string;
  doi: string;
  items: ChecklistItem[];
}

type Row = [label: string, question: string];

function items(domains: { domain: string; topics: { topic: string | undefined; rows: Row[] }[] }[]): ChecklistItem[] {
  const all: ChecklistItem[] = [];
  for (const { domain, topics } of domains) {
    for (const { topic, rows } of topics) for (const [label, question] of rows) all.push({ number: all.length + 1, label, question, domain, topic });
  }
  return all;
}

const coreq: Checklist = {
  id: 'coreq',
  name: 'COREQ',
  title: 'Consolidated criteria for reporting qualitative research',
  citation:
    'Tong, A., Sainsbury, P., & Craig, J. (2007). Consolidated criteria for reporting qualitative research (COREQ): A 32-item checklist for interviews and focus groups. International Journal for Quality in Health Care, 19(6), 349–357.',
  doi: '10.1093/intqhc/mzm042',
  items: items([
    {
      domain: 'Research team and reflexivity',
      topics: [
        {
          topic: 'Personal characteristics',
          rows: [
            ['Interviewer/facilitator', 'Who conducted the interviews or focus groups?'],
            ['Credentials', 'What qualifications did the researcher hold?'],
            ['Occupation', 'What was the researcher’s job at the time of the study?'],
            ['Gender', 'Was the researcher male or female?'],
            ['Experience and training', 'What experience or training in research did the researcher have?'],
          ],
        },
        {
          topic: 'Relationship with participants',
          rows: [
            ['Relationship established', 'Did the researcher know the participants before the study began?'],
            ['Participant knowledge of the interviewer', 'What did the participants know about the researcher and the reasons for the research?'],
            ['Interviewer characteristics', 'What is reported about the researcher’s assumptions, interests or possible biases?'],
          ],
        },
      ],
    },
    {
      domain: 'Study design',
      topics: [
        {
          topic: 'Theoretical framework',
          rows: [
            [
              'Methodological orientation and theory',
              'Which methodological orientation underpins the study (for example discourse analysis, ethnography, grounded theory, phenomenology, content analysis)?',
            ],
          ],
        },
        {
          topic: 'Participant selection',
          rows: [
            ['Sampling', 'How were participants selected (for example purposively, by convenience, consecutively, by snowballing)?'],
            ['Method of approach', 'How were participants approached (in person, by telephone, by mail, by email)?'],
            ['Sample size', 'How many participants took part?'],
            ['Non-participation', 'How many people refused or dropped out, and why?'],
          ],
        },
        {
          topic: 'Setting',
          rows: [
            ['Setting of data collection', 'Where were the data collected (at home, in a clinic, at work)?'],
            ['Presence of non-participants', 'Was anyone else present besides the participants and researchers?'],
            ['Description of sample', 'What are the important characteristics of the sample?'],
          ],
        },
        {
          topic: 'Data collection',
          rows: [
            ['Interview guide', 'Were questions, prompts or guides provided by the authors, and were they pilot tested?'],
            ['Repeat interviews', 'Were interviews repeated, and if so how many?'],
            ['Audio/visual recording', 'Was the data collection recorded on audio or video?'],
            ['Field notes', 'Were field notes made during or after the interviews or focus groups?'],
            ['Duration', 'How long did the interviews or focus groups last?'],
            ['Data saturation', 'Was data saturation discussed?'],
            ['Transcripts returned', 'Were transcripts returned to participants for comment or correction?'],
          ],
        },
      ],
    },
    {
      domain: 'Analysis and findings',
      topics: [
        {
          topic: 'Data analysis',
          rows: [
            ['Number of data coders', 'How many people coded the data?'],
            ['Description of the coding tree', 'Do the authors describe the coding tree?'],
            ['Derivation of themes', 'Were the themes identified in advance or derived from the data?'],
            ['Software', 'Which software, if any, was used to manage the data?'],
            ['Participant checking', 'Did participants give feedback on the findings?'],
          ],
        },
        {
          topic: 'Reporting',
          rows: [
            ['Quotations presented', 'Are participants’ quotations presented to illustrate the themes, and is each one identified?'],
            ['Data and findings consistent', 'Are the data presented consistent with the findings?'],
            ['Clarity of major themes', 'Are the major themes clearly presented in the findings?'],
            ['Clarity of minor themes', 'Are diverse cases or minor themes described?'],
          ],
        },
      ],
    },
  ]),
};

const srqr: Checklist = {
  id: 'srqr',
  name: 'SRQR',
  title: 'Standards for reporting qualitative research',
  citation:
    "O'Brien, B. C., Harris, I. B., Beckman, T. J., Reed, D. A., & Cook, D. A. (2014). Standards for reporting qualitative research: A synthesis of recommendations. Academic Medicine, 89(9), 1245–1251.",
  doi: '10.1097/ACM.0000000000000388',
  items: items([
    {
      domain: 'Title and abstract',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Title', 'Does the title say concisely what the study is about and that it is qualitative?'],
            ['Abstract', 'Does the abstract summarise the study’s key elements?'],
          ],
        },
      ],
    },
    {
      domain: 'Introduction',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Problem formulation', 'What problem or phenomenon is studied, and why does it matter?'],
            ['Purpose or research question', 'What is the study’s purpose or question?'],
          ],
        },
      ],
    },
    {
      domain: 'Methods',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Qualitative approach and research paradigm', 'Which qualitative approach and paradigm guide the study, and why?'],
            ['Researcher characteristics and reflexivity', 'Which of the researchers’ characteristics may have influenced the research, and how was that handled?'],
            ['Context', 'Where was the study done, and what about that setting matters?'],
            ['Sampling strategy', 'How and why were participants, documents or events selected, and when did sampling stop?'],
            ['Ethical issues pertaining to human subjects', 'Was ethical approval obtained, and how was consent and confidentiality handled?'],
            ['Data collection methods', 'How were data collected, and did the procedures change during the study?'],
            ['Data collection instruments and technologies', 'Which guides, questionnaires or recording devices were used, and did they change?'],
            ['Units of study', 'How many participants, documents or events were included, and what are their characteristics?'],
            ['Data processing', 'How were data transcribed, managed, secured and checked?'],
            ['Data analysis', 'How were themes or codes developed, and by whom?'],
            ['Techniques to enhance trustworthiness', 'What was done to make the analysis more credible (for example member checking, triangulation)?'],
          ],
        },
      ],
    },
    {
      domain: 'Results/findings',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Synthesis and interpretation', 'What are the main findings, and how do they connect to theory?'],
            ['Links to empirical data', 'Are findings supported by quotations, field notes or other evidence?'],
          ],
        },
      ],
    },
    {
      domain: 'Discussion',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Integration with prior work, implications, transferability and contribution(s) to the field', 'How do the findings relate to earlier work, and what do they add?'],
            ['Limitations', 'How trustworthy and transferable are the findings, given the study’s limits?'],
          ],
        },
      ],
    },
    {
      domain: 'Other',
      topics: [
        {
          topic: undefined,
          rows: [
            ['Conflicts of interest', 'Could anything have influenced the study’s conduct or conclusions, and how was it managed?'],
            ['Funding', 'Who funded the study, and what part did the funders play?'],
          ],
        },
      ],
    },
  ]),
};

export type ChecklistId = 'coreq' | 'srqr';

export const checklists: Record<ChecklistId, Checklist> = { coreq, srqr };
