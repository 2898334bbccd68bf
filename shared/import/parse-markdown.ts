/**
 * Markdown → SourceParagraphs: ATX (`#`) and Setext (`===`, `---`) headings,
 * paragraphs (soft-wrapped lines joined; without a space between Chinese
 * characters), list items and block quotes as paragraphs, and inline
 * `**bold**`, `__bold__`, `*italic*`, `_italic_`, links (their text),
 * images (dropped), code spans (as text) and backslash escapes. That is the
 * Markdown reporters write; tables and HTML are read as plain text.
 */
import type { StoryText } from '../model/types';
import type { SourceDocument, SourceParagraph } from './types';
import { compactRuns, tidySpaces } from './runs';
import { normaliseNewlines } from './parse-text';
import { isChineseContext } from './script';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Joins two soft-wrapped lines: Chinese text runs on, Latin words get a space. */
function joinLines(a: string, b: string): string {
  if (a === '') return b;
  const last = a[a.length - 1];
  const first = b[0];
  return isChineseContext(last) || isChineseContext(first) ? a + b : `${a} ${b}`;
}

/** Inline Markdown → runs with bold and italic marks. */
export function parseInline(text: string): StoryText[] {
  const runs: StoryText[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = () => {
    if (buffer)
      runs.push({ text: buffer, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const rest = text.slice(i);
    if (ch === '\\' && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!>~|]/.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      if (close > i) {
        buffer += text.slice(i + 1, close);
        i = close + 1;
        continue;
      }
    }
    const image = /^!\[[^\]]*\]\([^)]*\)/.exec(rest);
    if (image) {
      i += image[0].length;
      continue;
    }
    const link = /^\[([^\]]*)\]\([^)]*\)/.exec(rest);
    if (link) {
      buffer += link[1];
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('**') || rest.startsWith('__')) {
      const marker = rest.slice(0, 2);
      // An opening marker needs a closing one later, or it is literal text.
      if (bold || text.indexOf(marker, i + 2) > 0) {
        flush();
        bold = !bold;
        i += 2;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const prev = text[i - 1];
      const next = text[i + 1];
      // snake_case and 2*3 keep their characters; `_` only marks at word edges.
      const intraword = ch === '_' && /[A-Za-z0-9]/.test(prev ?? '') && /[A-Za-z0-9]/.test(next ?? '');
      if (!intraword && (italic || (next !== undefined && next !== ' ' && text.indexOf(ch, i + 1) > 0))) {
        flush();
        italic = !italic;
        i += 1;
        continue;
      }
    }
    buffer += ch;
    i++;
  }
  flush();
  return compactRuns(runs);
}

export function parseMarkdown(source: string): SourceDocument {
  const lines = normaliseNewlines(source).split('\n');
  const paragraphs: SourceParagraph[] = [];
  let pending = '';
  let pendingLine = 0;
  let inFence = false;

  const push = (text: string, headingLevel: number, line: number) => {
    const runs = tidySpaces(parseInline(text));
    if (runs.length > 0) paragraphs.push({ headingLevel, runs, line });
  };
  const flush = () => {
    if (pending) push(pending, 0, pendingLine);
    pending = '';
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      return;
    }
    if (inFence) {
      push(raw, 0, lineNo);
      return;
    }
    const line = raw.replace(QUOTE, '');
    if (line.trim() === '') {
      flush();
      return;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext && pending) {
      push(pending, setext[1][0] === '=' ? 1 : 2, pendingLine);
      pending = '';
      return;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      return;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      push(heading[2] ?? '', heading[1].length, lineNo);
      return;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      pending = line.replace(LIST_ITEM, '').trim();
      pendingLine = lineNo;
      return;
    }
    if (!pending) pendingLine = lineNo;
    // A hard break (two trailing spaces or a backslash) ends the paragraph here.
    const hardBreak = / {2,}$|\\$/.test(line);
    pending = joinLines(pending, line.trim().replace(/\\$/, ''));
    if (hardBreak) flush();
  });
  flush();
  return { format: 'markdown', paragraphs };
}
