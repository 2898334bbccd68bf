/**
 * The font registry: which faces exist (declared from the bundled manifest
 * or by the host), their bytes (supplied by the host, loaded lazily — the
 * CJK files are 10–20 MB each), CSS-style face matching, glyph coverage and
 * the fallback chain for characters a face lacks.
 */
import type { FontFaceRef } from '../display-list';
import { parseFont, type ParsedFont } from './font-file';
import { BUNDLED_FACES, BUNDLED_FAMILIES, DEFAULT_FALLBACK_FAMILIES, DEFAULT_FAMILY } from './manifest';

/** A face the registry knows about, loaded or not. */
export interface FontFaceInfo {
  /** Stable key, e.g. "NotoSerifSC-400". */
  key: string;
  family: string;
  weight: number;
  italic: boolean;
  /** The file's identifier (its name), as hosts fetch and register it. */
  file: string;
}

/** A face whose bytes are loaded and parsed. */
export interface LoadedFace extends FontFaceInfo {
  bytes: Uint8Array;
  font: ParsedFont;
  unitsPerEm: number;
  /** hhea ascender and descender as fractions of the em (descent positive). */
  ascent: number;
  descent: number;
}

/** Synchronous source of font bytes by file name (Node: read from disk). Null: not available. */
export type FontBytesLoader = (file: string) => Uint8Array | null;

export interface FontRegistryOptions {
  /** Declare the bundled Noto Serif SC / Noto Sans SC faces (default true). */
  bundled?: boolean;
  /** Loads bytes on first use of a face. */
  loader?: FontBytesLoader;
  /** Families tried, in order, for a character the requested face lacks. */
  fallbackFamilies?: readonly string[];
}

function normalise(name: string): string {
  return name
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .toLowerCase();
}

/**
 * CSS Fonts 4 §5.2 weight matching: between 400 and 500 look up to 500
 * first, then down, then above 500; below 400 look down first; above 500
 * look up first.
 */
export function matchWeight(wanted: number, available: readonly number[]): number {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (sorted.includes(wanted)) return wanted;
  const below = sorted.filter((w) => w < wanted).reverse();
  const above = sorted.filter((w) => w > wanted);
  let order: number[];
  if (wanted >= 400 && wanted <= 500) {
    const upTo500 = above.filter((w) => w <= 500);
    order = [...upTo500, ...below, ...above.filter((w) => w > 500)];
  } else if (wanted < 400) order = [...below, ...above];
  else order = [...above, ...below];
  return order[0];
}

export class FontRegistry {
  private readonly faces = new Map<string, FontFaceInfo>();
  private readonly byFile = new Map<string, FontFaceInfo>();
  private readonly families = new Map<string, string>();
  private readonly loaded = new Map<string, LoadedFace>();
  private readonly pendingBytes = new Map<string, Uint8Array>();
  private readonly resolveCache = new Map<string, LoadedFace>();
  private readonly fallbackCache = new Map<string, LoadedFace[]>();
  private loader: FontBytesLoader | null;
  readonly fallbackFamilies: readonly string[];
  /** Family names a style asked for that no face provides (substituted). */
  readonly substitutedFamilies = new Set<string>();

  constructor(options: FontRegistryOptions = {}) {
    this.loader = options.loader ?? null;
    this.fallbackFamilies = options.fallbackFamilies ?? DEFAULT_FALLBACK_FAMILIES;
    if (options.bundled !== false) {
      for (const face of BUNDLED_FACES) this.declare(face);
      for (const family of BUNDLED_FAMILIES)
        for (const alias of family.aliases) this.families.set(normalise(alias), family.family);
    }
  }

  /** Makes a face known without loading it. */
  declare(face: FontFaceInfo): void {
    this.faces.set(face.key, {
      key: face.key,
      family: face.family,
      weight: face.weight,
      italic: face.italic,
      file: face.file,
    });
    this.byFile.set(face.file, this.faces.get(face.key)!);
    this.families.set(normalise(face.family), face.family);
    this.resolveCache.clear();
    this.fallbackCache.clear();
  }

  /** Sets where bytes of declared but unregistered faces come from. */
  setLoader(loader: FontBytesLoader | null): void {
    this.loader = loader;
  }

  /**
   * Supplies the bytes of a font file. A bundled or declared file needs no
   * `info`; another file needs its family, weight and italic.
   */
  register(
    file: string,
    bytes: Uint8Array,
    info?: Omit<FontFaceInfo, 'file' | 'key'> & { key?: string },
  ): void {
    if (!this.byFile.has(file)) {
      if (!info)
        throw new Error(
          `Font file ${file}: not in the manifest, so its family, weight and italic are needed`,
        );
      const key = info.key ?? `${info.family.replace(/\s+/g, '')}-${info.weight}${info.italic ? 'i' : ''}`;
      this.declare({ key, family: info.family, weight: info.weight, italic: info.italic, file });
    }
    const face = this.byFile.get(file)!;
    this.loaded.delete(face.key);
    this.resolveCache.clear();
    this.fallbackCache.clear();
    this.pendingBytes.set(file, bytes);
  }

  /** Every declared face. */
  list(): FontFaceInfo[] {
    return [...this.faces.values()];
  }

  /** True when the face's bytes are registered or loaded. */
  isAvailable(key: string): boolean {
    const face = this.faces.get(key);
    return !!face && (this.loaded.has(key) || this.pendingBytes.has(face.file));
  }

  /** The canonical family name for a name or alias, or null if unknown. */
  familyName(name: string): string | null {
    return this.families.get(normalise(name)) ?? null;
  }

  /**
   * The declared face CSS would pick for family/weight/italic, without
   * loading it (hosts use this to know which files an edition needs).
   */
  match(family: string, weight: number, italic: boolean): FontFaceInfo {
    let name = this.familyName(family);
    if (!name) {
      this.substitutedFamilies.add(family);
      name = this.familyName(DEFAULT_FAMILY) ?? this.faces.values().next().value?.family ?? null;
      if (!name) throw new Error(`No fonts are registered (asked for "${family}")`);
    }
    const candidates = [...this.faces.values()].filter((f) => f.family === name);
    const sameStyle = candidates.filter((f) => f.italic === italic);
    const pool = sameStyle.length ? sameStyle : candidates;
    const chosen = matchWeight(
      weight,
      pool.map((f) => f.weight),
    );
    return pool.find((f) => f.weight === chosen)!;
  }

  /** The loaded face for family/weight/italic (loads its bytes on first use). */
  resolve(family: string, weight: number, italic: boolean): LoadedFace {
    const cacheKey = `${family}\u0000${weight}\u0000${italic}`;
    let face = this.resolveCache.get(cacheKey);
    if (!face) {
      face = this.load(this.match(family, weight, italic).key);
      this.resolveCache.set(cacheKey, face);
    }
    return face;
  }

  /** Loads (once) and returns a face by key; throws a clear error when its bytes are unavailable. */
  load(key: string): LoadedFace {
    const done = this.loaded.get(key);
    if (done) return done;
    const info = this.faces.get(key);
    if (!info) throw new Error(`Font face ${key} is not declared in the font registry`);
    let bytes = this.pendingBytes.get(info.file) ?? null;
    if (!bytes && this.loader) bytes = this.loader(info.file);
    if (!bytes) throw new Error(`Font file ${info.file} (${info.family} ${info.weight}) has not been loaded`);
    this.pendingBytes.delete(info.file);
    const font = parseFont(bytes, info.file);
    const face: LoadedFace = {
      ...info,
      bytes,
      font,
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascender / font.unitsPerEm,
      descent: -font.descender / font.unitsPerEm,
    };
    this.loaded.set(key, face);
    return face;
  }

  /** Whether the face has a glyph for the code point. */
  hasGlyph(face: LoadedFace, codePoint: number): boolean {
    return face.font.glyphFor(codePoint) !== 0;
  }

  /**
   * Faces to try after `face` for a missing glyph: the same weight and
   * style in each fallback family. Faces whose bytes cannot be had are skipped.
   */
  fallbacksFor(face: LoadedFace): LoadedFace[] {
    let list = this.fallbackCache.get(face.key);
    if (!list) {
      list = [];
      let complete = true;
      for (const family of this.fallbackFamilies) {
        if (!this.familyName(family)) continue;
        const info = this.match(family, face.weight, face.italic);
        if (info.key === face.key || list.some((f) => f.key === info.key)) continue;
        try {
          list.push(this.load(info.key));
        } catch {
          // A fallback whose file the host did not supply is not tried now; asked again next time.
          complete = false;
        }
      }
      if (complete) this.fallbackCache.set(face.key, list);
    }
    return list;
  }

  /** The display list's description of a face. */
  faceRef(key: string): FontFaceRef {
    const face = this.load(key);
    return {
      key: face.key,
      family: face.family,
      weight: face.weight,
      italic: face.italic,
      file: face.file,
      unitsPerEm: face.unitsPerEm,
    };
  }
}
