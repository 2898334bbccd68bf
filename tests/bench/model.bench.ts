/**
 * The model's hot paths, as ratios against baselines measured in the same run:
 *  - one keystroke (insert_text through applyOperation) on a 24-page edition,
 *    against deep-copying that edition (what a naive immutable update costs);
 *  - resolving a paragraph's style (memoised) against resolving it afresh;
 *  - validating the edition against JSON.parse of its text;
 *  - packing and unpacking a .folio with 20 MB of photos against plain
 *    fflate zip/unzip of the same entries.
 */
import { unzipSync, zipSync, strToU8 } from 'fflate';
import type { Bench, BenchResult } from './bench';
import { medianMs } from './timing';
import { createEmptyEdition } from '../../shared/model/defaults';
import { createBlock, createImageFrame, createStory, createTextFrame } from '../../shared/model/factories';
import { sequentialIds } from '../../shared/model/ids';
import { applyOperation } from '../../shared/model/operations';
import { resolveParagraphStyle, resolveParagraphStyleById } from '../../shared/model/styles';
import { validateEdition } from '../../shared/model/validate';
import { packFolio, unpackFolio } from '../../shared/model/package/folio-package';
import type { AssetBytes, Edition } from '../../shared/model/types';

/** A 24-page edition: 8 stories a page, each 20 paragraphs, two photos a page (1 MB... total 20 MB of bytes). */
function bigEdition(): { edition: Edition; assets: AssetBytes } {
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 24 });
  const assets: AssetBytes = new Map();
  const paragraph =
    '自三大百日行动开展以来,区经济发展提升百日行动领导小组闻令而动,制订实施方案,多措并举,确保行动落地见效。';
  edition.pages.forEach((page, p) => {
    for (let s = 0; s < 8; s++) {
      const frameId = `fr-${p}-${s}`;
      page.frames.push(
        createTextFrame(frameId, { x: 50, y: 80 + s * 100, width: 500, height: 90 }, { columns: 4 }),
      );
      const blocks = [
        createBlock('headline', `第${p}版 第${s}篇`),
        ...Array.from({ length: 20 }, () => createBlock('body', paragraph)),
      ];
      edition.stories[`st-${p}-${s}`] = createStory(`st-${p}-${s}`, `Story ${p}/${s}`, blocks, [frameId]);
    }
    if (p < 10) {
      for (let i = 0; i < 2; i++) {
        const id = `as-${p}-${i}`;
        const bytes = new Uint8Array(1024 * 1024).map((_, k) => (k * 2654435761 + p) >>> 24);
        assets.set(id, bytes);
        edition.assets[id] = {
          id,
          name: `${id}.jpg`,
          path: `assets/${id}.jpg`,
          mime: 'image/jpeg',
          widthPx: 2000,
          heightPx: 1500,
          colorSpace: 'rgb',
          byteLength: bytes.length,
        };
        page.frames.push(
          createImageFrame(
            `fr-img-${p}-${i}`,
            { x: 600, y: 80 + i * 300, width: 300, height: 200 },
            { assetId: id },
          ),
        );
      }
    }
  });
  return { edition, assets };
}

export const bench: Bench = {
  title: 'Edition model and .folio files',
  async run(): Promise<BenchResult[]> {
    const { edition, assets } = bigEdition();
    const results: BenchResult[] = [];

    let current = edition;
    let offset = 0;
    const keystroke = medianMs(() => {
      current = applyOperation(current, {
        type: 'insert_text',
        storyId: 'st-12-3',
        block: 5,
        offset: offset++ % 40,
        text: '新',
      }).edition;
    }, 2000);
    const deepCopy = medianMs(() => JSON.parse(JSON.stringify(edition)), 20);
    results.push({
      name: 'insert_text on a 24-page edition',
      value: keystroke * 1000,
      unit: 'µs',
      baseline: { name: 'deep copy of the edition', value: deepCopy * 1000 },
      goal: '≥ 100× faster than a deep copy',
      met: deepCopy / keystroke >= 100,
    });

    const block = { type: 'body' as const, styleId: 'ps-body' };
    const memoised = medianMs(() => {
      for (let i = 0; i < 1000; i++) resolveParagraphStyle(edition.styles, block);
    }, 50);
    const fresh = medianMs(() => {
      for (let i = 0; i < 1000; i++) resolveParagraphStyleById(edition.styles, 'ps-body');
    }, 50);
    results.push({
      name: '1000 paragraph style resolutions (memoised)',
      value: memoised * 1000,
      unit: 'µs',
      baseline: { name: 'resolved afresh each time', value: fresh * 1000 },
      goal: '≥ 5× faster than resolving afresh',
      met: fresh / memoised >= 5,
    });

    const text = JSON.stringify(edition);
    const validate = medianMs(() => validateEdition(edition), 10);
    const parse = medianMs(() => JSON.parse(text), 10);
    results.push({
      name: `validate a ${(text.length / 1e6).toFixed(1)} MB edition`,
      value: validate,
      unit: 'ms',
      baseline: { name: 'JSON.parse of its text', value: parse },
      goal: '≤ 10× JSON.parse',
      met: validate / parse <= 10,
    });

    const pack = medianMs(() => packFolio(edition, assets), 5);
    const packed = packFolio(edition, assets);
    const unpack = medianMs(() => unpackFolio(packed), 5);
    const entries = Object.fromEntries([
      ['edition.json', strToU8(JSON.stringify(edition, null, 1))],
      ...[...assets].map(([id, bytes]) => [`assets/${id}.jpg`, [bytes, { level: 0 }]]),
    ]);
    const plainZip = medianMs(() => zipSync(entries), 5);
    const zipped = zipSync(entries);
    const plainUnzip = medianMs(() => unzipSync(zipped), 5);
    results.push({
      name: 'pack a .folio (validate + zip, 20 MB photos)',
      value: pack,
      unit: 'ms',
      baseline: { name: 'fflate zipSync of the same entries', value: plainZip },
      goal: '≤ 3× plain zip',
      met: pack / plainZip <= 3,
    });
    results.push({
      name: 'unpack a .folio (checked zip, CRCs, migrate, validate)',
      value: unpack,
      unit: 'ms',
      baseline: { name: 'fflate unzipSync (no checks)', value: plainUnzip },
      goal: '≤ 5× plain unzip',
      met: unpack / plainUnzip <= 5,
    });
    return results;
  },
};
