/**
 * A new, empty edition and the default style sheets a newspaper starts from:
 * one paragraph style per block role, a base style they are all based on,
 * character styles for emphasis, and the swatches every paper uses.
 *
 * Chinese defaults follow common 对开 practice: 小五 (9 pt) Song body on
 * 13.5 pt leading, 2-character (2 em, so it follows the size) first-line
 * indent, justified, 避头尾 basic;
 * headlines in Hei (Noto Sans SC) bold. English defaults keep the same sizes
 * but no 2-em indent and hyphenation on.
 */
import type {
  BlockRole,
  CharacterStyle,
  Edition,
  EditionMeta,
  Id,
  ParagraphStyle,
  ParagraphStyleProps,
  StyleSheets,
  Swatch,
} from './types';
import { SCHEMA_VERSION } from './types';
import { emptyReview } from './review';
import { createMasterPage, createPage } from './factories';
import { type IdGenerator, newId } from './ids';
import { type PagePresetId, getPagePreset } from './presets';

export type EditionLanguage = EditionMeta['language'];

export const SERIF_FAMILY = 'Noto Serif SC';
export const SANS_FAMILY = 'Noto Sans SC';

/** Weights installed for each family (TYPESETTING.md "Fonts"). */
export const FONT_WEIGHTS: Readonly<Record<string, readonly number[]>> = {
  [SERIF_FAMILY]: [200, 300, 400, 500, 600, 700, 800, 900],
  [SANS_FAMILY]: [100, 200, 300, 400, 500, 600, 700, 800, 900],
};

/** Fixed ids of the default swatches, so styles and frames can name them. */
export const SWATCH_IDS = {
  black: 'black',
  paper: 'paper',
  registration: 'registration',
  newsRed: 'news-red',
} as const;

/** The id of the default paragraph style of a role, e.g. `ps-headline`. */
export const roleStyleId = (role: BlockRole): Id => `ps-${role}`;
/** The base paragraph style every default role style is based on. */
export const BASE_PARAGRAPH_STYLE_ID: Id = 'ps-base';
export const CHARACTER_STYLE_IDS = { emphasis: 'cs-emphasis', strong: 'cs-strong', red: 'cs-red' } as const;

/** The gap between a photo and its caption when no style sets one: 1 mm. */
export const CAPTION_GAP_DEFAULT = 72 / 25.4;

/** Paragraph properties complete in every field: the root of all resolution. */
export function baseParagraphProps(language: EditionLanguage): ParagraphStyleProps {
  const zh = language === 'zh-Hans';
  return {
    fontFamily: SERIF_FAMILY,
    fontWeight: 400,
    italic: false,
    fontSize: 9,
    sizeUnit: zh ? 'hao' : 'pt',
    leading: 13.5,
    tracking: 0,
    firstLineIndent: 0,
    leftIndent: 0,
    rightIndent: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    align: zh ? 'justify' : 'left',
    lastLineAlign: 'left',
    kinsoku: 'basic',
    color: { swatchId: SWATCH_IDS.black, tint: 100 },
    hanLatinSpacing: 0.25,
    hyphenate: !zh,
    language,
    spanColumns: 1,
    keepWithNext: false,
    orphans: 2,
    widows: 2,
    alignToGrid: false,
    runIn: false,
    // Listed (off) so style resolution carries them along the basedOn chain.
    balanceLines: false,
    phraseBreaks: false,
    captionGap: CAPTION_GAP_DEFAULT,
  };
}

type RoleOverrides = Partial<ParagraphStyleProps> & { name: string; nameZh: string };

/** The Chinese body's first-line indent: two characters of its own size, whatever that size becomes. */
const TWO_ZI = { value: 2, unit: 'em' } as const;

/** What each role changes on the base style. Sizes in pt; 号 names in comments. */
function roleOverrides(language: EditionLanguage): Record<BlockRole, RoleOverrides> {
  const zh = language === 'zh-Hans';
  const body = 9; // 小五
  const leading = 13.5;
  const headAlign = zh ? 'center' : 'left';
  const red = { swatchId: SWATCH_IDS.newsRed, tint: 100 };
  // Display type breaks at phrases with balanced lines, as a news desk sets heads (and never hyphenates).
  const display = { balanceLines: true, phraseBreaks: true } as const;
  return {
    banner: {
      name: 'Banner',
      nameZh: '通栏',
      fontFamily: SANS_FAMILY,
      fontWeight: 900,
      fontSize: 36, // 小初
      leading: 44,
      align: 'center',
      lastLineAlign: 'center',
      tracking: zh ? 200 : 0,
      color: red,
      spanColumns: 'all',
      keepWithNext: true,
      spaceAfter: leading,
      hyphenate: false,
      ...display,
    },
    department: {
      name: 'Department',
      nameZh: '栏目',
      fontFamily: SANS_FAMILY,
      fontWeight: 700,
      fontSize: 12, // 小四
      leading: 16,
      align: 'left',
      color: red,
      keepWithNext: true,
      spaceAfter: 4,
      hyphenate: false,
      ...display,
    },
    kicker: {
      name: 'Kicker',
      nameZh: '引题',
      fontFamily: SANS_FAMILY,
      fontWeight: 500,
      fontSize: 14, // 四号
      leading: 20,
      align: headAlign,
      lastLineAlign: headAlign,
      spanColumns: 'all',
      keepWithNext: true,
      hyphenate: false,
      ...display,
    },
    headline: {
      name: 'Headline',
      nameZh: '主题',
      fontFamily: SANS_FAMILY,
      fontWeight: 700,
      fontSize: 26, // 一号
      leading: 34,
      align: headAlign,
      lastLineAlign: headAlign,
      spanColumns: 'all',
      keepWithNext: true,
      hyphenate: false,
      spaceAfter: 4,
      ...display,
    },
    subheadline: {
      name: 'Subheadline',
      nameZh: '副题',
      fontFamily: SANS_FAMILY,
      fontWeight: 400,
      fontSize: 16, // 三号
      leading: 22,
      align: headAlign,
      lastLineAlign: headAlign,
      spanColumns: 'all',
      keepWithNext: true,
      hyphenate: false,
      spaceAfter: 4,
      ...display,
    },
    byline: {
      name: 'Byline',
      nameZh: '署名',
      fontFamily: SANS_FAMILY,
      fontWeight: 400,
      fontSize: body,
      leading,
      align: headAlign,
      lastLineAlign: headAlign,
      spanColumns: 'all',
      keepWithNext: true,
      spaceAfter: leading / 2,
    },
    'lead-in': {
      name: 'Lead-in',
      nameZh: '电头',
      fontFamily: SANS_FAMILY, // 黑体, set bold at the start of the first paragraph
      fontWeight: 700,
      fontSize: body,
      leading,
      firstLineIndent: zh ? TWO_ZI : 0,
      runIn: true,
      keepWithNext: true,
      alignToGrid: true,
    },
    body: {
      name: 'Body',
      nameZh: '正文',
      fontFamily: SERIF_FAMILY,
      fontWeight: 400,
      fontSize: body,
      leading,
      firstLineIndent: zh ? TWO_ZI : 0,
      align: 'justify',
      lastLineAlign: 'left',
      kinsoku: 'basic',
      hanLatinSpacing: 0.25,
      hyphenate: !zh,
      alignToGrid: true,
    },
    'section-head': {
      name: 'Section head',
      nameZh: '小标题',
      fontFamily: SANS_FAMILY,
      fontWeight: 700,
      fontSize: 10.5, // 五号
      leading,
      align: headAlign,
      lastLineAlign: headAlign,
      spaceBefore: leading / 2,
      spaceAfter: leading / 2,
      keepWithNext: true,
      hyphenate: false,
      ...display,
    },
    caption: {
      name: 'Caption',
      nameZh: '图说',
      fontFamily: SANS_FAMILY,
      fontWeight: 400,
      fontSize: body,
      leading: 12,
      align: 'justify',
      lastLineAlign: 'left',
      spaceBefore: 3,
    },
    credit: {
      name: 'Photo credit',
      nameZh: '摄影署名',
      fontFamily: SANS_FAMILY,
      fontWeight: 300,
      fontSize: 6.5, // 小六
      leading: 8,
      align: 'right',
      lastLineAlign: 'right',
    },
    'jump-line': {
      name: 'Jump line',
      nameZh: '转版',
      fontFamily: SANS_FAMILY,
      fontWeight: 400,
      fontSize: body,
      leading,
      align: 'right',
      lastLineAlign: 'right',
      alignToGrid: true,
    },
    folio: {
      name: 'Folio',
      nameZh: '报眉',
      fontFamily: SANS_FAMILY,
      fontWeight: 400,
      fontSize: body,
      leading: 12,
      align: 'left',
      lastLineAlign: 'left',
      hyphenate: false,
    },
  };
}

/** The default style sheets for a language: base + one style per role, character styles, swatches. */
export function createDefaultStyleSheets(language: EditionLanguage): StyleSheets {
  const zh = language === 'zh-Hans';
  const paragraph: Record<Id, ParagraphStyle> = {
    [BASE_PARAGRAPH_STYLE_ID]: {
      id: BASE_PARAGRAPH_STYLE_ID,
      name: zh ? '基本段落' : 'Base paragraph',
      basedOn: null,
      ...baseParagraphProps(language),
    },
  };
  const roleStyles = {} as Record<BlockRole, Id>;
  for (const [role, overrides] of Object.entries(roleOverrides(language)) as [BlockRole, RoleOverrides][]) {
    const { name, nameZh, ...props } = overrides;
    const id = roleStyleId(role);
    paragraph[id] = { id, name: zh ? nameZh : name, basedOn: BASE_PARAGRAPH_STYLE_ID, ...props };
    roleStyles[role] = id;
  }
  const character: Record<Id, CharacterStyle> = {
    [CHARACTER_STYLE_IDS.strong]: {
      id: CHARACTER_STYLE_IDS.strong,
      name: zh ? '加粗' : 'Strong',
      basedOn: null,
      fontWeight: 700,
    },
    [CHARACTER_STYLE_IDS.emphasis]: zh
      ? // Chinese has no true italics: emphasis is set in Hei.
        { id: CHARACTER_STYLE_IDS.emphasis, name: '强调', basedOn: null, fontFamily: SANS_FAMILY }
      : { id: CHARACTER_STYLE_IDS.emphasis, name: 'Emphasis', basedOn: null, italic: true },
    [CHARACTER_STYLE_IDS.red]: {
      id: CHARACTER_STYLE_IDS.red,
      name: zh ? '红字' : 'Red',
      basedOn: null,
      color: { swatchId: SWATCH_IDS.newsRed, tint: 100 },
    },
  };
  return { paragraph, character, swatches: createDefaultSwatches(language), roleStyles };
}

export function createDefaultSwatches(language: EditionLanguage): Record<Id, Swatch> {
  const zh = language === 'zh-Hans';
  const list: Swatch[] = [
    { id: SWATCH_IDS.black, name: zh ? '黑' : 'Black', cmyk: [0, 0, 0, 100], spot: null },
    { id: SWATCH_IDS.paper, name: zh ? '纸色' : 'Paper', cmyk: [0, 0, 0, 0], spot: null },
    // Registration prints on every separation (crop marks).
    {
      id: SWATCH_IDS.registration,
      name: zh ? '套版色' : 'Registration',
      cmyk: [100, 100, 100, 100],
      spot: null,
    },
    // The masthead red of Chinese papers, as process M100 Y100 so it prints
    // on a four-colour newspaper press without a fifth unit.
    { id: SWATCH_IDS.newsRed, name: zh ? '报红' : 'News red', cmyk: [0, 100, 100, 0], spot: null },
  ];
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

export interface EmptyEditionOptions {
  language?: EditionLanguage;
  preset?: PagePresetId;
  /** Number of pages (default 1). */
  pageCount?: number;
  meta?: Partial<Omit<EditionMeta, 'language'>>;
  /** Id generator; pass `sequentialIds()` for reproducible output. */
  ids?: IdGenerator;
}

/** Today's date as ISO yyyy-mm-dd in local time. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A new edition: default style sheets for the language, one master page
 * ("A"), `pageCount` pages of the preset on that master, no stories, no
 * assets. Chinese editions default to the 对开 preset, English ones to the
 * US broadsheet.
 */
export function createEmptyEdition(options: EmptyEditionOptions = {}): Edition {
  const language = options.language ?? 'zh-Hans';
  const zh = language === 'zh-Hans';
  const ids = options.ids ?? newId;
  const preset = getPagePreset(options.preset ?? (zh ? 'cn-broadsheet' : 'us-broadsheet'));
  const master = createMasterPage(ids('master'), zh ? 'A-主页' : 'A-Master');
  const pageCount = Math.max(1, Math.floor(options.pageCount ?? 1));
  const pages = Array.from({ length: pageCount }, () =>
    createPage(preset, ids('page'), { masterId: master.id }),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    id: ids('edition'),
    meta: {
      paperName: zh ? '未命名报纸' : 'Untitled Paper',
      date: today(),
      issueNumber: 1,
      editionName: '',
      ...options.meta,
      language,
    },
    styles: createDefaultStyleSheets(language),
    masters: [master],
    pages,
    stories: {},
    assets: {},
    review: emptyReview(),
  };
}
