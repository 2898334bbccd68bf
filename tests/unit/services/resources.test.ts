import { describe, expect, it } from 'vitest';
import { DocumentRegistry } from '../../../main/services/documents';
import { bundledFontFolders, ResourceResolver } from '../../../main/services/resources';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

describe('fonts, WASM and assets are served by name only', () => {
  const documents = new DocumentRegistry();
  const edition = fixtureEdition();
  edition.assets['photo'] = {
    id: 'photo',
    name: 'p.png',
    path: 'assets/p.png',
    mime: 'image/png',
    widthPx: 1,
    heightPx: 1,
    colorSpace: 'rgb',
    byteLength: 3,
  };
  const record = documents.add(edition, new Map([['photo', new Uint8Array([1, 2, 3])]]), null);
  const resources = new ResourceResolver(bundledFontFolders(), documents);

  it('serves a bundled font file and the shaper WASM', async () => {
    const font = await resources.resolve('fonts/NotoSerifSC_400Regular.ttf');
    expect(font?.contentType).toBe('font/ttf');
    expect(font!.bytes.byteLength).toBeGreaterThan(1_000_000);
    const wasm = await resources.resolve('wasm/harfbuzz.wasm');
    expect(Array.from(wasm!.bytes.slice(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('serves an open document’s asset', async () => {
    const asset = await resources.resolve(`assets/${record.id}/photo`);
    expect(Array.from(asset!.bytes)).toEqual([1, 2, 3]);
    expect(asset!.contentType).toBe('image/png');
  });

  it('refuses traversal, encoded traversal, absolute paths and unknown names', async () => {
    for (const path of [
      'fonts/../package.json',
      'fonts/..%2F..%2Fpackage.json',
      'fonts/%2e%2e/package.json',
      'fonts//etc/passwd',
      'fonts/NotoSerifSC_400Regular.ttf.png',
      'fonts/..\\..\\package.json',
      'assets/../../package.json',
      `assets/${record.id}/../photo`,
      `assets/${record.id}/nope`,
      'assets/unknown-doc/photo',
      'wasm/../../package.json',
      'wasm/harfbuzz-subset.wasm',
      '../package.json',
      'fonts/%E0%A4%A',
    ]) {
      expect(await resources.resolve(path), path).toBeNull();
    }
  });
});
