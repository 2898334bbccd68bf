/**
 * Whether dist/renderer is up to date, so `npm run web` serves the renderer
 * already built instead of bundling it again at every start. The build
 * writes a stamp: the options it used and every file esbuild read (from its
 * metafile). The renderer is fresh when the stamp's options match and no
 * input, no extension file and no build script is newer than the bundle.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RendererStamp {
  minify: boolean;
  nodeEnv: string;
  /** Absolute paths of every file the bundle was built from. */
  inputs: string[];
  /** Extension entry files (renderer/<folder>/extension.ts) that existed. */
  extensions: string[];
}

const STAMP = 'build-stamp.json';

export function writeRendererStamp(outDir: string, stamp: RendererStamp): void {
  writeFileSync(join(outDir, STAMP), JSON.stringify(stamp));
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * True when `outDir` holds a bundle built with these options from files none
 * of which changed since (and the extension files present are the same).
 */
export function rendererIsFresh(
  outDir: string,
  wanted: { minify: boolean; nodeEnv: string; extensions: string[]; scripts: string[] },
): boolean {
  const bundle = mtime(join(outDir, 'renderer.js'));
  if (bundle === null || !existsSync(join(outDir, 'index.html')) || !existsSync(join(outDir, 'renderer.css')))
    return false;
  let stamp: RendererStamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, STAMP), 'utf8')) as RendererStamp;
  } catch {
    return false;
  }
  if (stamp.minify !== wanted.minify || stamp.nodeEnv !== wanted.nodeEnv) return false;
  if (stamp.extensions.join('\n') !== wanted.extensions.join('\n')) return false;
  for (const file of [...stamp.inputs, ...wanted.scripts]) {
    const changed = mtime(file);
    if (changed === null || changed > bundle) return false;
  }
  return true;
}
