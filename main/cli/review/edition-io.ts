/**
 * Reading and writing editions for the proofreading commands (round, diff,
 * notes, changes, signoff): every problem with a file becomes one UserError
 * line; a write goes through the atomic save, so on a mistake the file is
 * as it was.
 */
import { userInfo } from 'node:os';
import { UserError } from '../command';
import { checkOutputFolder, resolveFrom } from '../../import/cli-options';
import { readFolio, writeFolio, FolioFileError } from '../../storage';
import type { AssetBytes, Edition, Stamp } from '../../../shared/model/types';
import { makeStamp } from '../../../shared/review';

export interface LoadedEdition {
  path: string;
  edition: Edition;
  assets: AssetBytes;
}

export async function loadFolio(cwd: string, file: string): Promise<LoadedEdition> {
  const path = resolveFrom(cwd, file);
  try {
    const { edition, assets } = await readFolio(path);
    return { path, edition, assets };
  } catch (error) {
    if (error instanceof FolioFileError) throw new UserError(error.message);
    throw error;
  }
}

export async function saveFolio(path: string, edition: Edition, assets: AssetBytes): Promise<void> {
  await checkOutputFolder(path);
  try {
    await writeFolio(path, edition, assets);
  } catch (error) {
    if (error instanceof FolioFileError) throw new UserError(error.message);
    throw error;
  }
}

/** The colour of changes, notes and sign-offs made from the command line. */
export const CLI_COLOR = '#c0392b';

/** Who does it: --as NAME, else the system user name. */
export function cliStamp(as: string | undefined): Stamp {
  if (as !== undefined && !as.trim()) throw new UserError('--as needs a name (who does it)');
  let name = as?.trim();
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'folio';
    }
  }
  return makeStamp({ name: name || 'folio', color: CLI_COLOR });
}
