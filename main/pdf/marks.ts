/**
 * Printer's marks in the margin around the bleed: crop marks at the trim
 * corners, registration targets at the middle of each side, and the slug
 * line (paper, edition, page, export date and time). Marks are painted in
 * the registration colour (Separation /All) so they print on every plate.
 */
import type { DisplayLine, GlyphRun } from '../../shared/layout/display-list';
import { REGISTRATION, type PdfColors } from './colors';
import { MARK_GAP, MARK_LENGTH, type SheetLayout } from './sheet-layout';
import { num } from './pdf-syntax';

const MARK_WIDTH = 0.25;
const TARGET_RADIUS = 5;
export const SLUG_SIZE = 6;

/** Crop and registration marks for a sheet. */
export function cropAndRegistrationMarks(sheet: SheetLayout, colors: PdfColors): string {
  const { trim, bleed } = sheet;
  const out: string[] = [`q ${colors.set(REGISTRATION, true)} ${num(MARK_WIDTH)} w 0 J [] 0 d`];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    out.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  const left = trim.x;
  const right = trim.x + trim.width;
  const top = trim.y;
  const bottom = trim.y + trim.height;
  // Marks start outside the bleed so they never print on the page.
  const outLeft = bleed.x - MARK_GAP;
  const outRight = bleed.x + bleed.width + MARK_GAP;
  const outTop = bleed.y - MARK_GAP;
  const outBottom = bleed.y + bleed.height + MARK_GAP;
  for (const y of [top, bottom]) {
    line(outLeft, y, outLeft - MARK_LENGTH, y);
    line(outRight, y, outRight + MARK_LENGTH, y);
  }
  for (const x of [left, right]) {
    line(x, outTop, x, outTop - MARK_LENGTH);
    line(x, outBottom, x, outBottom + MARK_LENGTH);
  }
  const mid = MARK_LENGTH / 2;
  const targets: [number, number][] = [
    [left + trim.width / 2, outTop - mid],
    [left + trim.width / 2, outBottom + mid],
    [outLeft - mid, top + trim.height / 2],
    [outRight + mid, top + trim.height / 2],
  ];
  for (const [cx, cy] of targets) {
    out.push(circle(cx, cy, TARGET_RADIUS) + ' S');
    line(cx - mid, cy, cx + mid, cy);
    line(cx, cy - mid, cx, cy + mid);
  }
  out.push('Q');
  return out.join('\n') + '\n';
}

/** A circle as four Bézier arcs. */
function circle(cx: number, cy: number, r: number): string {
  const k = 0.5522847498 * r;
  return [
    `${num(cx + r)} ${num(cy)} m`,
    `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
    `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
    `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
    `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c`,
  ].join(' ');
}

/** The slug line's text. */
export function slugText(
  meta: { paperName: string; editionName: string; date: string; language: 'zh-Hans' | 'en' },
  pageNumbers: number[],
  exportedAt: Date,
): string {
  const when = `${exportedAt.getFullYear()}-${pad(exportedAt.getMonth() + 1)}-${pad(exportedAt.getDate())} ${pad(exportedAt.getHours())}:${pad(exportedAt.getMinutes())}`;
  const pages = pageNumbers.join('–');
  return meta.language === 'zh-Hans'
    ? `${meta.paperName} · ${meta.editionName} · ${meta.date} · 第 ${pages} 版 · 导出 ${when}`
    : `${meta.paperName} · ${meta.editionName} · ${meta.date} · page ${pages} · exported ${when}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Shapes a short text with a font's own shaping (only for marks, never page content). */
export interface SlugShaper {
  fontKey: string;
  shape(text: string): { glyphs: number[]; advances: number[]; clusters: number[]; unitsPerEm: number };
}

/** The slug line as a display line: below the bottom crop marks and registration target, from the trim's left edge. */
export function slugLine(sheet: SheetLayout, text: string, shaper: SlugShaper): DisplayLine {
  const shaped = shaper.shape(text);
  const scale = SLUG_SIZE / shaped.unitsPerEm;
  const x0 = sheet.trim.x;
  const y = sheet.bleed.y + sheet.bleed.height + MARK_GAP + MARK_LENGTH + SLUG_SIZE + 1;
  const xs: number[] = [];
  const advances = shaped.advances.map((a) => a * scale);
  let x = x0;
  for (const advance of advances) {
    xs.push(x);
    x += advance;
  }
  const run: GlyphRun = {
    fontKey: shaper.fontKey,
    size: SLUG_SIZE,
    color: REGISTRATION,
    y,
    glyphs: shaped.glyphs,
    x: xs,
    advances,
    clusters: shaped.clusters,
    text,
    fauxItalic: false,
    fauxBold: false,
  };
  return {
    storyId: '',
    block: 0,
    start: 0,
    end: text.length,
    column: 0,
    x: x0,
    width: x - x0,
    y,
    ascent: SLUG_SIZE,
    descent: 0,
    text,
    runs: [run],
  };
}
