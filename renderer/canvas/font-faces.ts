/**
 * Registers each font face of the display list with the document's font
 * set, from the very bytes the composer measured. The CSS family name is the
 * face key ("NotoSerifSC-400"), so the painter names one file, never a
 * family the browser could substitute.
 */
import type { FontFaceRef } from '../../shared/layout/display-list';

const registered = new Map<string, FontFace>();

/** The CSS font-family for a face key. */
export function cssFamily(key: string): string {
  return `folio-${key}`;
}

/** Adds the face to document.fonts from its bytes (once per key) and waits until it is usable. */
export async function registerFontFace(face: FontFaceRef, bytes: ArrayBuffer | Uint8Array): Promise<void> {
  if (registered.has(face.key)) return;
  const data = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes.slice(0);
  const fontFace = new FontFace(cssFamily(face.key), data, { weight: 'normal', style: 'normal' });
  registered.set(face.key, fontFace);
  document.fonts.add(fontFace);
  await fontFace.load();
}

export function isFaceRegistered(key: string): boolean {
  return registered.has(key);
}

/** The UI's CJK face (styles.css names it first, limited to CJK code points). */
export const UI_CJK_FAMILY = 'folio-ui-cjk';

/** CJK ideographs, punctuation and full-width forms: what the UI face covers. */
const CJK_RANGE =
  'U+2E80-2FDF, U+3000-303F, U+3100-312F, U+31C0-31EF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF';

/**
 * Gives the UI a CJK face where the system has none (a bare Linux, CI), from
 * font bytes the composer already fetched: the Sans face if it has it, else
 * the Serif. The family is named in the stylesheet from the start, so adding
 * it re-lays out UI text that was waiting for it.
 */
export async function registerUiFace(source: { fontBytes(file: string): Uint8Array | null }): Promise<void> {
  if (registered.has(UI_CJK_FAMILY)) return;
  const bytes =
    source.fontBytes('NotoSansSC_400Regular.ttf') ?? source.fontBytes('NotoSerifSC_400Regular.ttf');
  if (!bytes) return;
  const face = new FontFace(UI_CJK_FAMILY, bytes.slice().buffer, { unicodeRange: CJK_RANGE });
  registered.set(UI_CJK_FAMILY, face);
  document.fonts.add(face);
  await face.load();
}
