import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { FolioFileError, backupPathOf, readFolio, unpackFolio, writeFolio } from '../../../main/storage';
import { SCHEMA_VERSION } from '../../../shared/model/types';
import { clone } from '../model/fixtures';
import {
  packageWithEdition,
  sampleWithAssets,
  validPackage,
  withDeclaredSize,
  withEntryCount,
  zipOf,
} from './hostile-zips';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'folio-storage-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes `bytes` as a file, reads it with readFolio, and returns the error
 * message; asserts the file is byte-for-byte unchanged and nothing was
 * created beside it.
 */
async function readDamaged(bytes: Uint8Array, name = 'damaged.folio'): Promise<FolioFileError> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  const before = sha(await readFile(path));
  const listing = (await readdir(folder)).sort();
  let caught: unknown;
  try {
    await readFolio(path);
  } catch (error) {
    caught = error;
  }
  expect(sha(await readFile(path))).toBe(before);
  expect((await readdir(folder)).sort()).toEqual(listing);
  expect(caught).toBeInstanceOf(FolioFileError);
  const error = caught as FolioFileError;
  expect(error.file).toBe(path);
  expect(error.message.startsWith(`${path}: `)).toBe(true);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('saving and opening a .folio file', () => {
  it('round-trips the edition and its asset bytes exactly', async () => {
    const { edition, assets } = sampleWithAssets(300_000);
    const path = join(folder, '周口晚报 2022-12-21.folio');
    await writeFolio(path, edition, assets);
    const loaded = await readFolio(path);
    expect(loaded.edition).toEqual(edition);
    expect(sha(loaded.assets.get('as-1')!)).toBe(sha(assets.get('as-1')!));
    expect(loaded.migratedFrom).toBe(SCHEMA_VERSION);
    expect(await readdir(folder)).toEqual(['周口晚报 2022-12-21.folio']); // no temporary files left
  });

  it('keeps the previous version as <name>.folio.bak', async () => {
    const { edition, assets } = sampleWithAssets();
    const path = join(folder, 'a.folio');
    await writeFolio(path, edition, assets);
    const second = clone(edition);
    second.meta.issueNumber = 7002;
    await writeFolio(path, second, assets);
    expect((await readFolio(path)).edition.meta.issueNumber).toBe(7002);
    expect((await readFolio(backupPathOf(path))).edition.meta.issueNumber).toBe(7001);
    expect((await readdir(folder)).sort()).toEqual(['a.folio', 'a.folio.bak']);
  });

  it('refuses to save an invalid edition or missing asset bytes, leaving the old file untouched', async () => {
    const { edition, assets } = sampleWithAssets();
    const path = join(folder, 'a.folio');
    await writeFolio(path, edition, assets);
    const before = sha(await readFile(path));
    const broken = clone(edition);
    broken.stories['st-lead'].thread.push('fr-photo');
    await expect(writeFolio(path, broken, assets)).rejects.toThrow(
      `${path}: not saved: the edition is invalid: stories["st-lead"].thread[2]: frame "fr-photo" is a image frame, not a text frame`,
    );
    await expect(writeFolio(path, edition, new Map())).rejects.toThrow(
      `${path}: not saved: the bytes of asset "as-1" (photo.jpg) are missing`,
    );
    expect(sha(await readFile(path))).toBe(before);
    expect(await readdir(folder)).toEqual(['a.folio']);
  });

  it('reports a save into a folder that does not exist', async () => {
    const { edition, assets } = sampleWithAssets();
    const path = join(folder, 'missing', 'a.folio');
    await expect(writeFolio(path, edition, assets)).rejects.toThrow(`${path}: not saved: file not found`);
  });

  it('packs the same edition to the same bytes, mimetype first', () => {
    const a = validPackage();
    expect(sha(a)).toBe(sha(validPackage()));
    expect(new TextDecoder().decode(a.subarray(30, 38))).toBe('mimetype');
    expect(unpackFolio(a, 'x.folio').edition.meta.paperName).toBe('周口晚报');
  });
});

describe('opening a damaged or hostile file gives one clear error and leaves the file unchanged', () => {
  const sample = () => clone(sampleWithAssets().edition);

  it('a missing file', async () => {
    const path = join(folder, 'nowhere.folio');
    await expect(readFolio(path)).rejects.toThrow(`${path}: cannot read: file not found`);
  });

  it('random bytes', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await readDamaged(random)).detail).toBe('not a Folio file (not a zip package)');
    expect((await readDamaged(new Uint8Array(0), 'empty.folio')).detail).toBe(
      'not a Folio file (too short to be a zip package)',
    );
  });

  it('a truncated file', async () => {
    const bytes = validPackage();
    const error = await readDamaged(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(error.problem).toBe('truncated');
    expect(error.detail).toBe('the file is truncated (the zip directory at its end is missing)');
  });

  it('entries that try to leave the package', async () => {
    const cases: [string, string][] = [
      ['../evil.sh', 'a ".." segment that leaves the package'],
      ['assets/../../evil.sh', 'a ".." segment that leaves the package'],
      ['/etc/passwd', 'an absolute path'],
      ['C:/Windows/evil.dll', 'a drive letter'],
      ['assets\\evil.jpg', 'a backslash'],
    ];
    for (const [name, why] of cases) {
      const error = await readDamaged(packageWithEdition(sample(), { [name]: 'x' }), 'hostile.folio');
      expect(error.problem).toBe('unsafe-entry');
      expect(error.detail).toBe(`entry ${JSON.stringify(name)} has ${why}; refusing to open it`);
      await rm(join(folder, 'hostile.folio'));
    }
  });

  it('an entry declaring a huge size (checked before inflating)', async () => {
    const huge = withDeclaredSize(validPackage(), 'edition.json', 3_000_000_000);
    expect((await readDamaged(huge)).detail).toBe(
      `entry "edition.json" declares 3000000000 bytes; at most ${512 * 1024 * 1024} are allowed`,
    );
  });

  it('a zip bomb that lies about its size', async () => {
    // 4 MiB of zeros deflate to a few KiB; the entry then claims to hold 1000 bytes.
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const lying = withDeclaredSize(zipSync({ 'edition.json': [zeros, { level: 1 }] }), 'edition.json', 1000);
    expect(lying.length).toBeLessThan(zeros.length / 100);
    const error = await readDamaged(lying);
    expect(error.detail).toBe('entry "edition.json" inflates to more than the 1000 bytes it declares');
  });

  it('too many entries', async () => {
    const error = await readDamaged(withEntryCount(validPackage(), 60_000));
    expect(error.detail).toBe('the package holds 60000 entries; at most 10000 are allowed');
  });

  it('no edition.json', async () => {
    expect((await readDamaged(zipOf({ mimetype: 'application/vnd.folio+zip' }))).detail).toBe(
      'not a Folio file: the package has no edition.json',
    );
  });

  it('edition.json that is not JSON, with the place of the error', async () => {
    const error = await readDamaged(packageWithEdition('{\n  "schemaVersion": 1,\n  "id": }'));
    expect(error.problem).toBe('bad-json');
    expect(error.detail).toMatch(/^edition\.json is not valid JSON at line 3, column 9: /);
    const cut = await readDamaged(packageWithEdition('{"schemaVersion": 1, "pages": ['), 'cut.folio');
    expect(cut.detail).toMatch(/^edition\.json is not valid JSON/);
  });

  it('edition.json from a newer Folio', async () => {
    const error = await readDamaged(packageWithEdition({ ...sample(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(error.problem).toBe('version-too-new');
    expect(error.detail).toBe(
      `written by a newer Folio (schema version ${SCHEMA_VERSION + 1}); this build reads versions up to ${SCHEMA_VERSION} — update Folio to open it`,
    );
  });

  it('edition.json that breaks the schema, naming the JSON path', async () => {
    const edition = sample();
    (edition.pages[0].frames[0] as { width: unknown }).width = -3;
    const error = await readDamaged(packageWithEdition(edition));
    expect(error.detail).toBe(
      'edition.json is not a valid edition: pages[0].frames[0].width: Too small: expected number to be >=0',
    );
  });

  it('an asset missing from the package', async () => {
    const error = await readDamaged(packageWithEdition(sample()));
    expect(error.detail).toBe('asset "as-1" (photo.jpg): assets/as-1.jpg is missing from the package');
  });

  it('asset bytes damaged inside the package (checksum)', async () => {
    const bytes = validPackage();
    const damaged = bytes.slice();
    damaged[bytes.length - 5000] ^= 0xff; // inside the stored photo, which is the last entry
    const error = await readDamaged(damaged);
    expect(error.detail).toBe('entry "assets/as-1.jpg" is damaged (its checksum does not match)');
  });

  it('a folder instead of a file', async () => {
    await expect(readFolio(folder)).rejects.toThrow(`${folder}: is not a regular file`);
  });
});
