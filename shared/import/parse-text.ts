/**
 * Plain text → SourceParagraphs. Desk copy comes one paragraph per line,
 * with blank lines between paragraphs (and, where a page was OCR'd, wherever
 * a column broke). Lines that start with `#` … `######` are headings: copy
 * exported from web CMSs and the sample page mark headlines that way, so
 * plain text keeps that one piece of Markdown and nothing else (asterisks
 * and underscores stay as typed).
 */
import type { SourceDocument, SourceParagraph } from './types';
import { tidySpaces } from './runs';

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Strips a UTF-8 byte order mark and unifies line ends. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseText(source: string): SourceDocument {
  const paragraphs: SourceParagraph[] = [];
  normaliseNewlines(source)
    .split('\n')
    .forEach((line, index) => {
      const heading = ATX_HEADING.exec(line);
      const text = heading ? heading[2] : line;
      const runs = tidySpaces([{ text }]);
      if (runs.length === 0) return;
      paragraphs.push({ headingLevel: heading ? heading[1].length : 0, runs, line: index + 1 });
    });
  return { format: 'text', paragraphs };
}
