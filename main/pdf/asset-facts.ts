/**
 * What preflight needs to know about asset files, read with sharp: whether
 * the bytes are there and decode, their pixel size and colour space.
 */
import sharp from 'sharp';
import type { AssetFacts } from '../../shared/preflight/types';
import type { AssetBytes, Edition, Id } from '../../shared/model/types';

export async function assetFacts(edition: Edition, bytes: AssetBytes): Promise<Record<Id, AssetFacts>> {
  const facts: Record<Id, AssetFacts> = {};
  for (const asset of Object.values(edition.assets)) {
    const data = bytes.get(asset.id);
    const recorded = { widthPx: asset.widthPx, heightPx: asset.heightPx, colorSpace: asset.colorSpace };
    if (!data || data.length === 0) {
      facts[asset.id] = { present: false, readable: false, ...recorded };
      continue;
    }
    try {
      const meta = await sharp(data).metadata();
      // Decoding (shrunk on load, so cheap) catches truncated files that still have a valid header.
      await sharp(data).resize(16).raw().toBuffer();
      facts[asset.id] = {
        present: true,
        readable: true,
        widthPx: meta.width ?? asset.widthPx,
        heightPx: meta.height ?? asset.heightPx,
        colorSpace:
          meta.space === 'cmyk' ? 'cmyk' : meta.space === 'b-w' || meta.channels === 1 ? 'gray' : 'rgb',
      };
    } catch (error) {
      const problem = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      facts[asset.id] = { present: true, readable: false, problem, ...recorded };
    }
  }
  return facts;
}
