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
