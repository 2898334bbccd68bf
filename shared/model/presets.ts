/**
 * Page presets with their sources. Sizes are the trimmed page; margins,
 * columns and gutter give a type area set in whole characters of the
 * preset's body size where the paper is Chinese (a newspaper column is N
 * characters wide, TYPESETTING.md "Grids and sizes").
 */
import type { Pt, Sides, Size } from './types';
import { inToPt, mmToPt } from './units';

export type PagePresetId =
  'cn-broadsheet' | 'cn-tabloid' | 'us-broadsheet' | 'us-tabloid' | 'iso-a3' | 'iso-a4';

export interface PagePreset {
  id: PagePresetId;
  /** Name shown in English UI. */
  name: string;
  /** Name shown in Chinese UI. */
  nameZh: string;
  size: Size;
  margins: Sides;
  columns: number;
  gutter: Pt;
  bleed: Sides;
  /** Body size and leading the preset's columns are measured in (the baseline grid increment). */
  bodySize: Pt;
  bodyLeading: Pt;
  /** Where the size comes from. */
  source: string;
}

const sides = (top: Pt, right: Pt, bottom: Pt, left: Pt): Sides => ({ top, right, bottom, left });
const all = (v: Pt): Sides => sides(v, v, v, v);

/**
 * Left/right margins that centre a type area of `columns` columns, each
 * `charsPerColumn` characters of `bodySize`, with `gutter` between them.
 */
function centredMargins(
  pageWidth: Pt,
  top: Pt,
  bottom: Pt,
  columns: number,
  charsPerColumn: number,
  bodySize: Pt,
  gutter: Pt,
): Sides {
  const typeWidth = columns * charsPerColumn * bodySize + (columns - 1) * gutter;
  const side = (pageWidth - typeWidth) / 2;
  return sides(top, side, bottom, side);
}

// 对开 (broadsheet). A Chinese "对开报纸" is printed on 对开 sheets of 正度
// paper (787 × 546 mm; 全开 787 × 1092 mm), two pages per sheet side, so one
// page is a 四开 sheet (≈ 389 × 546 mm) less the trim: newsprint reels are
// ~781 mm wide and the press cuts off ~546 mm, giving the common trimmed page
// of 390 × 540 mm. The usual 对开 type area (版心) is about 350 × 490 mm; we
// set 8 columns of 13 characters of 小五 (9 pt) with 1-character gutters
// (352 mm), centred, with 25 mm head and foot margins.
// Sources: 正度 sheet sizes as printers list them (对开 787×546, 四开 389×546,
// 八开 389×273); "人民日报的整张报纸是平板纸的一半… 叫对开版, 参考消息叫四开版".
const CN_BODY = 9;
const CN_LEADING = 13.5;

// 四开 (tabloid): half a 对开 page, 270 × 390 mm trimmed (八开 sheet
// 389 × 273 mm less trim); usual type area about 235 × 350 mm: 5 columns of
// 14 characters of 9 pt with 1-character gutters (235 mm), 20 mm head/foot.

// Newspaper presses (coldset on newsprint) do not print to the trimmed edge,
// so the newspaper presets carry no bleed; the ISO presets carry the usual
// 3 mm for sheet-fed or digital print.

export const PAGE_PRESETS: Readonly<Record<PagePresetId, PagePreset>> = {
  'cn-broadsheet': {
    id: 'cn-broadsheet',
    name: 'Chinese broadsheet (对开, 390 × 540 mm)',
    nameZh: '对开 (390 × 540 毫米)',
    size: { width: mmToPt(390), height: mmToPt(540) },
    margins: centredMargins(mmToPt(390), mmToPt(25), mmToPt(25), 8, 13, CN_BODY, CN_BODY),
    columns: 8,
    gutter: CN_BODY,
    bleed: all(0),
    bodySize: CN_BODY,
    bodyLeading: CN_LEADING,
    source:
      '对开 newspaper page = half a 正度 对开 sheet (787 × 546 mm) less trim: 390 × 540 mm; 版心 ≈ 350 × 490 mm.',
  },
  'cn-tabloid': {
    id: 'cn-tabloid',
    name: 'Chinese tabloid (四开, 270 × 390 mm)',
    nameZh: '四开 (270 × 390 毫米)',
    size: { width: mmToPt(270), height: mmToPt(390) },
    margins: centredMargins(mmToPt(270), mmToPt(20), mmToPt(20), 5, 14, CN_BODY, CN_BODY),
    columns: 5,
    gutter: CN_BODY,
    bleed: all(0),
    bodySize: CN_BODY,
    bodyLeading: CN_LEADING,
    source:
      '四开 newspaper page = half a 对开 page: 270 × 390 mm trimmed (八开 sheet 389 × 273 mm); 版心 ≈ 235 × 350 mm.',
  },
  // Wikipedia, "Broadsheet": "In the United States, the traditional
  // dimensions for the front page half of a broadsheet are 12 in wide by
  // 22.75 in long" (the 12-inch web most US dailies moved to from 15 in,
  // e.g. The Wall Street Journal in 2007). We use 12 × 22.75 in, not the
  // 11 × 21 in some smaller dailies print.
  'us-broadsheet': {
    id: 'us-broadsheet',
    name: 'US broadsheet (12 × 22.75 in)',
    nameZh: '美国大报 (12 × 22.75 英寸)',
    size: { width: inToPt(12), height: inToPt(22.75) },
    margins: sides(inToPt(0.5), inToPt(0.5), inToPt(0.5), inToPt(0.5)),
    columns: 6,
    gutter: 12, // one pica
    bleed: all(0),
    bodySize: 9.5,
    bodyLeading: 11,
    source: 'Wikipedia "Broadsheet": US front page half 12 in × 22.75 in (12-inch web).',
  },
  // US tabloid: ANSI B / "ledger-tabloid" 11 × 17 in (ANSI/ASME Y14.1), the
  // size US tabloid newspapers and printers call "tabloid".
  'us-tabloid': {
    id: 'us-tabloid',
    name: 'US tabloid (11 × 17 in)',
    nameZh: '美国小报 (11 × 17 英寸)',
    size: { width: inToPt(11), height: inToPt(17) },
    margins: sides(inToPt(0.5), inToPt(0.5), inToPt(0.5), inToPt(0.5)),
    columns: 5,
    gutter: 12,
    bleed: all(0),
    bodySize: 9.5,
    bodyLeading: 11,
    source: 'ANSI/ASME Y14.1 size B (tabloid): 11 × 17 in.',
  },
  // ISO 216: A3 297 × 420 mm, A4 210 × 297 mm.
  'iso-a3': {
    id: 'iso-a3',
    name: 'A3 (297 × 420 mm)',
    nameZh: 'A3 (297 × 420 毫米)',
    size: { width: mmToPt(297), height: mmToPt(420) },
    margins: centredMargins(mmToPt(297), mmToPt(18), mmToPt(18), 6, 13, CN_BODY, CN_BODY),
    columns: 6,
    gutter: CN_BODY,
    bleed: all(mmToPt(3)),
    bodySize: CN_BODY,
    bodyLeading: CN_LEADING,
    source: 'ISO 216 A3: 297 × 420 mm.',
  },
  'iso-a4': {
    id: 'iso-a4',
    name: 'A4 (210 × 297 mm)',
    nameZh: 'A4 (210 × 297 毫米)',
    size: { width: mmToPt(210), height: mmToPt(297) },
    margins: centredMargins(mmToPt(210), mmToPt(15), mmToPt(15), 3, 18, CN_BODY, CN_BODY),
    columns: 3,
    gutter: CN_BODY,
    bleed: all(mmToPt(3)),
    bodySize: CN_BODY,
    bodyLeading: CN_LEADING,
    source: 'ISO 216 A4: 210 × 297 mm.',
  },
};

export const PAGE_PRESET_IDS = Object.keys(PAGE_PRESETS) as PagePresetId[];

/** The preset with this id; throws on an unknown id (a programming error). */
export function getPagePreset(id: PagePresetId): PagePreset {
  const preset = PAGE_PRESETS[id];
  if (!preset) throw new Error(`Unknown page preset "${id}"`);
  return preset;
}

/** Width of one page column of a preset (or page) in points. */
export function columnWidth(p: { size: Size; margins: Sides; columns: number; gutter: Pt }): Pt {
  const typeWidth = p.size.width - p.margins.left - p.margins.right;
  return (typeWidth - (p.columns - 1) * p.gutter) / p.columns;
}
