/**
 * Folio's paragraph composer: fonts, shaping, line breaking and
 * justification (TYPESETTING.md). Pure TypeScript: hosts supply font bytes
 * and the HarfBuzz WASM (main/fonts does it for Node: `loadNodeFonts()`).
 *
 * Conventions the flow relies on:
 *  - LineSlots index counts lines of one compose() call from 0; style
 *    leftIndent/rightIndent are applied inside every slot, firstLineIndent on
 *    line 0 when `from` is 0.
 *  - ComposedParagraph.missing lists the characters set by this call
 *    ([from, end)); findMissing() gives those of text that did not fit.
 *  - See set-line.ts for what x, advances and clusters of a GlyphRun mean.
 *  - Results may be shared between calls that set a paragraph into the same
 *    slots again: treat them as read-only.
 */
export { createParagraphComposer } from './composer';
export type { FolioParagraphComposer, ParagraphComposerOptions } from './composer';
export { FontRegistry, matchWeight } from './fonts';
export type { FontFaceInfo, LoadedFace, FontBytesLoader, FontRegistryOptions } from './fonts';
export { BUNDLED_FACES, BUNDLED_FAMILIES, DEFAULT_FALLBACK_FAMILIES, DEFAULT_FAMILY } from './manifest';
export type { BundledFace, BundledFamily } from './manifest';
export { createShaper, SHAPING_FEATURES } from './shaper';
export type { Shaper, HarfBuzzWasmSource, ShapedGlyphs } from './shaper';
export { kinsokuRules } from './char-classes';
