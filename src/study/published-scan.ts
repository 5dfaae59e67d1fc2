/**
 * The last check before anything leaves the machine: the built site (every page with its
 * attributes, URLs and JSON-LD, the /data/ downloads, the search index, the handouts) and
 * the exported files are searched for the private names, however they are written there
 * (identifier-match.ts). The check of the study folder (deidentify.ts) finds a name where
 * it is written; this one finds what reaches readers by any other way (a name built from
 * parts, a file name turned into an address, a string some component prints).
 *
 * A hit is an `identifier-published` error at the file that would be published, with its
 * line and column there; the build stops before the new site is swapped in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { VFile } from 'vfile';
import { formatReport, report } from './diagnostics.ts';
import { ALLOWED_FILE, IDENTIFIERS_FILE, PRIVATE_FOLDER, findIdentifiers, isAllowed, matcherFor, readIdentifierLists, type IdentifierLists } from './deidentify.ts';

/** A text that would be published: a file, or an entry of an archive (a .docx, a .qdpx). */
export interface PublishedText {
  /** The path it would be published at. */
  path: string;
  /** The entry inside the archive at `path`. */
  entry?: string | undefined;
  text: string;
  /** A page (HTML, SVG, XML), whose generator markup is not searched (see generatorMarkupBlanked). */
  markup?: boolean | undefined;
}

/**
 * Files read as text. Scripts and style sheets are the generator's code, not the study's
 * words (a study string reaches a page as HTML text or an attribute): read, they made a
 * listed `Max` or `Ana` a hit in `max-width` or a minified variable.
 */
const textFile = /\.(?:html?|xml|json|jsonld|csv|tsv|txt|md|svg|webmanifest|qde|qdc)$/i;
const markupFile = /\.(?:html?|xml|svg)$/i;

const blank = (text: string) => ' '.repeat(text.length);
/**
 * In a page, what the generator writes rather than the study: inline scripts (but not
 * JSON-LD, which holds the study's words) and style sheets, element and attribute names,
 * and the values of `class` and `style`. They are replaced by as many spaces, so every
 * place in the page keeps its line and column; `<` and `>` stay, so a name split by
 * markup is still found.
 */
export function generatorMarkupBlanked(html: string): string {
  return html
    .replace(/(<script\b(?![^>]*application\/ld\+json)[^>]*>)([\s\S]*?)(?=<\/script\s*>)/gi, (_, open: string, body: string) => open + blank(body))
    .replace(/(<style\b[^>]*>)([\s\S]*?)(?=<\/style\s*>)/gi, (_, open: string, body: string) => open + blank(body))
    .replace(
      /<(\/?)([a-z][\w:-]*)([^<>]*)>/gi,
      (_, slash: string, name: string, attributes: string) =>
        `<${slash}${blank(name)}${attributes.replace(/([\w:-]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g, (attribute: string, attributeName: string, value: string | undefined) =>
          value === undefined ? blank(attribute) : /^(?:class|style)$/i.test(attributeName) ? blank(attribute) : blank(attributeName) + value,
        )}>`,
    );
}
/**
 * Pagefind's index, gzip-compressed: its fragments (each page's text, title and filters, as
 * JSON) and its metadata and filter files (CBOR, whose strings are UTF-8). Its word index
 * (`.pf_index`) is left out: it holds the words of the pages, which are read, as a binary
 * list in which a word's start may stand alone (`ben` of a longer word was a hit).
 */
const gzipFile = /\.pf_(?:fragment|meta|filter)$/i;
/** Office documents and REFI-QDA projects: zip archives of XML. */
const zipFile = /\.(?:docx|xlsx|pptx|odt|qdpx)$/i;
// Not read: images, fonts, WebAssembly and PDF. The course pack PDF is printed from the site's
// own pages, which are read; its text is compressed and font-encoded, so reading it whole
// would cost more than the rest of the site together.

const utf8 = new TextDecoder();

/** The archive's entries that are text (XML, plain text), decoded. */
export function archiveTexts(path: string, bytes: Uint8Array): PublishedText[] {
  const entries = unzipSync(bytes, { filter: (entry) => textFile.test(entry.name) || /\.(?:rels|qde)$/i.test(entry.name) || !entry.name.includes('.') });
  return Object.entries(entries).map(([entry, data]) => ({ path, entry, text: utf8.decode(data) }));
}

/**
 * Every text a built site would publish, with the path under `publishAt` it would have
 * there.
 * Read synchronously: the build waits for it anyway, and 800 small awaited reads
 * cost more than the reading.
 */
export function siteTexts(siteDir: string, publishAt: string): PublishedText[] {
  const texts: PublishedText[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const published = join(publishAt, relative(siteDir, path));
      // Its address: a name in a file or folder name is published in the URL.
      texts.push({ path: published, entry: '(its address)', text: entry.name });
      if (entry.isDirectory()) walk(path);
      else if (textFile.test(entry.name)) texts.push({ path: published, text: readFileSync(path, 'utf8'), markup: markupFile.test(entry.name) });
      else if (gzipFile.test(entry.name)) texts.push({ path: published, text: utf8.decode(gunzipSync(readFileSync(path))) });
      else if (zipFile.test(entry.name)) texts.push(...archiveTexts(published, readFileSync(path)));
    }
  };
  walk(siteDir);
  return texts;
}

/**
 * Searches the texts; returns one file per published path with a hit (none when all are
 * clean). Each listed term is reported once per file, at its first place there, with how
 * often the file holds it: a name in the site's address is on every page.
 */
export function scanPublished(texts: readonly PublishedText[], lists: IdentifierLists): VFile[] {
  const matcher = matcherFor(lists.identifiers);
  const files = new Map<string, VFile>();
  for (const published of texts) {
    // Blanking a page's generator markup only ever removes hits, and costs more than the
    // search itself: it is done only for a page the search found something in.
    if (!matcher.test(published.text)) continue;
    const text = published.markup ? generatorMarkupBlanked(published.text) : published.text;
    if (published.markup && !matcher.test(text)) continue;
    // Allowances are by term here: a published file is made from many study files.
    const hits = findIdentifiers(text, lists.identifiers).filter((hit) => !isAllowed(hit, undefined, lists.allowances));
    for (const identifier of new Set(hits.map((hit) => hit.identifier))) {
      const same = hits.filter((hit) => hit.identifier === identifier);
      const hit = same[0]!;
      let file = files.get(published.path);
      if (!file) files.set(published.path, (file = new VFile({ path: published.path })));
      const where = published.entry === undefined ? '' : published.entry === '(its address)' ? ' in its address' : ` in ${published.entry} at line ${hit.line}, column ${hit.column}`;
      const more = same.length > 1 ? ` (${same.length} times in this ${published.entry === undefined ? 'file' : 'entry'})` : '';
      report(file, {
        reason: `Identifying term "${identifier.term}" (listed in ${PRIVATE_FOLDER}/${IDENTIFIERS_FILE} line ${identifier.line}) would be published here${where}, written ${JSON.stringify(hit.found)}${more}`,
        rule: 'identifier-published',
        severity: 'error',
        place: published.entry === undefined ? { line: hit.line, column: hit.column } : undefined,
        fix: `Replace it in the study folder with a pseudonym or a role: npm run check shows where it is written when it is written as it is listed; otherwise look for it split by markup or notation, as a character reference, made by an MDX expression, or in a file name, or in the site's address (CASEBOOK_SITE, CASEBOOK_BASE). If it may be published, allow it in ${PRIVATE_FOLDER}/${ALLOWED_FILE}.`,
      });
    }
  }
  // Downloads first (whole copies of the data), then pages, the search index (made from the pages) last.
  const rank = (file: VFile) => (file.path.includes(`${sep}data${sep}`) ? 0 : file.path.includes(`${sep}pagefind${sep}`) ? 2 : 1);
  return [...files.values()].sort((a, b) => rank(a) - rank(b));
}

/**
 * For the export commands: searches what they are about to write and prints each hit;
 * true when the file must not be written. A study without an identifiers list passes.
 */
export async function refusePublishing(texts: readonly PublishedText[], studyDir: string): Promise<boolean> {
  const lists = await readIdentifierLists(studyDir);
  const published = lists ? scanPublished(texts, lists) : [];
  if (published.length === 0) return false;
  console.error(formatReport(published));
  return true;
}
