/**
 * The small HTML that mammoth makes of a Word document → SourceParagraphs:
 * `<h1>`–`<h6>` are headings, `<p>` and `<li>` paragraphs (`<p class="caption">`
 * a photo caption), `<strong>`/`<b>` bold, `<em>`/`<i>` italic, `<br>` a line
 * break inside a paragraph. A picture (`<img src="folio-image:N">`, as
 * main/import/read-docx writes them) becomes a paragraph of its own that
 * names image N. A table becomes one paragraph per row, its cells in reading
 * order separated by an ideographic space (U+3000) in a Chinese table and ` | `
 * otherwise, until Folio has table frames. Pure string work, so it runs in
 * any process.
 */
import type { StoryText } from '../model/types';
import type { SourceDocument, SourceParagraph } from './types';
import { compactRuns, runsText, tidySpaces } from './runs';
import { isHan } from './script';

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

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'caption']);

/** The `src` read-docx gives a picture: `folio-image:<index>`. */
export const IMAGE_SRC_PREFIX = 'folio-image:';

/** Cells between two table cells: a Chinese table is spaced like Chinese text, any other with a bar. */
const CHINESE_CELL_GAP = '\u3000';
const LATIN_CELL_GAP = ' | ';

interface Table {
  rows: StoryText[][][];
  row: StoryText[][] | null;
  cell: StoryText[] | null;
  /** Pictures met inside the table, placed after it. */
  images: number[];
}

function imageIndex(token: string): number | null {
  const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(token)?.[1];
  if (!src?.startsWith(IMAGE_SRC_PREFIX)) return null;
  const n = Number(src.slice(IMAGE_SRC_PREFIX.length));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** A table's rows as paragraph runs: cells tidied, joined by the gap that suits the table's language. */
function tableRows(table: Table): StoryText[][] {
  const rows = table.rows
    .map((row) => row.map((cell) => tidySpaces(compactRuns(cell))))
    .filter((row) => row.some((cell) => cell.length > 0));
  const chinese = rows.some((row) => row.some((cell) => [...runsText(cell)].some(isHan)));
  const gap = chinese ? CHINESE_CELL_GAP : LATIN_CELL_GAP;
  return rows.map((row) =>
    compactRuns(row.flatMap((cell, i) => (i === 0 ? cell : [{ text: gap }, ...cell]))),
  );
}

export function parseHtml(html: string, format: SourceDocument['format'] = 'docx'): SourceDocument {
  const paragraphs: SourceParagraph[] = [];
  let runs: StoryText[] = [];
  let headingLevel = 0;
  let caption = false;
  let bold = 0;
  let italic = 0;
  let inBlock = false;
  /** Open tables, innermost last; a nested table's rows become text in the outer cell. */
  const tables: Table[] = [];
  const table = (): Table | undefined => tables[tables.length - 1];

  const push = (paragraph: Omit<SourceParagraph, 'line'>) =>
    paragraphs.push({ ...paragraph, line: paragraphs.length + 1 });
  const finish = () => {
    const tidy = tidySpaces(compactRuns(runs));
    if (tidy.length > 0) push({ headingLevel, runs: tidy, ...(caption ? { role: 'caption' } : {}) });
    runs = [];
    headingLevel = 0;
    caption = false;
    inBlock = false;
  };
  const addText = (text: string) => {
    if (!text) return;
    const run = {
      text,
      ...(bold > 0 ? { bold: true as const } : {}),
      ...(italic > 0 ? { italic: true as const } : {}),
    };
    const open = table();
    if (open) {
      // Text outside any cell (stray white space between tags) is not content.
      if (open.cell) open.cell.push(run);
    } else runs.push(run);
  };
  const closeTable = () => {
    const done = tables.pop()!;
    if (done.row) done.rows.push(done.row);
    const rows = tableRows(done);
    const outer = table();
    if (outer) {
      // Nested: its rows read on inside the outer cell.
      for (const row of rows) outer.cell?.push({ text: ' ' }, ...row);
      outer.images.push(...done.images);
      return;
    }
    for (const row of rows) push({ headingLevel: 0, runs: row, role: 'table-row' });
    for (const image of done.images) push({ headingLevel: 0, runs: [], image });
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
    const open = table();
    if (name === 'table') {
      if (!closing) {
        if (!open && (inBlock || runs.length > 0)) finish();
        tables.push({ rows: [], row: null, cell: null, images: [] });
      } else if (open) closeTable();
    } else if (open && name === 'tr') {
      if (open.row) open.rows.push(open.row);
      open.row = closing ? null : [];
      open.cell = null;
    } else if (open && (name === 'td' || name === 'th')) {
      if (closing) open.cell = null;
      else {
        open.row ??= [];
        open.cell = [];
        open.row.push(open.cell);
      }
    } else if (open && BLOCK_TAGS.has(name)) {
      // Paragraphs inside a cell read on with a space between them.
      if (!closing && open.cell && open.cell.length > 0) open.cell.push({ text: ' ' });
    } else if (name === 'img') {
      const image = imageIndex(token);
      if (image === null) continue;
      if (open) open.images.push(image);
      else {
        // A picture stands on its own between the text before and after it.
        const wasInBlock: boolean = inBlock;
        const level: number = headingLevel;
        const wasCaption: boolean = caption;
        finish();
        push({ headingLevel: 0, runs: [], image });
        inBlock = wasInBlock;
        headingLevel = level;
        caption = wasCaption;
      }
    } else if (BLOCK_TAGS.has(name)) {
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
  while (tables.length > 0) closeTable();
  finish();
  return { format, paragraphs };
}
