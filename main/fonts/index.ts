/**
 * Fonts for Node hosts (CLI, PDF export, tests, benchmarks): the bundled
 * Noto faces read from node_modules on first use (each file is 10–20 MB, so
 * only the faces an edition uses are read), and HarfBuzz's WASM read from
 * the harfbuzzjs package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLED_FACES, FontRegistry, createParagraphComposer, createShaper } from '../../shared/layout/text';
import type { FolioParagraphComposer, Shaper } from '../../shared/layout/text';

const require = createRequire(import.meta.url);

/** Directory of an installed package (found through Node's resolution). */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Absolute path of a bundled font file, e.g. NotoSerifSC_400Regular.ttf. */
export function bundledFontPath(file: string): string {
  const face = BUNDLED_FACES.find((f) => f.file === file);
  if (!face) throw new Error(`Font file ${file} is not one of the bundled fonts`);
  return join(packageDir(face.packageName), face.dir, face.file);
}

/** Absolute path of harfbuzz.wasm in the harfbuzzjs package. */
export function harfBuzzWasmPath(): string {
  return join(dirname(require.resolve('harfbuzzjs')), 'harfbuzz.wasm');
}

/** Reads a bundled font file from disk (null when not installed). */
export function readBundledFont(file: string): Uint8Array | null {
  let path: string;
  try {
    path = bundledFontPath(file);
  } catch {
    return null;
  }
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

export interface NodeFonts {
  fonts: FontRegistry;
  shaper: Shaper;
}

let shared: Promise<NodeFonts> | null = null;

/**
 * A font registry over the bundled fonts (loaded lazily from disk) and a
 * HarfBuzz shaper. The result is shared within the process.
 */
export function loadNodeFonts(): Promise<NodeFonts> {
  shared ??= (async () => {
    const shaper = await createShaper(new Uint8Array(readFileSync(harfBuzzWasmPath())));
    const fonts = new FontRegistry({ loader: readBundledFont });
    return { fonts, shaper };
  })();
  return shared;
}

/** The paragraph composer over the bundled fonts, ready to use. */
export async function createNodeComposer(): Promise<FolioParagraphComposer> {
  const { fonts, shaper } = await loadNodeFonts();
  return createParagraphComposer({ fonts, shaper });
}
