/**
 * The citation formatters, pinned with exact strings for each kind of work the article
 * cites. Records come from content/references.json through the loader, so a change to the
 * data or to the formatter shows up here.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';
import type { Reference, StudyMeta } from '../../src/study/schemas/index.ts';
import { ownReferences, apaWork, apaNameList, apaPage, apaReference, compareApa, initials, inTextEntry, pageRange, plainText, parseLineRange, yearLabels } from '../../src/site/citation.ts';
import { bibtexEscape, bibtexPage, bibtexWork } from '../../src/site/citation-bibtex.ts';
import { highwireReference, highwireWork } from '../../src/site/citation-highwire.ts';
import { risPage, risWork } from '../../src/site/citation-ris.ts';

let study: Study;
const reference = (id: string): Reference => {
  const found = study.referenceIndex.get(id);
  if (!found) throw new Error(`no reference ${id}`);
  return found;
};
const apa = (id: string) => plainText(apaReference(reference(id)));

beforeAll(async () => {
  const loaded = await loadStudy(join(import.meta.dirname, '..', '..', 'content'));
  if (!loaded.study) throw new Error('the bundled study does not load');
  study = loaded.study;
});

describe('APA 7 names', () => {
  it('turns given names as printed into spaced initials', () => {
    expect(initials('CA')).toBe('C. A.');
    expect(initials('J')).toBe('J.');
    expect(initials('Timothy')).toBe('T.');
    expect(initials('Jean-Paul')).toBe('J.-P.');
    expect(initials('J. A.')).toBe('J. A.');
    expect(initials('Mary Ann')).toBe('M. A.');
  });

  it('puts an ampersand before the last of two or more names', () => {
    const name = (family: string, given: string) => ({ family, given });
    expect(apaNameList([name('Rogers', 'CR')])).toBe('Rogers, C. R.');
    expect(apaNameList([name('Braun', 'V'), name('Clarke', 'V')])).toBe('Braun, V., & Clarke, V.');
    expect(apaNameList([name('A', 'B'), name('C', 'D'), name('E', 'F')])).toBe('A, B., C, D., & E, F.');
  });

  it('lists the first 19 of more than 20 authors, an ellipsis and the last', () => {
    const many = Array.from({ length: 22 }, (_, index) => ({ family: `Author${index + 1}`, given: 'A' }));
    const list = apaNameList(many);
    expect(list.startsWith('Author1, A., Author2, A.,')).toBe(true);
    expect(list).toContain('Author19, A., . . . Author22, A.');
    expect(list).not.toContain('Author20');
  });
});

describe('APA 7 reference-list entries', () => {
  it('formats a journal article with italic journal and volume, issue and an en-dash range', () => {
    expect(apa('moyer2004')).toBe('Moyer, C. A., Rounds, J., & Hannum, J. W. (2004). A meta-analysis of massage therapy research. Psych Bull, 130(1), 3–18.');
    expect(apaReference(reference('moyer2004'))).toEqual([
      { text: 'Moyer, C. A., Rounds, J., & Hannum, J. W. (2004). A meta-analysis of massage therapy research. ' },
      { text: 'Psych Bull', italic: true },
      { text: ', ' },
      { text: '130', italic: true },
      { text: '(1), 3–18.' },
    ]);
  });

  it('formats an article without an issue number', () => {
    expect(apa('klein1946')).toBe('Klein, M. (1946). Notes on some schizoid mechanisms. Int J Psychoanal, 27, 99–110.');
  });

  it('formats a book with an edition, without the place of publication (APA 7)', () => {
    expect(apa('mcwilliams2011')).toBe('McWilliams, N. (2011). Psychoanalytic Diagnosis: Understanding Personality Structure in the Clinical Process (2nd ed.). The Guilford Press.');
    expect(apaReference(reference('wampold2001'))).toEqual([
      { text: 'Wampold, B. E. (2001). ' },
      { text: 'The Great Psychotherapy Debate: Model, Methods, and Findings', italic: true },
      { text: '. Lawrence Erlbaum Associates.' },
    ]);
  });

  it('formats a chapter in an edited book with its editors, italic book title and pages', () => {
    expect(apa('moyer2012')).toBe('Moyer, C. A. (2012). Anxiety and depression. In T. Dryden & C. A. Moyer (Eds.), Massage Therapy: Integrating Research and Practice (pp. 168–180). Human Kinetics.');
    expect(apa('smith2008')).toBe(
      'Smith, J. A., & Osborn, M. (2008). Interpretative phenomenological analysis. In J. Smith (Ed.), Qualitative Psychology: A Practical Guide to Research Methods (2nd ed., pp. 53–80). Sage.',
    );
    expect(apaReference(reference('moyer2012'))[1]).toEqual({ text: 'Massage Therapy: Integrating Research and Practice', italic: true });
  });

  it('formats an edited book under its editors with (Eds.)', () => {
    expect(apa('duncan2010')).toBe(
      'Duncan, B. L., Miller, S. D., Wampold, B. E., & Hubble, M. A. (Eds.). (2010). The Heart and Soul of Change: Delivering What Works in Therapy (2nd ed.). American Psychological Association.',
    );
  });

  it('formats a doctoral thesis with its bracketed description and university', () => {
    expect(apa('moyer2007')).toBe('Moyer, C. (2007). Massage Therapy: an Examination of the Contextual Model [Doctoral dissertation, University of Illinois at Urbana-Champaign].');
  });

  it('puts the title first and "n.d." for a web page with no author or date', () => {
    expect(apa('better-together')).toBe('Psychotherapy & Massage Therapy: Better Together. (n.d.).');
  });

  it('ends with a DOI as an https://doi.org/ link when the record has one', () => {
    const withDoi: Reference = { ...reference('moyer2004'), doi: '10.1037/0033-2909.130.1.3' };
    expect(apaReference(withDoi).at(-1)).toEqual({ text: 'https://doi.org/10.1037/0033-2909.130.1.3', href: 'https://doi.org/10.1037/0033-2909.130.1.3' });
    expect(plainText(apaReference(withDoi))).toBe(`${apa('moyer2004')} https://doi.org/10.1037/0033-2909.130.1.3`);
  });

  it('writes page ranges with an en dash whatever hyphen the record used', () => {
    expect(pageRange('25-34')).toBe('25–34');
    expect(pageRange('25 — 34')).toBe('25–34');
    expect(pageRange('95')).toBe('95');
  });

  it('sorts the list by author, a single author before longer lists with the same name', () => {
    const order = [...study.references].sort(compareApa).map((entry) => entry.id);
    expect(order.slice(0, 3)).toEqual(['barnett2012', 'braun2006', 'campbell2013']);
    expect(order.indexOf('moyer2007')).toBeLessThan(order.indexOf('moyer2012'));
    expect(order.indexOf('moyer2012')).toBeLessThan(order.indexOf('moyer2004'));
    // Moyer & Rounds (2009) before Moyer, Rounds & Hannum (2004): nothing precedes something.
    expect(order.indexOf('moyer2009')).toBeLessThan(order.indexOf('moyer2004'));
    expect(order.indexOf('wampold2001')).toBeLessThan(order.indexOf('wampold2015'));
  });

  it('adds a/b to the year of works by the same authors in the same year', () => {
    const twin: Reference = { ...reference('rogers1957'), id: 'rogers1957b', title: 'A second paper' };
    const labels = yearLabels([reference('rogers1957'), twin, reference('rogers1986')]);
    expect(labels.get('rogers1957b')).toBe('1957a');
    expect(labels.get('rogers1957')).toBe('1957b');
    expect(labels.get('rogers1986')).toBe('1986');
  });
});

describe('APA 7 in-text citations', () => {
  it('names one, two, or the first of three or more authors', () => {
    expect(plainText(inTextEntry(reference('rogers1957')))).toBe('Rogers, 1957');
    expect(plainText(inTextEntry(reference('fortune2015')))).toBe('Fortune & Hymel, 2015');
    expect(plainText(inTextEntry(reference('moyer2004')))).toBe('Moyer et al., 2004');
    expect(plainText(inTextEntry(reference('duncan2010')))).toBe('Duncan et al., 2010');
  });

  it('cites a work without author by its italic title and "n.d."', () => {
    expect(inTextEntry(reference('better-together'))).toEqual([{ text: 'Psychotherapy & Massage Therapy: Better Together', italic: true }, { text: ', n.d.' }]);
  });
});

describe('citing the article and this edition', () => {
  it('formats the article in APA 7', () => {
    expect(plainText(apaWork(study.meta))).toBe('Clark, T. (2019). The Psychotherapeutic Relationship in Massage Therapy. International Journal of Therapeutic Massage and Bodywork, 12(3).');
  });

  it('formats a page of the edition as an undated web page', () => {
    const page = { title: 'Puppy preschool', medium: 'Transcript excerpt', siteName: 'The Edition', url: 'https://example.org/excerpts/puppy-preschool/' };
    expect(plainText(apaPage(page))).toBe('Puppy preschool [Transcript excerpt]. (n.d.). The Edition. https://example.org/excerpts/puppy-preschool/');
    expect(bibtexPage(page, 'puppy-preschool')).toBe(
      [
        '@misc{puppy-preschool,',
        '  title        = {Puppy preschool},',
        '  howpublished = {The Edition},',
        '  note         = {Transcript excerpt},',
        '  url          = {https://example.org/excerpts/puppy-preschool/}',
        '}',
      ].join('\n'),
    );
    expect(risPage(page)).toBe(['TY  - ELEC', 'TI  - Puppy preschool', 'T2  - The Edition', 'M3  - Transcript excerpt', 'UR  - https://example.org/excerpts/puppy-preschool/', 'ER  - '].join('\n'));
  });

  it('cites lines of a transcript with the unit and the line locator, and reads line ranges as readers write them', () => {
    const page = {
      title: 'Puppy preschool',
      medium: 'Transcript excerpt',
      siteName: 'The Edition',
      url: 'https://example.org/excerpts/puppy-preschool/?lines=3-5#transcript-puppy-preschool-line-3',
      lines: { first: 3, last: 5, unit: 'Session 3' },
    };
    expect(plainText(apaPage(page))).toBe(
      'Puppy preschool [Transcript excerpt, Session 3, lines 3–5]. (n.d.). The Edition. https://example.org/excerpts/puppy-preschool/?lines=3-5#transcript-puppy-preschool-line-3',
    );
    expect(bibtexPage(page, 'puppy-preschool')).toContain('  note         = {Transcript excerpt, Session 3, lines 3--5},');
    expect(risPage(page).split('\n')).toEqual(
      expect.arrayContaining([
        'SE  - Session 3',
        'SP  - 3',
        'EP  - 5',
        'N1  - Session 3, lines 3–5',
        'UR  - https://example.org/excerpts/puppy-preschool/?lines=3-5#transcript-puppy-preschool-line-3',
      ]),
    );
    expect(plainText(apaPage({ ...page, lines: { first: 4, last: 4 } }))).toContain('[Transcript excerpt, line 4]');
    expect([parseLineRange('3-5'), parseLineRange(' 5–3 '), parseLineRange('12'), parseLineRange('3-'), parseLineRange('x'), parseLineRange(null)]).toEqual([
      { first: 3, last: 5 },
      { first: 3, last: 5 },
      { first: 12, last: 12 },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('writes the article as BibTeX', () => {
    expect(bibtexWork(study.meta)).toBe(
      [
        '@article{clark2019,',
        '  author  = {Clark, Timothy},',
        '  title   = {The Psychotherapeutic Relationship in Massage Therapy},',
        '  journal = {International Journal of Therapeutic Massage and Bodywork},',
        '  year    = {2019},',
        '  month   = {sep},',
        '  volume  = {12},',
        '  number  = {3}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes the characters BibTeX treats specially', () => {
    expect(bibtexEscape('Routledge/Taylor & Francis 100% {x} $5 #1 a_b')).toBe('Routledge/Taylor \\& Francis 100\\% \\{x\\} \\$5 \\#1 a\\_b');
  });

  it('writes the article as RIS', () => {
    expect(risWork(study.meta)).toBe(
      [
        'TY  - JOUR',
        'AU  - Clark, Timothy',
        'TI  - The Psychotherapeutic Relationship in Massage Therapy',
        'T2  - International Journal of Therapeutic Massage and Bodywork',
        'PY  - 2019',
        'DA  - 2019/09',
        'VL  - 12',
        'IS  - 3',
        ...study.meta.keywords.map((keyword) => `KW  - ${keyword}`),
        'ER  - ',
      ].join('\n'),
    );
  });
});

describe('Highwire Press tags', () => {
  it('gives the article date as YYYY/MM and one citation_reference per work in the article', () => {
    const tags = highwireWork(study.meta, study.references);
    expect(tags).toContainEqual(['citation_publication_date', '2019/09']);
    expect(tags).toContainEqual(['citation_volume', '12']);
    expect(tags.filter(([name]) => name === 'citation_reference')).toHaveLength(24);
    expect(tags.some(([name]) => name === 'citation_firstpage')).toBe(false);
  });

  it('writes a reference as key=value pairs', () => {
    expect(highwireReference(reference('moyer2004'))).toBe(
      'citation_title=A meta-analysis of massage therapy research; citation_author=Moyer, C. A.; citation_author=Rounds, J.; citation_author=Hannum, J. W.; citation_journal_title=Psych Bull; citation_volume=130; citation_issue=1; citation_firstpage=3; citation_lastpage=18; citation_publication_date=2004',
    );
    expect(highwireReference(reference('moyer2012'))).toContain('citation_inbook_title=Massage Therapy: Integrating Research and Practice; citation_publisher=Human Kinetics');
  });
});

describe('the work in each form of publication', () => {
  const as = (publication: StudyMeta['publication']): StudyMeta => {
    const { doi: _doi, url: _url, published: _published, ...rest } = study.meta;
    return { ...rest, keywords: [], publication };
  };

  it('cites a thesis as a thesis, with its institution and no journal', () => {
    const thesis = as({ type: 'thesis', degree: 'Doctoral dissertation', institution: 'University of Otago' });
    expect(plainText(apaWork(thesis))).toBe(`Clark, T. (2019). ${study.meta.title} [Doctoral dissertation, University of Otago].`);
    expect(bibtexWork(thesis)).toMatch(/^@phdthesis\{clark2019,/);
    expect(bibtexWork(thesis)).toContain('school');
    expect(bibtexWork(thesis)).not.toContain('journal');
    expect(risWork(thesis).split('\n')[0]).toBe('TY  - THES');
    expect(highwireWork(thesis, [])).toContainEqual(['citation_dissertation_institution', 'University of Otago']);
    expect(highwireWork(thesis, []).some(([name]) => name === 'citation_journal_title')).toBe(false);
  });

  it('cites a report with its number and an unpublished study as a manuscript', () => {
    const report = as({ type: 'report', institution: 'Health Research Council', number: 'HRC-12' });
    expect(plainText(apaWork(report))).toBe(`Clark, T. (2019). ${study.meta.title} (Report No. HRC-12). Health Research Council.`);
    expect(bibtexWork(report)).toMatch(/^@techreport\{/);
    expect(risWork(report).split('\n')[0]).toBe('TY  - RPRT');
    const unpublished = as({ type: 'unpublished' });
    expect(plainText(apaWork(unpublished))).toBe(`Clark, T. (2019). ${study.meta.title} [Unpublished manuscript].`);
    expect(bibtexWork(unpublished)).toMatch(/^@unpublished\{/);
  });

  it('cites a chapter in its book, with editors and pages', () => {
    const chapter = as({ type: 'chapter', book: 'Talk at Work', editors: [{ family: 'Drew', given: 'P' }], publisher: 'Cambridge University Press', pages: '101-120' });
    expect(plainText(apaWork(chapter))).toBe(`Clark, T. (2019). ${study.meta.title}. In P. Drew (Ed.), Talk at Work (pp. 101–120). Cambridge University Press.`);
    expect(bibtexWork(chapter)).toMatch(/^@incollection\{/);
    expect(risWork(chapter)).toContain('T2  - Talk at Work');
  });

  it('prints an article whose volume and issue are unknown without empty brackets', () => {
    const article = as({ type: 'article', journal: { name: 'Qualitative Health Research' } });
    expect(plainText(apaWork(article))).toBe(`Clark, T. (2019). ${study.meta.title}. Qualitative Health Research.`);
    expect(risWork(article)).not.toMatch(/^(VL|IS) {2}-/m);
  });
});

describe('the study’s own reference list', () => {
  it('is the numbered works where the list is numbered, and every work in an author–date list', () => {
    const numbered = [{ number: 1 }, { number: undefined }, { number: 2 }];
    expect(ownReferences(numbered)).toEqual([{ number: 1 }, { number: 2 }]);
    const authorDate = [{ number: undefined }, { number: undefined }];
    expect(ownReferences(authorDate)).toEqual(authorDate);
  });
});
