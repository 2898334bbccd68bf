/**
 * Reads a .folio package for the CLI through the storage module
 * (main/storage readFolio, built by the storage helper). Looked up at run
 * time so this file compiles before storage lands; any failure to read
 * becomes one line naming the file.
 */
import type { AssetBytes, Edition } from '../../shared/model/types';

export class FolioReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolioReadError';
  }
}

export async function loadFolio(path: string): Promise<{ edition: Edition; assets: AssetBytes }> {
  let readFolio: (path: string) => Promise<unknown>;
  try {
    const storage = (await import(/* @vite-ignore */ `${'../storage'}/index.ts`)) as {
      readFolio?: typeof readFolio;
    };
    if (typeof storage.readFolio !== 'function') throw new Error('main/storage has no readFolio()');
    readFolio = storage.readFolio;
  } catch (error) {
    throw new Error(`cannot read .folio files in this build: ${firstLine(error)}`);
  }
  let loaded: unknown;
  try {
    loaded = await readFolio(path);
  } catch (error) {
    const message = firstLine(error);
    throw new FolioReadError(message.includes(path) ? message : `${path}: ${message}`);
  }
  const record = loaded as { edition?: Edition; assets?: AssetBytes | Record<string, Uint8Array> };
  if (!record?.edition) return { edition: loaded as Edition, assets: new Map() };
  const assets = record.assets instanceof Map ? record.assets : new Map(Object.entries(record.assets ?? {}));
  return { edition: record.edition, assets };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
