import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentRegistry } from '../../../main/services/documents';
import { bundledFontFolders, ResourceResolver } from '../../../main/services/resources';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

describe('fonts, WASM and assets are served by name only', () => {
  const documents = new DocumentRegistry();
  const edition = fixtureEdition();
  const asset = (id: string, mime: 'image/jpeg' | 'image/png' | 'image/tiff') => ({
    id,
    name: id,
    path: `assets/${id}`,
    mime,
    widthPx: 3000,
    heightPx: 2000,
    colorSpace: 'rgb' as const,
    byteLength: 0,
  });
  edition.assets['photo'] = asset('photo', 'image/jpeg');
  edition.assets['logo'] = asset('logo', 'image/png');
  edition.assets['scan'] = asset('scan', 'image/tiff');
  edition.assets['broken'] = asset('broken', 'image/png');
  let record: ReturnType<DocumentRegistry['add']>;
  const resources = new ResourceResolver(bundledFontFolders(), documents);
  beforeAll(async () => {
    const canvas = { width: 3000, height: 2000, channels: 3 as const, background: '#c03020' };
    const photo = await sharp({ create: canvas }).jpeg().toBuffer();
    const logo = await sharp({
      create: { ...canvas, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const scan = await sharp({ create: canvas }).tiff().toBuffer();
    record = documents.add(
      edition,
      new Map([
        ['photo', new Uint8Array(photo)],
        ['logo', new Uint8Array(logo)],
        ['scan', new Uint8Array(scan)],
        ['broken', new Uint8Array([1, 2, 3])],
      ]),
      null,
    );
  });

  it('serves a bundled font file and the shaper WASM', async () => {
    const font = await resources.resolve('fonts/NotoSerifSC_400Regular.ttf');
    expect(font?.contentType).toBe('font/ttf');
    expect(font!.bytes.byteLength).toBeGreaterThan(1_000_000);
    const wasm = await resources.resolve('wasm/harfbuzz.wasm');
    expect(Array.from(wasm!.bytes.slice(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('serves an open document’s photo as a screen preview no wider than asked, never the original', async () => {
    const preview = await resources.resolve(`assets/${record.id}/photo`, new URLSearchParams('w=724'));
    expect(preview?.contentType).toBe('image/jpeg');
    const meta = await sharp(preview!.bytes).metadata();
    expect(meta.width).toBe(724);
    expect(meta.height).toBe(483);
    // Without a width: the default preview, still not the 3000 px original.
    const plain = await sharp((await resources.resolve(`assets/${record.id}/photo`))!.bytes).metadata();
    expect(plain.width).toBeLessThan(3000);
    // Never enlarged.
    const big = await resources.resolve(`assets/${record.id}/photo`, new URLSearchParams('w=8192'));
    expect((await sharp(big!.bytes).metadata()).width).toBe(3000);
  });

  it('keeps transparency as PNG, turns a TIFF into a JPEG the browser can show, and refuses an unreadable image', async () => {
    const logo = await resources.resolve(`assets/${record.id}/logo`, new URLSearchParams('w=100'));
    expect(logo?.contentType).toBe('image/png');
    expect((await sharp(logo!.bytes).metadata()).hasAlpha).toBe(true);
    const scan = await resources.resolve(`assets/${record.id}/scan`, new URLSearchParams('w=100'));
    expect(scan?.contentType).toBe('image/jpeg');
    expect(await resources.resolve(`assets/${record.id}/broken`, new URLSearchParams('w=100'))).toBeNull();
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
