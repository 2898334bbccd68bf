/**
 * Test helpers: a composer over the bundled fonts, a body style, and a
 * one-call `set(text, options)` that composes a paragraph into equal slots.
 */
import { createNodeComposer } from '../../../../main/fonts';
import type { FolioParagraphComposer } from '../../../../shared/layout/text';
import type { ParagraphStyleProps } from '../../../../shared/model/types';
import type {
  ComposedLine,
  ComposedParagraph,
  ParagraphInput,
  TextSpan,
} from '../../../../shared/layout/paragraph-types';
import type { DisplayColor } from '../../../../shared/layout/display-list';

export const BLACK: DisplayColor = { cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#231f20' };

/** Body text: 10 pt Noto Serif SC, justified, no indent (tests that need one set it). */
export function bodyStyle(overrides: Partial<ParagraphStyleProps> = {}): ParagraphStyleProps {
  return {
    fontFamily: 'Noto Serif SC',
    fontWeight: 400,
    italic: false,
    fontSize: 10,
    sizeUnit: 'pt',
    leading: 15,
    tracking: 0,
    firstLineIndent: 0,
    leftIndent: 0,
    rightIndent: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    align: 'justify',
    lastLineAlign: 'left',
    kinsoku: 'basic',
    color: { swatchId: 'black', tint: 100 },
    hanLatinSpacing: 0.25,
    hyphenate: false,
    language: 'zh-Hans',
    spanColumns: 1,
    keepWithNext: false,
    orphans: 2,
    widows: 2,
    alignToGrid: false,
    runIn: false,
    ...overrides,
  };
}

export function spanFor(
  style: ParagraphStyleProps,
  start: number,
  end: number,
  extra: Partial<TextSpan> = {},
): TextSpan {
  return {
    start,
    end,
    fontFamily: style.fontFamily,
    fontWeight: style.fontWeight,
    italic: style.italic,
    size: style.fontSize,
    tracking: style.tracking,
    color: BLACK,
    baselineShift: 0,
    ...extra,
  };
}

export function paragraph(
  text: string,
  style: Partial<ParagraphStyleProps> = {},
  spans?: TextSpan[],
): ParagraphInput {
  const resolved = bodyStyle(style);
  return { text, style: resolved, spans: spans ?? [spanFor(resolved, 0, text.length)] };
}

let composer: Promise<FolioParagraphComposer> | null = null;
export function getComposer(): Promise<FolioParagraphComposer> {
  composer ??= createNodeComposer();
  return composer;
}

export interface SetOptions {
  /** Measure of every slot, pt (default 100 = ten 10-pt characters). */
  width?: number;
  style?: Partial<ParagraphStyleProps>;
  spans?: TextSpan[];
  from?: number;
  /** Lines available (default unlimited). */
  maxLines?: number;
}

export async function set(
  text: string,
  options: SetOptions = {},
): Promise<ComposedParagraph & { texts: string[] }> {
  const c = await getComposer();
  const input = paragraph(text, options.style, options.spans);
  const width = options.width ?? 100;
  const result = c.compose(
    input,
    (i) => (i < (options.maxLines ?? Infinity) ? { x: 0, width } : null),
    options.from,
  );
  return { ...result, texts: result.lines.map((l) => text.slice(l.start, l.end)) };
}

/** Width the line's glyphs take as set: from the first pen position to the end of the last advance. */
export function setWidth(line: ComposedLine): number {
  let sum = 0;
  for (const run of line.runs) for (const a of run.advances) sum += a;
  return sum;
}

/** Left edge of the first glyph's pen position (x of glyph 0 plus any squeezed left blank is not included). */
export function glyphXs(line: ComposedLine): number[] {
  return line.runs.flatMap((r) => r.x);
}

/** x of the glyph drawing the character at `offset`. */
export function xOf(line: ComposedLine, offset: number): number {
  for (const run of line.runs) {
    const i = run.clusters.indexOf(offset);
    if (i >= 0) return run.x[i];
  }
  throw new Error(`no glyph for offset ${offset}`);
}

export function advanceOf(line: ComposedLine, offset: number): number {
  for (const run of line.runs) {
    const i = run.clusters.indexOf(offset);
    if (i >= 0) return run.advances[i];
  }
  throw new Error(`no glyph for offset ${offset}`);
}

export const HAN = '一二三四五六七八九十';
