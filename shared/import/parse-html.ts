/**
 * The small HTML that mammoth makes of a Word document → SourceParagraphs:
 * `<h1>`–`<h6>` are headings, `<p>` and `<li>` paragraphs (`<p class="caption">`
 * a photo caption), `<strong>`/`<b>` bold, `<em>`/`<i>` italic, `<br>` a line
 * break inside a paragraph; images and tables' structure are dropped, their
 * text kept. Pure string work, so it runs in any process.
 */
import type { StoryText } from '../model/types';
import type { SourceDocument, SourceParagraph } from './types';
import { compactRuns, tidySpaces } from './runs';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'td',
  'th',
  'blockquote',
  'caption',
]);

export function parseHtml(html: string, format: SourceDocument['format'] = 'docx'): SourceDocument {
  const paragraphs: SourceParagraph[] = [];
  let runs: StoryText[] = [];
  let headingLevel = 0;
  let caption = false;
  let bold = 0;
  let italic = 0;
  let inBlock = false;

  const finish = () => {
    const tidy = tidySpaces(compactRuns(runs));
    if (tidy.length > 0) {
      paragraphs.push({
        headingLevel,
        runs: tidy,
        line: paragraphs.length + 1,
        ...(caption ? { role: 'caption' } : {}),
      });
    }
    runs = [];
    headingLevel = 0;
    caption = false;
    inBlock = false;
  };
  const addText = (text: string) => {
    if (!text) return;
    runs.push({ text, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}) });
  };

  const tokens = html.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token.startsWith('<')) {
      addText(decodeEntities(token.replace(/\s+/g, ' ')));
      continue;
    }
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!tag) continue;
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (BLOCK_TAGS.has(name)) {
      if (inBlock || runs.length > 0) finish();
      if (!closing) {
        inBlock = true;
        headingLevel = /^h[1-6]$/.test(name) ? Number(name[1]) : 0;
        // read-docx maps Word's Caption style to <p class="caption">.
        caption = /\bclass\s*=\s*["'][^"']*\bcaption\b/i.test(token);
      }
    } else if (name === 'strong' || name === 'b') bold += closing ? -1 : 1;
    else if (name === 'em' || name === 'i') italic += closing ? -1 : 1;
    else if (name === 'br') addText(' ');
    bold = Math.max(0, bold);
    italic = Math.max(0, italic);
  }
  finish();
  return { format, paragraphs };
}
