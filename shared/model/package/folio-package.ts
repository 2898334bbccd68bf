/**
 * The .folio package in bytes: a zip holding `mimetype` (first, stored, so
 * a file can be recognised by its opening bytes), `edition.json` and
 * `assets/<file>` (the original image files, stored as they are). Pure:
 * works in the browser host, the main process and tests alike; files on
 * disk are main/storage's job.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { AssetBytes, Edition } from '../types';
import { loadEdition } from '../load';
import { MAX_NESTING, summarizeIssues, validateEdition } from '../validate';
import { FolioFileError } from './errors';
import { jsonErrorOffset, jsonNestingOffset } from './json-error';
import { describeInvalidUtf8, firstInvalidUtf8 } from './utf8';
import {
  type ZipCodec,
  type ZipLimits,
  ZipProblem,
  readZipDirectory,
  readZipEntry,
  zipDirectoryOffset,
} from './zip-reader';

export const FOLIO_MIME_TYPE = 'application/vnd.folio+zip';
export const EDITION_ENTRY = 'edition.json';
export const MIMETYPE_ENTRY = 'mimetype';

/** Limits on what a package may hold; generous for a newspaper edition, fatal for a zip bomb. */
export const FOLIO_LIMITS: ZipLimits & { maxEditionJsonBytes: number } = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024 - 1,
  // Folio stores photos as they are and deflates only edition.json; another zip tool may deflate
  // the photos too, which shrinks them little. 8:1 beyond 32 MiB is far past both.
  maxInflatedBytes: 32 * 1024 * 1024,
  maxInflateRatio: 8,
  // A 100-page broadsheet edition is about 5 MB of JSON. Parsing and validating run at some
  // 30 MB/s, so the limit also keeps the worst file a second's work.
  maxEditionJsonBytes: 16 * 1024 * 1024,
};

// Fixed entry times keep packing deterministic: the same edition gives the same bytes.
const ENTRY_TIME = new Date(2000, 0, 1);

export interface UnpackedFolio {
  edition: Edition;
  /** Asset bytes by asset id. */
  assets: AssetBytes;
  /** The schema version the file was written in, and the migration steps applied to it. */
  migratedFrom: number;
  migrations: string[];
}

/**
 * Packs an edition and its asset bytes into .folio bytes. Refuses (with a
 * FolioFileError naming `file`) an edition that is invalid or whose asset
 * bytes are missing or of the wrong length, so a saved file always opens.
 */
export function packFolio(edition: Edition, assets: AssetBytes, file = 'edition.folio'): Uint8Array {
  const valid = validateEdition(edition);
  if (!valid.ok) {
    throw new FolioFileError(
      file,
      'invalid-edition',
      `not saved: the edition is invalid: ${summarizeIssues(valid.issues)}`,
    );
  }
  const entries: Zippable = {
    [MIMETYPE_ENTRY]: [strToU8(FOLIO_MIME_TYPE), { level: 0, mtime: ENTRY_TIME }],
    [EDITION_ENTRY]: [strToU8(JSON.stringify(edition, null, 1)), { level: 6, mtime: ENTRY_TIME }],
  };
  for (const asset of Object.values(edition.assets)) {
    const bytes = assets.get(asset.id);
    if (!bytes) {
      throw new FolioFileError(
        file,
        'missing-asset',
        `not saved: the bytes of asset "${asset.id}" (${asset.name}) are missing`,
      );
    }
    if (bytes.length !== asset.byteLength) {
      throw new FolioFileError(
        file,
        'missing-asset',
        `not saved: asset "${asset.id}" (${asset.name}) has ${bytes.length} bytes but its byteLength says ${asset.byteLength}`,
      );
    }
    // Images are already compressed: store them as they are.
    entries[asset.path] = [bytes, { level: 0, mtime: ENTRY_TIME }];
  }
  return zipSync(entries);
}

/** Line and column of a character offset in text, both from 1. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(text);
    const where =
      offset < 0
        ? ''
        : offset >= text.length
          ? ` (it ends early, at ${lineAndColumn(text, text.length)})`
          : ` at ${lineAndColumn(text, offset)}`;
    throw new FolioFileError(
      file,
      'bad-json',
      `edition.json is not valid JSON${where}: ${message.split('\n')[0]}`,
    );
  }
}

/**
 * Reads .folio bytes into an edition and its asset bytes: checks the zip
 * (names, sizes, checksums), migrates and validates edition.json, and
 * checks every asset's bytes are present. Never returns a partial result;
 * every problem is a FolioFileError that names `file`. A host may lend its
 * native zlib as `codec` (the same checks, faster).
 */
export function unpackFolio(bytes: Uint8Array, file = 'edition.folio', codec?: ZipCodec): UnpackedFolio {
  try {
    return unpack(bytes, file, codec);
  } catch (error) {
    if (error instanceof FolioFileError) throw error;
    if (error instanceof ZipProblem) throw new FolioFileError(file, error.kind, error.message);
    // Anything else is damage the checks above did not foresee: still one clear error.
    throw new FolioFileError(
      file,
      'corrupt-entry',
      `the package is damaged (${(error as Error)?.message ?? String(error)})`,
    );
  }
}

/** Strict: throws on any byte that is not well-formed UTF-8 (the fast check; utf8.ts says where). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function unpack(bytes: Uint8Array, file: string, codec: ZipCodec | undefined): UnpackedFolio {
  const entries = readZipDirectory(bytes, FOLIO_LIMITS);
  const directoryOffset = zipDirectoryOffset(bytes);
  const byName = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    if (byName.has(entry.name))
      throw new FolioFileError(file, 'unsafe-entry', `entry "${entry.name}" appears twice in the package`);
    byName.set(entry.name, entry);
  }
  const editionEntry = byName.get(EDITION_ENTRY);
  if (!editionEntry) {
    throw new FolioFileError(file, 'missing-edition', 'not a Folio file: the package has no edition.json');
  }
  if (editionEntry.size > FOLIO_LIMITS.maxEditionJsonBytes) {
    throw new FolioFileError(
      file,
      'too-large',
      `edition.json declares ${editionEntry.size} bytes; at most ${FOLIO_LIMITS.maxEditionJsonBytes} are allowed`,
    );
  }
  const json = readZipEntry(bytes, editionEntry, directoryOffset, codec);
  let text: string;
  try {
    // Drops a BOM some editors add, as JSON.parse would not.
    text = STRICT_UTF8.decode(json);
  } catch {
    const invalid = firstInvalidUtf8(json);
    throw new FolioFileError(
      file,
      'bad-json',
      `edition.json is not valid UTF-8 text: ${describeInvalidUtf8(json, Math.max(0, invalid))}`,
    );
  }
  const deep = jsonNestingOffset(json, MAX_NESTING);
  if (deep >= 0) {
    const before = strFromU8(json.subarray(0, deep));
    throw new FolioFileError(
      file,
      'invalid-edition',
      `edition.json nests more than ${MAX_NESTING} levels deep (at ${lineAndColumn(before, before.length)}); an edition never nests like this`,
    );
  }
  const loaded = loadEdition(parseJson(text, file));
  if (!loaded.ok) {
    if (loaded.kind === 'version') {
      const problem = loaded.reason === 'too-new' ? 'version-too-new' : 'invalid-edition';
      throw new FolioFileError(file, problem, loaded.message);
    }
    throw new FolioFileError(
      file,
      'invalid-edition',
      `edition.json is not a valid edition: ${summarizeIssues(loaded.issues)}`,
    );
  }
  const assets: AssetBytes = new Map();
  for (const asset of Object.values(loaded.edition.assets)) {
    const entry = byName.get(asset.path);
    if (!entry) {
      throw new FolioFileError(
        file,
        'missing-asset',
        `asset "${asset.id}" (${asset.name}): ${asset.path} is missing from the package`,
      );
    }
    // Compared before inflating: a photo that cannot be the one described is not unpacked at all.
    if (entry.size !== asset.byteLength) {
      throw new FolioFileError(
        file,
        'missing-asset',
        `asset "${asset.id}" (${asset.name}): ${asset.path} holds ${entry.size} bytes, edition.json says ${asset.byteLength}`,
      );
    }
    const data = readZipEntry(bytes, entry, directoryOffset, codec);
    assets.set(asset.id, data);
  }
  return { edition: loaded.edition, assets, migratedFrom: loaded.migratedFrom, migrations: loaded.applied };
}
