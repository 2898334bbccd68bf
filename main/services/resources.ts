/**
 * The files a renderer may fetch: font files, the shaper's WebAssembly and
 * screen previews of the open documents' image assets (never the
 * full-resolution originals: image-previews.ts). Requests name a file, never a path: a
 * font is looked up in an index built from the font folders at start, an
 * asset by document and asset id in memory. Anything else is refused, so
 * `../` and encoded tricks cannot reach the rest of the disk.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { servedPreviewWidth } from '../../shared/services/image-preview';
import type { DocumentRegistry } from './documents';
import { DEFAULT_PREVIEW_PX, imagePreview } from './image-previews';

const require = createRequire(import.meta.url);

/** A font file name as requested: letters, digits, `_ - .`, ending in .ttf or .otf. */
const FONT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}\.(ttf|otf)$/;

/** The folders of the bundled font packages (each weight sits in its own sub-folder). */
export function bundledFontFolders(): string[] {
  const packages = ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc'];
  return packages.flatMap((name) => {
    const root = dirname(require.resolve(`${name}/package.json`));
    return readdirSync(root)
      .map((entry) => join(root, entry))
      .filter((path) => statSync(path).isDirectory());
  });
}

/** The harfbuzzjs WebAssembly the renderer's shaper instantiates. */
export function shaperWasmPath(): string {
  return require.resolve('harfbuzzjs/dist/harfbuzz.wasm');
}

export interface ServedFile {
  bytes: Uint8Array;
  contentType: string;
}

export class ResourceResolver {
  private readonly fonts = new Map<string, string>();

  constructor(
    fontFolders: string[],
    private readonly documents: DocumentRegistry,
    private readonly wasmPath = shaperWasmPath(),
  ) {
    for (const folder of fontFolders) {
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (FONT_NAME.test(name) && !this.fonts.has(name)) this.fonts.set(name, join(folder, name));
      }
    }
  }

  /** Font files by name with their sizes. */
  fontList(): { file: string; bytes: number }[] {
    return [...this.fonts]
      .map(([file, path]) => ({ file, bytes: statSync(path).size }))
      .sort((a, b) => a.file.localeCompare(b.file));
  }

  /** A font by file name; null for names outside the index (including any path). */
  async font(name: string): Promise<ServedFile | null> {
    if (!FONT_NAME.test(name)) return null;
    const path = this.fonts.get(name);
    if (!path) return null;
    return { bytes: await readFile(path), contentType: name.endsWith('.otf') ? 'font/otf' : 'font/ttf' };
  }

  async wasm(): Promise<ServedFile> {
    return { bytes: await readFile(this.wasmPath), contentType: 'application/wasm' };
  }

  /**
   * A screen preview of an image asset of an open document, `widthPx` wide
   * at most (the renderer asks for what its highest zoom needs); null when
   * either id is unknown or the image cannot be read.
   */
  async asset(documentId: string, assetId: string, widthPx = DEFAULT_PREVIEW_PX): Promise<ServedFile | null> {
    const record = this.documents.find(documentId);
    if (!record) return null;
    const info = record.edition.assets[assetId];
    const bytes = record.assets.get(assetId);
    if (!info || !bytes) return null;
    return imagePreview(bytes, widthPx).catch(() => null);
  }

  /**
   * Resolves a resource path as the renderer writes it: `fonts/<file>`,
   * `wasm/harfbuzz.wasm` or `assets/<documentId>/<assetId>`. The path is
   * decoded once and must consist of exactly those segments. `query`: the
   * request's query; `w` is an asset preview's width in pixels.
   */
  async resolve(resourcePath: string, query?: URLSearchParams): Promise<ServedFile | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(resourcePath);
    } catch {
      return null;
    }
    const segments = decoded.split('/');
    if (
      segments.some(
        (segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'),
      )
    ) {
      return null;
    }
    const [kind, ...rest] = segments;
    if (kind === 'fonts' && rest.length === 1) return this.font(rest[0]);
    if (kind === 'wasm' && rest.length === 1 && rest[0] === 'harfbuzz.wasm') return this.wasm();
    if (kind === 'assets' && rest.length === 2) {
      return this.asset(rest[0], rest[1], servedPreviewWidth(query?.get('w') ?? null) ?? undefined);
    }
    return null;
  }
}
