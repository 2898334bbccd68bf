import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolioFileError, readFolio, unpackFolio } from '../../../main/storage';
import { validateEdition } from '../../../shared/model/validate';
import { jsonErrorOffset } from '../../../shared/model/package/json-error';
import { validPackage } from './hostile-zips';

const original = validPackage();

/** A kind of damage a disk, a mail gateway or a half-finished copy does to a file. */
const damageArb = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
);
type Damage = typeof damageArb extends fc.Arbitrary<infer T> ? T : never;

function damage(bytes: Uint8Array, hits: Damage[]): Uint8Array {
  let out = bytes.slice();
  for (const hit of hits) {
    const at = hit.at % Math.max(1, out.length);
    if (hit.kind === 'flip') out[at] ^= hit.bits;
    else if (hit.kind === 'truncate') out = out.slice(0, at);
    else if (hit.kind === 'overwrite') out.set(hit.bytes.subarray(0, out.length - at), at);
    else out = new Uint8Array([...out.subarray(0, at), ...hit.bytes, ...out.subarray(at)]);
  }
  return out;
}

/** Opens damaged bytes: either a valid edition or a FolioFileError, never anything else. */
function openOrExplain(bytes: Uint8Array): 'opened' | 'refused' {
  try {
    const { edition } = unpackFolio(bytes, 'damaged.folio');
    expect(validateEdition(edition).ok).toBe(true);
    return 'opened';
  } catch (error) {
    if (!(error instanceof FolioFileError)) throw error;
    expect(error.message.startsWith('damaged.folio: ')).toBe(true);
    expect(error.message).not.toContain('\n');
    return 'refused';
  }
}

describe('random damage to a .folio file', () => {
  it('never crashes the loader: the result is a valid edition or one FolioFileError', () => {
    const outcomes = { opened: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(damageArb, { minLength: 1, maxLength: 4 }), (hits) => {
        outcomes[openOrExplain(damage(original, hits))]++;
      }),
      { numRuns: 400, seed: 4242 },
    );
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  describe('on disk', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'folio-damage-'));
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('never changes the file it reads', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(damageArb, { minLength: 1, maxLength: 3 }), async (hits) => {
          const path = join(folder, 'damaged.folio');
          await writeFile(path, damage(original, hits));
          const before = createHash('sha256')
            .update(await readFile(path))
            .digest('hex');
          try {
            await readFolio(path);
          } catch (error) {
            if (!(error instanceof FolioFileError)) throw error;
          }
          expect(
            createHash('sha256')
              .update(await readFile(path))
              .digest('hex'),
          ).toBe(before);
          expect(await readdir(folder)).toEqual(['damaged.folio']);
        }),
        { numRuns: 60, seed: 99 },
      );
    });
  });
});

describe('locating a JSON syntax error', () => {
  it('finds the offset JSON.parse complains about', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "b')).toBe(8);
    expect(jsonErrorOffset('{"a": [true, nul]}')).toBe(16);
    expect(jsonErrorOffset('{"a": [1, {"b": "\\q"}]}')).toBe(18);
    expect(jsonErrorOffset('{"a": [1e5, -0.5, "\\u00e9"]}')).toBe(-1);
  });
});
