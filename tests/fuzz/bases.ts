/**
 * The real editions the hostile files are made from: the built-in sample
 * (one broadsheet page, twelve stories, two JPEG photos), a small edition
 * with one photo, and a new empty edition. Each is packed exactly as Folio
 * saves it, so damage starts from the bytes a user really has.
 */
import { strFromU8, unzipSync } from 'fflate';
import { createEmptyEdition } from '../../shared/model/defaults';
import { sequentialIds } from '../../shared/model/ids';
import { packFolio } from '../../shared/model/package/folio-package';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { loadSampleEdition } from '../../main/sample';
import { sampleWithAssets } from '../unit/storage/hostile-zips';

export interface BaseEdition {
  name: 'sample' | 'small' | 'empty';
  edition: Edition;
  assets: AssetBytes;
  /** The package as Folio writes it. */
  bytes: Uint8Array;
  /** Its edition.json text (as packed: indented by one space). */
  json: string;
  /** The package's entries by name. */
  entries: Record<string, Uint8Array>;
}

function base(name: BaseEdition['name'], edition: Edition, assets: AssetBytes): BaseEdition {
  const bytes = packFolio(edition, assets, `${name}.folio`);
  const entries = unzipSync(bytes);
  return { name, edition, assets, bytes, json: strFromU8(entries['edition.json']), entries };
}

export async function loadBases(): Promise<BaseEdition[]> {
  const sample = await loadSampleEdition();
  const small = sampleWithAssets(3000);
  return [
    base('sample', sample.edition, sample.assets),
    base('small', small.edition, small.assets),
    base('empty', createEmptyEdition({ ids: sequentialIds() }), new Map()),
  ];
}
