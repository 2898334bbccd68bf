/**
 * The importer's front door: a SourceDocument (or text / Markdown / the HTML
 * mammoth makes of Word) in, stories with roles and a report out.
 */
import type { ImportOptions, ImportResult, SourceDocument, SourceParagraph } from './types';
import { mapRunChars, runsText } from './runs';
import { punctuationEdits } from './punctuation';
import { recogniseStructure } from './structure';
import { detectLanguage } from './script';
import { parseText } from './parse-text';
import { parseMarkdown } from './parse-markdown';
import { parseHtml } from './parse-html';

/** Recognises stories in a document already read into paragraphs. */
export function importDocument(document: SourceDocument, options: ImportOptions = {}): ImportResult {
  const allText = document.paragraphs.map((p) => runsText(p.runs)).join('\n');
  const language = options.language ?? detectLanguage(allText);
  let punctuationFixed = 0;
  const paragraphs: SourceParagraph[] =
    options.punctuationFix === false
      ? document.paragraphs
      : document.paragraphs.map((p) => {
          const { edits, fixed } = punctuationEdits(runsText(p.runs));
          punctuationFixed += fixed;
          return fixed > 0 ? { ...p, runs: mapRunChars(p.runs, edits) } : p;
        });

  const structure = recogniseStructure(paragraphs);
  return {
    banner: structure.banner.map((item) => ({ type: 'banner', children: item.runs })),
    stories: structure.stories,
    report: {
      format: document.format,
      language,
      paragraphsRead: document.paragraphs.length,
      banner: structure.banner.length ? structure.banner.map((b) => runsText(b.runs)).join(' ') : null,
      stories: structure.stories.map((story) => ({
        name: story.name,
        roles: story.blocks.map((b) => b.type),
        characters: story.blocks.reduce((n, b) => n + [...runsText(b.children)].length, 0),
        captions: story.captions
          .filter((c) => c.blocks.length > 0)
          .map((c) => c.blocks.map((b) => runsText(b.children)).join(' ')),
      })),
      rejoined: structure.rejoined,
      punctuationFixed,
      images: structure.stories.flatMap((story) =>
        story.captions.flatMap((c) =>
          c.image === undefined
            ? []
            : [
                {
                  image: c.image,
                  story: story.name,
                  caption: c.blocks.length > 0 ? c.blocks.map((b) => runsText(b.children)).join(' ') : null,
                },
              ],
        ),
      ),
      tableRows: document.paragraphs.filter((p) => p.role === 'table-row').length,
      notes: structure.notes,
    },
  };
}

/** Imports plain text (one paragraph a line; `#` headings recognised). */
export const importText = (text: string, options?: ImportOptions): ImportResult =>
  importDocument(parseText(text), options);

/** Imports Markdown. */
export const importMarkdown = (text: string, options?: ImportOptions): ImportResult =>
  importDocument(parseMarkdown(text), options);

/** Imports the HTML mammoth makes of a Word document. */
export const importWordHtml = (html: string, options?: ImportOptions): ImportResult =>
  importDocument(parseHtml(html, 'docx'), options);
