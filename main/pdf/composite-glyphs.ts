/**
 * Extra glyphs in a TrueType subset that draw another glyph of the subset,
 * optionally moved sideways: TrueType composite glyphs of one component
 * (18 bytes each, however complex the outline).
 *
 * The PDF needs a second CID for a glyph when the same outline must read as
 * different text (a ToUnicode entry is per CID) or take a different width or
 * origin (a squeezed punctuation mark's set box, set-boxes.ts). fontkit's
 * subset would copy the whole outline for a second CID — a few hundred
 * bytes per CJK glyph; a composite refers to it instead, and its offset
 * moves the outline so the glyph's origin can be its pen position.
 *
 * fontkit 2 (TTFSubset) writes glyphs in `glyphs` order through
 * `_addGlyph`; the variants are intercepted there by their index, and the
 * encoded font's maxp is raised to allow one level of components.
 */

interface DecodedGlyph {
  numberOfContours: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** fontkit's TTFSubset, as far as this module uses it (fontkit 2.0.4, src/subset/TTFSubset.js). */
export interface TrueTypeSubsetInternals {
  glyphs: number[];
  glyf?: Uint8Array[];
  offset: number;
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  glyphEncoder?: unknown;
  font: { getGlyph(id: number): { advanceWidth: number; _decode(): DecodedGlyph | null } };
  _addGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

interface Variant {
  /** The subset index (CID) of the glyph drawn. */
  component: number;
  /** Sideways offset of the outline, font units. */
  dx: number;
}

const variantsOf = new WeakMap<object, Map<number, Variant>>();

/** Whether the subset is a TrueType one this module can add composites to (CFF subsets are not). */
export function supportsComposites(subset: object): boolean {
  const s = subset as Partial<TrueTypeSubsetInternals>;
  return typeof s._addGlyph === 'function' && s.glyphEncoder !== undefined;
}

/**
 * Adds a glyph that draws subset glyph `component` (whose original glyph id
 * is `glyphId`) moved by `dx` font units, and returns its subset index.
 */
export function addComposite(subset: object, component: number, glyphId: number, dx: number): number {
  const s = subset as TrueTypeSubsetInternals;
  let variants = variantsOf.get(s);
  if (!variants) {
    variants = new Map();
    variantsOf.set(s, variants);
    intercept(s, variants);
  }
  s.glyphs.push(glyphId);
  const index = s.glyphs.length - 1;
  variants.set(index, { component, dx: Math.round(dx) });
  return index;
}

function intercept(s: TrueTypeSubsetInternals, variants: Map<number, Variant>): void {
  const addGlyph = s._addGlyph.bind(s);
  s._addGlyph = (glyphId: number) => {
    const index = s.glyf?.length ?? 0;
    const variant = variants.get(index);
    if (!variant) return addGlyph(glyphId);
    const glyph = s.font.getGlyph(glyphId);
    const outline = glyph._decode();
    // A glyph without an outline (a space) stays empty: nothing to refer to.
    const data = outline ? compositeGlyph(outline, variant) : new Uint8Array(0);
    s.glyf!.push(data);
    s.loca.offsets.push(s.offset);
    s.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: (outline?.xMin ?? 0) + variant.dx });
    s.offset += data.length;
    return index;
  };
  const encode = s.encode.bind(s);
  s.encode = () => allowComponents(encode());
}

/** numberOfContours −1, the moved bounding box, one component with word-sized x/y offsets. */
function compositeGlyph(outline: DecodedGlyph, variant: Variant): Uint8Array {
  const ARG_1_AND_2_ARE_WORDS = 0x0001;
  const ARGS_ARE_XY_VALUES = 0x0002;
  const data = new Uint8Array(18);
  const view = new DataView(data.buffer);
  view.setInt16(0, -1);
  view.setInt16(2, outline.xMin + variant.dx);
  view.setInt16(4, outline.yMin);
  view.setInt16(6, outline.xMax + variant.dx);
  view.setInt16(8, outline.yMax);
  view.setUint16(10, ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES);
  view.setUint16(12, variant.component);
  view.setInt16(14, variant.dx);
  view.setInt16(16, 0);
  return data;
}

/**
 * Raises maxp's component limits in an encoded font: at least one component
 * one level deep, with as many points and contours as a simple glyph may have
 * (the fonts Folio ships have no composites, so their maxp says 0).
 */
function allowComponents(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  for (let t = 0; t < tables; t++) {
    const record = 12 + t * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    if (tag !== 'maxp') continue;
    const at = view.getUint32(record + 8);
    if (view.getUint32(at) !== 0x00010000) return font; // version 0.5 (CFF) has no such fields
    const raise = (offset: number, value: number) =>
      view.setUint16(at + offset, Math.max(view.getUint16(at + offset), value));
    raise(10, view.getUint16(at + 6)); // maxCompositePoints ≥ maxPoints
    raise(12, view.getUint16(at + 8)); // maxCompositeContours ≥ maxContours
    raise(28, 1); // maxComponentElements
    raise(30, 1); // maxComponentDepth
    return font;
  }
  return font;
}
