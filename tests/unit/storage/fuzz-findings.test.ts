/**
 * Files the fuzz (npm run fuzz) found that crashed, hung or opened when
 * they must not. Each is refused with one clear message naming the file,
 * and quickly — or, for the last ones, opens as it must.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { FolioFileError, FOLIO_LIMITS, unpackFolio } from '../../../main/storage';
import { crc32 } from '../../../shared/model/package/crc32';
import { firstInvalidUtf8 } from '../../../shared/model/package/utf8';
import { writeZip, type RawEntry } from '../../fuzz/zip-writer';
import { sampleWithAssets } from './hostile-zips';
import { packFolio } from '../../../shared/model/package/folio-package';

const MiB = 1024 * 1024;
const { edition, assets } = sampleWithAssets(2000);
const editionJson = () => JSON.parse(JSON.stringify(edition)) as Record<string, unknown>;

/** A package of edition.json (as text or bytes, deflated) and the sample's photo, plus `extra` entries. */
function pack(json: string | Uint8Array, extra: RawEntry[] = []): Uint8Array {
  return writeZip([
    { name: 'mimetype', data: strToU8('application/vnd.folio+zip'), method: 0 },
    { name: 'edition.json', data: typeof json === 'string' ? strToU8(json) : json },
    { name: 'assets/as-1.jpg', data: assets.get('as-1')!, method: 0 },
    ...extra,
  ]);
}

function refusal(bytes: Uint8Array): FolioFileError {
  try {
    unpackFolio(bytes, 'found.folio');
  } catch (error) {
    expect(error).toBeInstanceOf(FolioFileError);
    const e = error as FolioFileError;
    expect(e.message).toBe(`found.folio: ${e.detail}`);
    expect(e.message).not.toMatch(/[\r\n]/);
    return e;
  }
  throw new Error('the file opened');
}

describe('deep nesting', () => {
  it('JSON nested 500 000 levels deep is refused before it is parsed, with its line and column', () => {
    const text = JSON.stringify(editionJson()).replace(
      '{',
      `{"notes":${'['.repeat(500_000)}${']'.repeat(500_000)},`,
    );
    const error = refusal(pack(text));
    expect(error.problem).toBe('invalid-edition');
    expect(error.detail).toBe(
      'edition.json nests more than 64 levels deep (at line 1, column 73); an edition never nests like this',
    );
  });

  it('Slate elements nested inside a paragraph 20 000 deep do not overflow the stack', () => {
    const element = `${'{"type":"body","children":['.repeat(20_000)}{"text":"深"}${']}'.repeat(20_000)}`;
    const text = JSON.stringify(editionJson()).replace(
      '"stories":{',
      `"stories":{"st-deep":{"id":"st-deep","name":"d","blocks":[${element}],"thread":[]},`,
    );
    expect(refusal(pack(text)).detail).toMatch(
      /^edition\.json nests more than 64 levels deep \(at line 1, column \d+\)/,
    );
  });
});

describe('text that is not UTF-8', () => {
  it('is refused with the offset and line of the bad bytes, not opened with the text quietly changed', () => {
    const text = JSON.stringify(editionJson(), null, 1);
    const at = text.indexOf('周口晚报');
    const bytes = strToU8(text);
    const offset = strToU8(text.slice(0, at)).length;
    const damaged = new Uint8Array([...bytes.subarray(0, offset), 0xc0, 0xaf, ...bytes.subarray(offset)]);
    const line = text.slice(0, at).split('\n').length;
    expect(refusal(pack(damaged)).detail).toBe(
      `edition.json is not valid UTF-8 text: the bytes at offset ${offset} (line ${line}) are not UTF-8: c0 af e5 91`,
    );
  });

  it('says so when edition.json was saved as UTF-16', () => {
    const text = JSON.stringify(editionJson());
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    expect(refusal(pack(utf16)).detail).toBe(
      'edition.json is not valid UTF-8 text: it is UTF-16 text; Folio reads edition.json as UTF-8',
    );
  });

  it('accepts every well-formed sequence and finds each ill-formed one', () => {
    expect(firstInvalidUtf8(strToU8('a é 周 😀'))).toBe(-1);
    const bad: number[][] = [
      [0xff],
      [0x80],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe4, 0xb8],
    ];
    for (const sequence of bad) expect(firstInvalidUtf8(new Uint8Array([0x61, ...sequence]))).toBe(1);
  });
});

describe('zip bombs that tell the truth about their sizes', () => {
  const zeros = new Uint8Array(64 * MiB);
  const bomb = { raw: deflateSync(zeros, { level: 9 }), crc: crc32(zeros) };

  /** edition.json listing `count` TIFF photos of 64 MiB whose entries are deflated zeros. */
  function photosOfZeros(count: number, shared: boolean): Uint8Array {
    const json = editionJson() as { assets: Record<string, unknown> };
    const extra: RawEntry[] = [];
    for (let i = 0; i < count; i++) {
      const path = `assets/bomb-${i}.tif`;
      json.assets[`as-b${i}`] = {
        id: `as-b${i}`,
        name: `b${i}.tif`,
        path,
        mime: 'image/tiff',
        widthPx: 4096,
        heightPx: 4096,
        colorSpace: 'rgb',
        byteLength: 64 * MiB,
      };
      extra.push({
        name: path,
        data: new Uint8Array(0),
        size: 64 * MiB,
        crc: bomb.crc,
        ...(shared && i > 0 ? { sharesDataOf: 3 } : { raw: bomb.raw }),
      });
    }
    return pack(JSON.stringify(json), extra);
  }

  it('thirty photos of deflated zeros (2 GB from 2 MB) are refused before anything is inflated', () => {
    const error = refusal(photosOfZeros(30, false));
    expect(error.problem).toBe('too-large');
    expect(error.detail).toMatch(
      /^the compressed entries would inflate to over \d+ bytes from \d+, far more than an edition needs \(a zip bomb\); refusing to unpack$/,
    );
  });

  it('directory entries that share one bomb’s bytes are refused the same way', () => {
    expect(refusal(photosOfZeros(30, true)).problem).toBe('too-large');
  });

  it('one photo of 64 MiB of zeros is refused too: no photo compresses a thousand to one', () => {
    expect(refusal(photosOfZeros(1, false)).problem).toBe('too-large');
  });

  it('a package another zip tool re-wrote with every entry deflated still opens', () => {
    const json = JSON.stringify(edition);
    const rezipped = writeZip([
      { name: 'mimetype', data: strToU8('application/vnd.folio+zip') },
      { name: 'edition.json', data: strToU8(json) },
      { name: 'assets/as-1.jpg', data: assets.get('as-1')! },
    ]);
    expect(unpackFolio(rezipped, 'rezipped.folio').edition).toEqual(edition);
  });
});

describe('limits', () => {
  it('edition.json may declare at most 16 MiB', () => {
    const entry: RawEntry = {
      name: 'edition.json',
      data: strToU8(JSON.stringify(edition)),
      method: 0,
      size: 17 * MiB,
    };
    const bytes = writeZip([
      { name: 'mimetype', data: strToU8('application/vnd.folio+zip'), method: 0 },
      entry,
    ]);
    expect(FOLIO_LIMITS.maxEditionJsonBytes).toBe(16 * MiB);
    expect(refusal(bytes).detail).toBe(
      `edition.json declares ${17 * MiB} bytes; at most ${16 * MiB} are allowed`,
    );
  });

  it('a photo whose entry cannot be the one edition.json describes is not inflated to find out', () => {
    const json = editionJson() as { assets: Record<string, { byteLength: number }> };
    json.assets['as-1'].byteLength = 10;
    expect(refusal(pack(JSON.stringify(json))).detail).toBe(
      'asset "as-1" (photo.jpg): assets/as-1.jpg holds 2000 bytes, edition.json says 10',
    );
  });
});

describe('huge counts', () => {
  it('a basedOn chain of 20 000 styles opens (each style walked once, not the chain again for each)', () => {
    const json = editionJson() as {
      styles: { paragraph: Record<string, { id: string; basedOn: string | null; name: string }> };
    };
    const body = Object.values(json.styles.paragraph)[0];
    for (let i = 0; i < 20_000; i++)
      json.styles.paragraph[`ps-c${i}`] = {
        ...body,
        id: `ps-c${i}`,
        name: `c${i}`,
        basedOn: i ? `ps-c${i - 1}` : body.id,
      };
    expect(
      Object.keys(unpackFolio(pack(JSON.stringify(json)), 'chain.folio').edition.styles.paragraph),
    ).toHaveLength(Object.keys(json.styles.paragraph).length);
  });

  it('a paragraph of 300 000 text runs of the wrong type gives one line, not a stack overflow', () => {
    const json = editionJson() as { stories: Record<string, { blocks: unknown[] }> };
    json.stories['st-lead'].blocks = [
      { type: 'body', children: Array.from({ length: 300_000 }, () => ({ text: 1 })) },
    ];
    const error = refusal(pack(JSON.stringify(json)));
    expect(error.detail).toMatch(
      /^edition\.json is not a valid edition: stories\["st-lead"\]\.blocks\[0\]\.children\[0\]\.text: Invalid input: expected string, received number; stories\["st-lead"\]\.blocks\[0\]\.children\[1\]\.text: Invalid input: expected string, received number \(and at least \d{3,4} more\)$/,
    );
  });

  it('a message lists only as many problems as fit in a line', () => {
    const json = editionJson() as { stories: Record<string, { blocks: { type: string }[] }> };
    for (const block of json.stories['st-lead'].blocks) block.type = 'nonsense';
    const error = refusal(pack(JSON.stringify(json)));
    expect(error.detail.length).toBeLessThan(400);
    expect(error.detail).toMatch(
      /^edition\.json is not a valid edition: stories\["st-lead"\]\.blocks\[0\]\.type: Invalid option: expected one of .*… \(and \d+ more\)$/,
    );
  });
});

it('the sample with its photo still packs and opens', () => {
  expect(unpackFolio(packFolio(edition, assets), 'sample.folio').edition).toEqual(edition);
});
