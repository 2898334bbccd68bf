/**
 * Finds and parses the font files a display list names: the same bytes the
 * composer measured (main/fonts readBundledFont), or any TTF of the npm font
 * packages (@expo-google-fonts/noto-*-sc) by file name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontFaceRef } from '../../shared/layout/display-list';
import { readBundledFont } from '../fonts';

/** Returns the bytes of a font file named by a display list, or null when it is not installed. */
export type FontFileLoader = (ref: FontFaceRef) => Uint8Array | null;

const require = createRequire(import.meta.url);
const packages = ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc'];

let index: Map<string, string> | null = null;

/** File name → absolute path of every TTF in the npm font packages (built once). */
function fontIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  for (const name of packages) {
    let root: string;
    try {
      root = dirname(require.resolve(`${name}/package.json`));
    } catch {
      continue;
    }
    for (const weightDir of readdirSync(root, { withFileTypes: true })) {
      if (!weightDir.isDirectory()) continue;
      for (const file of readdirSync(join(root, weightDir.name))) {
        if (file.endsWith('.ttf')) index.set(file, join(root, weightDir.name, file));
      }
    }
  }
  return index;
}

/** Where a font file lives: an absolute path as given, or a file of the npm font packages. */
export function resolveFontFile(file: string): string | null {
  if (file.startsWith('/') && existsSync(file)) return file;
  const base = file.split(/[\\/]/).pop() ?? file;
  return fontIndex().get(base) ?? null;
}

/** The default loader: the fonts helper's bundled fonts (main/fonts), else a file of the npm font packages. */
export const packagedFontLoader: FontFileLoader = (ref) => {
  const bundled = readBundledFont(ref.file);
  if (bundled) return bundled;
  const path = resolveFontFile(ref.file);
  return path ? readFileSync(path) : null;
};

const parsed = new WeakMap<FontFileLoader, Map<string, fontkit.Font>>();

/**
 * A parsed font, kept for the life of the process: parsing a 15 MB CJK font
 * costs more than painting a page, and the bytes never change under a key.
 */
export function openFont(ref: FontFaceRef, load: FontFileLoader): fontkit.Font | null {
  let fonts = parsed.get(load);
  if (!fonts) parsed.set(load, (fonts = new Map()));
  const cached = fonts.get(ref.file);
  if (cached) return cached;
  const bytes = load(ref);
  if (!bytes) return null;
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('glyphsForString' in font)) throw new Error(`font file ${ref.file} is a collection, not one face`);
  fonts.set(ref.file, font as fontkit.Font);
  return font as fontkit.Font;
}
