/**
 * .folio files on disk. Saving is atomic and keeps one backup; reading
 * never writes and reports any problem as one FolioFileError naming the file.
 *
 * Save, step by step (so that at every instant `<name>.folio` is either the
 * complete old file or the complete new one):
 *  1. pack and validate in memory, and read the bytes back (a file we could
 *     not open again is never written);
 *  2. write them to `.<name>.folio.<random>.tmp` in the same folder and fsync;
 *  3. if `<name>.folio` exists, make it the backup `<name>.folio.bak` (a hard
 *     link `.<name>.folio.bak.<random>.tmp` renamed into place; a copy where
 *     links are not supported);
 *  4. rename the temporary file over `<name>.folio` and fsync the folder.
 */
import { constants } from 'node:fs';
import { copyFile, link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { FolioFileError } from '../../shared/model/package/errors';
import { nodeZipCodec } from './node-zip-codec';
import {
  FOLIO_LIMITS,
  type UnpackedFolio,
  packFolio,
  unpackFolio,
} from '../../shared/model/package/folio-package';

/** The backup of the previous version, kept beside the file. */
export const backupPathOf = (path: string): string => `${path}.bak`;

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a .folio file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return e?.message?.split('\n')[0] ?? String(error);
  }
}

/**
 * Reads a .folio file: its edition (migrated and validated) and asset bytes.
 * Opens the file read-only and never writes to it.
 */
export async function readFolio(path: string): Promise<UnpackedFolio> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FolioFileError(path, 'unreadable', 'is not a regular file');
    if (info.size > FOLIO_LIMITS.maxTotalBytes) {
      throw new FolioFileError(
        path,
        'too-large',
        `the file is ${info.size} bytes; at most ${FOLIO_LIMITS.maxTotalBytes} can be opened`,
      );
    }
    bytes = await readFile(path, { flag: 'r' });
  } catch (error) {
    if (error instanceof FolioFileError) throw error;
    const problem = (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'not-found' : 'unreadable';
    throw new FolioFileError(path, problem, `cannot read: ${describe(error)}`);
  }
  return unpackFolio(bytes, path, nodeZipCodec);
}

async function fsyncFolder(folder: string): Promise<void> {
  // Makes the rename durable; folders cannot be opened this way on Windows, where rename is durable enough.
  try {
    const handle = await open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported here */
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes the current file the backup, without ever leaving `path` missing. */
async function keepBackup(path: string): Promise<void> {
  const backup = backupPathOf(path);
  // Hidden like the save's own temporary file: a save killed at this step leaves nothing a user
  // sees beside the edition in a file dialog.
  const staging = join(dirname(backup), `.${basename(backup)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await link(path, staging);
  } catch {
    await copyFile(path, staging);
  }
  await rename(staging, backup);
}

/**
 * Saves an edition and its asset bytes to `path` atomically, keeping the
 * previous version as `<path>.bak`. Throws FolioFileError (and leaves the
 * existing file untouched) when the edition cannot be saved.
 */
export async function writeFolio(path: string, edition: Edition, assets: AssetBytes): Promise<void> {
  const bytes = packFolio(edition, assets, path);
  unpackFolio(bytes, path, nodeZipCodec); // the bytes we are about to write must open again
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await exists(path)) await keepBackup(path);
    await rename(temporary, path);
    await fsyncFolder(folder);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new FolioFileError(path, 'write-failed', `not saved: ${describe(error)}`);
  }
}
