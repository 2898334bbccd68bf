/**
 * The contract between the paragraph composer (shaping, line breaking,
 * justification: shared/layout/text/) and the flow (frames, columns,
 * threads, wrap, grids, display list: shared/layout/flow/).
 *
 * The flow resolves styles, substitutes fields, joins a run-in lead-in with
 * the paragraph after it, and decides where each line of a paragraph goes;
 * the composer decides which characters go on each line and where every
 * glyph sits on it.
 */
import type { ParagraphStyleProps, Pt } from '../model/types';
import type { DisplayColor, FontFaceRef, GlyphRun } from './display-list';

/** The font, size and colour of a stretch of a paragraph's text. */
export interface TextSpan {
  /** Half-open range of offsets in ParagraphInput.text. */
  start: number;
  end: number;
  fontFamily: string;
  fontWeight: number;
  italic: boolean;
  size: Pt;
  /** 1/1000 em. */
  tracking: number;
  color: DisplayColor;
  baselineShift: Pt;
}

export interface ParagraphInput {
  /** The text to set, fields already substituted. */
  text: string;
  /** Spans covering the whole text in order, without gaps. */
  spans: TextSpan[];
  /** The resolved paragraph style (alignment, kinsoku, indents, language …). */
  style: ParagraphStyleProps;
}

/**
 * Where line `index` of the paragraph goes: its measure and its left edge
 * relative to the slot origin the flow chose. Null: no more room, stop
 * composing (the rest is carried to the next column or is overset).
 */
export type LineSlots = (index: number) => { width: Pt; x: Pt } | null;

export interface ComposedLine {
  /** Half-open range of ParagraphInput.text set on this line. */
  start: number;
  end: number;
  /** The slot's x and measure, as given. */
  x: Pt;
  width: Pt;
  /** Largest ascent and descent of the glyphs on the line, in pt. */
  ascent: Pt;
  descent: Pt;
  /** True if the line ends with an inserted hyphen. */
  hyphenated: boolean;
  /**
   * Glyph runs with x relative to the slot origin and y = 0 on the baseline
   * (the flow offsets both). Clusters are offsets in ParagraphInput.text.
   */
  runs: GlyphRun[];
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /** Offset in the text where composition stopped (text.length when all set). */
  end: number;
  /** Offsets in the text of characters no font could draw. */
  missing: { offset: number; codePoint: number }[];
}

export interface ParagraphComposer {
  /**
   * Sets `input.text` from `from` (0 for a whole paragraph, later for the
   * continuation in the next column) into the given line slots. Shaping is
   * cached by text, spans and style, so composing the same paragraph again
   * at another measure costs only the line breaking.
   */
  compose(input: ParagraphInput, slots: LineSlots, from?: number): ComposedParagraph;
  /**
   * Optional: the face a glyph run's fontKey names, for DisplayList.fonts
   * (the flow asks once per key it meets). Without it the flow derives a
   * FontFaceRef from the key.
   */
  fontFace?(key: string): FontFaceRef;
}
