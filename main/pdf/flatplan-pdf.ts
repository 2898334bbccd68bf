/**
 * The printed flatplan (版面计划): the whole edition on one landscape A3
 * sheet the night desk pins up — every page in spreads with its number,
 * section, colour and status, the frames of its layout as grey boxes, its
 * ads (hatched while booked, solid once placed) and the stories planned for
 * it with budget against length. Drawn from the same facts as the app's
 * flatplan view (shared/planning/flatplan.ts); text is real text in Noto
 * Sans SC (subset), so pdftotext and a search find page numbers and names.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DisplayList } from '../../shared/layout/display-list';
import type { Edition } from '../../shared/model/types';
import { planOf } from '../../shared/model/plan';
import {
  flatplanPages,
  spreadsOf,
  type FlatplanPage,
  type FlatplanStory,
} from '../../shared/planning/flatplan';
import { translate, type MessageKey } from '../../shared/services/locales';
import { readBundledFont } from '../fonts';
import { composeForExport } from './pipeline';

type Language = 'zh-Hans' | 'en';

/** A3 landscape, in points. */
const SHEET = { width: 1190.55, height: 841.89 };
const MARGIN = 28;
const HEADER = 42;
const FOOTER = 16;
const SPREAD_GAP = 10;
const CELL_GAP = 6;
const ROW_GAP = 8;
const LABEL_HEIGHT = 11;
const STORY_LINE = 7;

export interface FlatplanPdfOptions {
  language: Language;
  /** Written into the PDF's dates (tests pass a fixed one). */
  createdAt?: Date;
}

interface Grid {
  /** Page slots per row (even: a spread never breaks across rows). */
  columns: number;
  rows: number;
  cellWidth: number;
  pageWidth: number;
  pageHeight: number;
  storyLines: number;
}

/** The largest page thumbnails that fit the sheet with every page, its label and its story lines. */
function chooseGrid(pages: readonly FlatplanPage[]): Grid {
  const slots = pages.length + 1; // slot 0 stays empty: page 1 is a right-hand page
  const aspect = Math.max(...pages.map((p) => p.height / p.width), 0.5);
  const storyLines = Math.min(6, Math.max(2, ...pages.map((p) => p.stories.length + p.ads.length)));
  const width = SHEET.width - 2 * MARGIN;
  const height = SHEET.height - 2 * MARGIN - HEADER - FOOTER;
  let best: Grid | null = null;
  for (let columns = 2; columns <= Math.max(2, slots + (slots % 2)); columns += 2) {
    const rows = Math.ceil(slots / columns);
    const cellWidth = (width - (columns / 2 - 1) * SPREAD_GAP - (columns / 2) * CELL_GAP) / columns;
    const rowHeight = (height - (rows - 1) * ROW_GAP) / rows;
    const byHeight = (rowHeight - LABEL_HEIGHT - storyLines * STORY_LINE - 3) / aspect;
    const pageWidth = Math.min(cellWidth - 2, byHeight);
    if (pageWidth <= 0) continue;
    if (!best || pageWidth > best.pageWidth)
      best = { columns, rows, cellWidth, pageWidth, pageHeight: pageWidth * aspect, storyLines };
  }
  if (!best) throw new Error('the flatplan does not fit one sheet');
  return best;
}

/** Cuts text to fit a width, with an ellipsis. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(cut + '…') > width) cut = cut.slice(0, -1);
  return cut + '…';
}

function storyLine(language: Language, story: FlatplanStory): string {
  const t = (key: string, values: Record<string, string | number> = {}) =>
    translate(language, key as MessageKey, values);
  let length = '';
  if (story.actual !== null)
    length = story.budget
      ? t(`flatplan.budget.${story.budget.unit}`, { actual: story.actual, budget: story.budget.value })
      : t('flatplan.actual.characters', { actual: story.actual });
  const weight = story.weight ? `${t(`flatplan.weight.${story.weight}`)} ` : '';
  const fitWord = story.fit ? ` ${t(`flatplan.fit.${story.fit}`)}` : '';
  return `${weight}${story.name} ${length}${fitWord}`.trim();
}

/** Renders the flatplan of an edition as a one-page PDF. */
export async function renderFlatplanPdf(
  edition: Edition,
  displayList: DisplayList | null,
  options: FlatplanPdfOptions,
): Promise<Uint8Array> {
  const { language } = options;
  const t = (key: string, values: Record<string, string | number> = {}) =>
    translate(language, key as MessageKey, values);
  const regular = readBundledFont('NotoSansSC_400Regular.ttf');
  const bold = readBundledFont('NotoSansSC_700Bold.ttf') ?? regular;
  if (!regular) throw new Error('the font Noto Sans SC is not installed (NotoSansSC_400Regular.ttf)');
  const pages = flatplanPages(edition, displayList);
  if (pages.length === 0) throw new Error('the edition has no pages');
  const grid = chooseGrid(pages);
  const meta = edition.meta;
  const createdAt = options.createdAt ?? new Date();
  const doc = new PDFDocument({
    size: [SHEET.width, SHEET.height],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    font: null as unknown as string,
    info: {
      Title: t('flatplan.pdf.title', { paper: meta.paperName, date: meta.date }),
      Creator: 'Folio',
      Producer: 'Folio (pdfkit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('regular', Buffer.from(regular));
  doc.registerFont('bold', Buffer.from(bold!));

  // Header: paper, date, edition; the plan in numbers.
  const plan = planOf(edition);
  doc.font('bold').fontSize(15).fillColor('#111111');
  doc.text(t('flatplan.pdf.title', { paper: meta.paperName, date: meta.date }), MARGIN, MARGIN, {
    lineBreak: false,
  });
  doc.font('regular').fontSize(9).fillColor('#333333');
  doc.text(
    t('flatplan.summary', { pages: pages.length, sections: plan.sections.length, ads: plan.ads.length }),
    MARGIN,
    MARGIN + 20,
    { lineBreak: false },
  );
  doc.fontSize(7).fillColor('#555555');
  doc.text(t('flatplan.pdf.legend'), MARGIN, SHEET.height - MARGIN - 8, { lineBreak: false });

  const top = MARGIN + HEADER;
  const rowHeight = (SHEET.height - 2 * MARGIN - HEADER - FOOTER - (grid.rows - 1) * ROW_GAP) / grid.rows;
  const slotX = (slot: number) => {
    const column = slot % grid.columns;
    const spread = Math.floor(column / 2);
    return MARGIN + column * grid.cellWidth + spread * (SPREAD_GAP + CELL_GAP);
  };
  for (const spread of spreadsOf(pages)) {
    for (const page of spread) {
      const slot = page.index + 1;
      const x = slotX(slot);
      const y = top + Math.floor(slot / grid.columns) * (rowHeight + ROW_GAP);
      drawPage(doc, page, displayList, x, y, grid, language, t);
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawPage(
  doc: PDFKit.PDFDocument,
  page: FlatplanPage,
  displayList: DisplayList | null,
  x: number,
  y: number,
  grid: Grid,
  language: Language,
  t: (key: string, values?: Record<string, string | number>) => string,
): void {
  const width = grid.cellWidth - 2;
  // Label row: number, section, colour, state.
  const color = t(page.color === 'color' ? 'flatplan.pdf.colorShort' : 'flatplan.pdf.monoShort');
  doc
    .font('bold')
    .fontSize(8)
    .fillColor(page.color === 'color' ? '#b0134f' : '#111111');
  doc.text(page.label, x, y, { lineBreak: false });
  const labelWidth = doc.widthOfString(page.label) + 3;
  doc.font('regular').fontSize(6).fillColor('#222222');
  const right = `${color} ${t(`flatplan.state.${page.state}`)}`;
  const rightWidth = doc.widthOfString(right);
  doc.text(right, x + width - rightWidth, y + 1.5, { lineBreak: false });
  doc.text(
    fit(doc, page.sectionName || t('flatplan.noSection'), width - labelWidth - rightWidth - 3),
    x + labelWidth,
    y + 1.5,
    {
      lineBreak: false,
    },
  );

  // The page: its outline, its frames as grey boxes, its ads.
  const scale = grid.pageWidth / page.width;
  const px = x + (width - grid.pageWidth) / 2;
  const py = y + LABEL_HEIGHT;
  const ph = page.height * scale;
  doc.save();
  doc.rect(px, py, grid.pageWidth, ph).lineWidth(0.6).fillAndStroke('#ffffff', '#555555');
  const shown = displayList?.pages[page.index];
  if (shown) {
    for (const item of shown.items) {
      const rx = px + item.x * scale;
      const ry = py + item.y * scale;
      if (item.kind === 'rule') {
        doc
          .moveTo(rx, ry)
          .lineTo(rx + item.width * scale, ry + item.height * scale)
          .lineWidth(0.3)
          .stroke('#888888');
        continue;
      }
      if (item.width <= 0 || item.height <= 0) continue;
      const fill =
        item.kind === 'image' ? '#c9ccd1' : item.kind === 'text' && item.lines.length ? '#e6e8eb' : '#f3f4f6';
      doc
        .rect(rx, ry, item.width * scale, item.height * scale)
        .lineWidth(0.2)
        .fillAndStroke(fill, '#b5b9bf');
    }
  }
  for (const { ad, state, rect } of page.ads) {
    const ax = px + rect.x * scale;
    const ay = py + rect.y * scale;
    const aw = rect.width * scale;
    const ah = rect.height * scale;
    if (state === 'placed') doc.rect(ax, ay, aw, ah).fill('#8a6d3b');
    else {
      doc.save();
      doc.rect(ax, ay, aw, ah).clip();
      doc.lineWidth(0.4).strokeColor('#8a6d3b');
      for (let d = -ah; d < aw; d += 3)
        doc
          .moveTo(ax + d, ay + ah)
          .lineTo(ax + d + ah, ay)
          .stroke();
      doc.restore();
      doc.rect(ax, ay, aw, ah).lineWidth(0.6).dash(2, { space: 1 }).stroke('#8a6d3b');
      doc.undash();
    }
    doc
      .font('regular')
      .fontSize(5)
      .fillColor(state === 'placed' ? '#ffffff' : '#3d2a00');
    if (ah > 6) doc.text(fit(doc, ad.advertiser, aw - 2), ax + 1, ay + ah / 2 - 3, { lineBreak: false });
  }
  doc.restore();

  // Stories and ads in words under the page.
  doc.font('regular').fontSize(5.2).fillColor('#111111');
  const lines = [
    ...page.stories.map((story) => storyLine(language, story)),
    ...page.ads.map(
      ({ ad, state }) =>
        `${ad.advertiser} ${t('flatplan.adSize', { columns: ad.columns, height: ad.heightCm })} ${t(`flatplan.adState.${state}`)}`,
    ),
  ];
  const room = grid.storyLines;
  const list = lines.length > room ? [...lines.slice(0, room - 1), `+${lines.length - room + 1}`] : lines;
  list.forEach((line, i) => {
    doc.text(fit(doc, line, width), x, py + ph + 2 + i * STORY_LINE, { lineBreak: false });
  });
}

/**
 * Composes the edition (for the stories' lengths and the pages' frames),
 * renders its flatplan and writes it to `path`: beside it first, then
 * renamed, so a failed write never leaves half a PDF.
 */
export async function exportFlatplanFile(
  edition: Edition,
  path: string,
  language: Language,
): Promise<{ bytes: number }> {
  const displayList = await composeForExport(edition);
  const bytes = await renderFlatplanPdf(edition, displayList, { language });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { bytes: bytes.length };
}
