/**
 * The catalogue of damaged and hostile .folio files, and the case builder:
 * case `index` of a run with `seed` always makes the same file, whatever
 * other cases the run makes.
 */
import { badAssetBytes } from './asset-damage';
import type { BaseEdition } from './bases';
import { bitFlipped, notAPackage, overwritten, spliced, truncated } from './byte-damage';
import type { Damage, Expectation } from './damage';
import { hugeCounts } from './huge-counts';
import {
  brokenReferences,
  brokenSyntax,
  deepNesting,
  invalidUtf8,
  oddValues,
  schemaVersions,
  wrongTypes,
} from './json-damage';
import { Random } from './random';
import {
  declaredBomb,
  duplicateEntries,
  inflatingBomb,
  lyingEntryCount,
  noEdition,
  oddCompression,
  unsafeEntryName,
} from './zip-damage';

type Maker = (r: Random, base: BaseEdition) => Damage;

/** Each kind of damage, and how often it comes up (per 100 files). */
export const DAMAGE_KINDS: readonly (readonly [string, Maker, number])[] = [
  ['truncated', truncated, 8],
  ['bit-flipped', bitFlipped, 12],
  ['overwritten', overwritten, 5],
  ['bytes lost or added', spliced, 5],
  ['not a package', notAPackage, 2],
  ['unsafe entry name', unsafeEntryName, 6],
  ['duplicate entries', duplicateEntries, 3],
  ['lying entry count', lyingEntryCount, 3],
  ['zip bomb (declared sizes)', declaredBomb, 4],
  ['zip bomb (real inflation)', inflatingBomb, 2],
  ['unsupported compression', oddCompression, 3],
  ['no edition', noEdition, 2],
  ['wrong JSON types', wrongTypes, 10],
  ['odd JSON values', oddValues, 5],
  ['broken JSON syntax', brokenSyntax, 5],
  ['invalid UTF-8', invalidUtf8, 4],
  ['deep nesting', deepNesting, 4],
  ['huge counts', hugeCounts, 3],
  ['schema versions', schemaVersions, 2],
  ['broken references', brokenReferences, 4],
  ['bad asset bytes', badAssetBytes, 8],
];

export interface FuzzCase {
  index: number;
  kind: string;
  variant: string;
  base: BaseEdition['name'];
  fileName: string;
  bytes: Uint8Array;
  expect: Expectation;
}

/** File names a user really has: spaces, Chinese, quotes, another case of extension. */
const NAMES = [
  'front page.folio',
  '第3版 要闻.folio',
  'it\'s "A1".folio',
  'EDITION.FOLIO',
  'a.folio',
  '周口晚报-2022-12-21.folio',
];

export function makeCase(bases: readonly BaseEdition[], seed: number, index: number): FuzzCase {
  const r = Random.forCase(seed, index);
  const [kind, maker] = r.weighted(
    DAMAGE_KINDS.map(([name, make, weight]) => [[name, make] as const, weight] as const),
  );
  const base = r.weighted(
    bases.map((b) => [b, b.name === 'sample' ? 3 : b.name === 'small' ? 5 : 1] as const),
  );
  const damage = maker(r, base);
  const fileName = `${index}-${r.pick(NAMES)}`;
  return {
    index,
    kind,
    variant: damage.variant,
    base: base.name,
    fileName,
    bytes: damage.bytes,
    expect: damage.expect,
  };
}
