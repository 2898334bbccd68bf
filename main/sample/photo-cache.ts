/**
 * The sample's placeholder photos painted once per machine rather than once
 * per process: painting them takes seconds — most of what `npm run web`
 * waited for before the sample page could be shown — and the JPEG depends
 * only on the photo's description and the painter's code. Kept in the user's
 * cache folder under a hash of both; where the painter's sources cannot be
 * read (a bundled app) or the folder cannot be written, photos are painted
 * as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PlaceholderPhoto } from './placeholder-photo';

/** The files whose code decides a placeholder photo's pixels. */
const PAINTER_SOURCES = ['placeholder-photo.ts', 'raster.ts', 'scenes.ts'];

let painter: string | null | undefined;

function painterHash(): string | null {
  if (painter !== undefined) return painter;
  try {
    const hash = createHash('sha256');
    for (const file of PAINTER_SOURCES) hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
    painter = hash.digest('hex');
  } catch {
    painter = null;
  }
  return painter;
}

/** $FOLIO_CACHE_DIR, else $XDG_CACHE_HOME/folio, else ~/.cache/folio. */
export function cacheDir(): string {
  return (
    process.env.FOLIO_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'folio')
  );
}

/**
 * The photo `description` names (everything its pixels depend on besides
 * the painter's code), from the cache or painted by `paint` and then kept.
 */
export async function cachedPhoto(
  description: string,
  paint: () => Promise<PlaceholderPhoto>,
): Promise<PlaceholderPhoto> {
  const code = painterHash();
  if (!code) return paint();
  const key = createHash('sha256').update(code).update('\u0000').update(description).digest('hex');
  const dir = join(cacheDir(), 'sample-photos');
  const file = join(dir, `${key}.jpg`);
  try {
    const { widthPx, heightPx } = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as PlaceholderPhoto;
    return { bytes: new Uint8Array(readFileSync(file)), widthPx, heightPx };
  } catch {
    // Not painted yet on this machine (or a partial entry): paint it.
  }
  const photo = await paint();
  try {
    mkdirSync(dir, { recursive: true });
    // The picture first, its size last: an entry counts only when both are whole.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, photo.bytes);
    renameSync(temporary, file);
    writeFileSync(`${temporary}.json`, JSON.stringify({ widthPx: photo.widthPx, heightPx: photo.heightPx }));
    renameSync(`${temporary}.json`, `${file}.json`);
  } catch {
    // A read-only or full disk: the photo is still good for this process.
  }
  return photo;
}
