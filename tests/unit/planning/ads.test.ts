/**
 * Ads as the desk books them (columns × cm on the page's grid), placed as
 * locked frames of that size, and the preflight findings for an ad that is
 * missing from its page or placed at another size — in both languages.
 */
import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../shared/model/operations';
import type { Operation } from '../../../shared/model/ops/types';
import { sequentialIds } from '../../../shared/model/ids';
import { cmToPt, planOf } from '../../../shared/model/plan';
import type { Asset, Edition, ImageFrame } from '../../../shared/model/types';
import {
  adFitProblem,
  adRect,
  columnsWidth,
  sizeInColumns,
  typeAreaOf,
} from '../../../shared/planning/ad-geometry';
import { adFindings } from '../../../shared/planning/ad-preflight';
import { addSection, bookAd, placeAd, setPagePlan } from '../../../shared/planning/plan-edits';
import { findingText } from '../../../shared/preflight/finding-text';
import { plannedEdition } from '../../support/planned-edition';

const apply = (edition: Edition, ops: Operation[]) => applyOperations(edition, ops).edition;

const asset: Asset = {
  id: 'as-ad',
  name: 'bank.png',
  path: 'assets/bank.png',
  mime: 'image/png',
  widthPx: 1200,
  heightPx: 900,
  colorSpace: 'rgb',
  byteLength: 1000,
};

function withAd(columns = 4, heightCm = 10, anchor: 'bottom-right' | 'top-left' = 'bottom-right') {
  const ids = sequentialIds('t');
  let edition = plannedEdition(4, 0);
  const page = edition.pages[2];
  const { ops, adId } = bookAd(
    edition,
    { advertiser: '城市银行', pageId: page.id, columns, heightCm, anchor },
    ids,
  );
  edition = apply(edition, ops);
  return { edition, adId, page, ids };
}

describe('ad sizes on the page grid', () => {
  it('spans its columns and the gutters between them, and is as tall as booked', () => {
    const { edition, adId, page } = withAd(4, 10);
    const ad = planOf(edition).ads.find((a) => a.id === adId)!;
    const rect = adRect(page, ad);
    const area = typeAreaOf(page);
    const column = (area.width - (page.columns - 1) * page.gutter) / page.columns;
    expect(rect.width).toBeCloseTo(4 * column + 3 * page.gutter, 6);
    expect(rect.height).toBeCloseTo((10 / 2.54) * 72, 6);
    // Bottom right of the type area.
    expect(rect.x + rect.width).toBeCloseTo(area.x + area.width, 6);
    expect(rect.y + rect.height).toBeCloseTo(area.y + area.height, 6);
    expect(columnsWidth(page, page.columns)).toBeCloseTo(area.width, 6);
    expect(sizeInColumns(page, rect)).toEqual({ columns: 4, heightCm: 10 });
  });

  it('sits at the top left when booked there', () => {
    const { edition, adId, page } = withAd(2, 5, 'top-left');
    const rect = adRect(
      page,
      planOf(edition).ads.find((a) => a.id === adId)!,
    );
    expect([rect.x, rect.y]).toEqual([page.margins.left, page.margins.top]);
  });

  it('refuses an ad wider than the page or taller than its type area, saying by how much', () => {
    const page = plannedEdition(1, 0).pages[0];
    expect(adFitProblem(page, { columns: page.columns + 1, heightCm: 5 })).toEqual({
      key: 'ads.tooWide',
      values: { columns: page.columns + 1, max: page.columns },
    });
    expect(adFitProblem(page, { columns: 2, heightCm: 200 })?.key).toBe('ads.tooTall');
    expect(adFitProblem(page, { columns: 0, heightCm: 5 })?.key).toBe('ads.badSize');
    expect(adFitProblem(page, { columns: 2, heightCm: 5 })).toBeNull();
    const edition = plannedEdition(1, 0);
    expect(() =>
      bookAd(
        edition,
        { advertiser: 'X', pageId: page.id, columns: 99, heightCm: 5, anchor: 'top-left' },
        sequentialIds(),
      ),
    ).toThrow(/The ad is 99 columns wide; the page has 8/);
  });
});

describe('placing an ad', () => {
  it('puts a locked image frame of the booked size on its page with the material fitted, and undo takes it away', () => {
    const { edition, adId, page, ids } = withAd(4, 10);
    const { ops, frameId } = placeAd(edition, adId, asset, ids);
    const { edition: placed, inverse } = applyOperations(edition, ops);
    const frame = placed.pages[2].frames.find((f) => f.id === frameId) as ImageFrame;
    expect(frame.kind).toBe('image');
    expect(frame.locked).toBe(true);
    expect(frame.assetId).toBe(asset.id);
    const booked = adRect(page, planOf(placed).ads[0]);
    expect([frame.x, frame.y, frame.width, frame.height]).toEqual([
      booked.x,
      booked.y,
      booked.width,
      booked.height,
    ]);
    // Fitted: all of the material shows inside the frame.
    expect(frame.content.scale * asset.widthPx).toBeLessThanOrEqual(frame.width + 1e-6);
    expect(frame.content.scale * asset.heightPx).toBeLessThanOrEqual(frame.height + 1e-6);
    expect(planOf(placed).ads[0]).toMatchObject({ assetId: asset.id, frameId });
    expect(adFindings(placed)).toEqual([]);
    expect(applyOperations(placed, [inverse]).edition).toEqual(edition);
  });
});

describe('preflight of booked ads', () => {
  it('reports an ad booked on a page but not placed, naming the advertiser, size and page number', () => {
    let { edition } = withAd(4, 10);
    edition = apply(edition, addSection(edition, '要闻', 'A', sequentialIds('s')));
    const sectionId = planOf(edition).sections[0].id;
    for (const page of edition.pages) edition = apply(edition, setPagePlan(edition, page.id, { sectionId }));
    const findings = adFindings(edition);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ severity: 'error', code: 'ad-missing', pageNumber: 3 });
    expect(finding.message).toBe(
      'page 3: the ad for 城市银行 (4 columns × 10 cm) is booked on page A03 but not placed there',
    );
    expect(findingText({ ...finding, detail: finding.detail! }, 'zh-Hans')).toContain(
      '「城市银行」的广告（4 栏 × 10 厘米）预订在第 A03 版，但尚未置入该版',
    );
  });

  it('reports a placed ad whose frame was resized, with both sizes', () => {
    const { edition, adId, ids } = withAd(4, 10);
    const { ops, frameId } = placeAd(edition, adId, asset, ids);
    let placed = apply(edition, ops);
    placed = apply(placed, [{ type: 'update_frame', frameId, props: { height: cmToPt(8) } }]);
    const findings = adFindings(placed);
    expect(findings.map((f) => f.code)).toEqual(['ad-size']);
    expect(findings[0].frameId).toBe(frameId);
    expect(findings[0].message).toContain('placed at 4 columns × 8 cm; it was booked at 4 columns × 10 cm');
    expect(findingText({ ...findings[0], detail: findings[0].detail! }, 'zh-Hans')).toContain(
      '置入尺寸为 4 栏 × 8 厘米，预订尺寸为 4 栏 × 10 厘米',
    );
    // Within half a millimetre is the booked size.
    const nudged = apply(placed, [{ type: 'update_frame', frameId, props: { height: cmToPt(10) + 0.5 } }]);
    expect(adFindings(nudged)).toEqual([]);
  });

  it('reports an ad whose frame was deleted as missing again', () => {
    const { edition, adId, ids } = withAd(4, 10);
    const { ops, frameId } = placeAd(edition, adId, asset, ids);
    const gone = apply(apply(edition, ops), [{ type: 'remove_frame', frameId }]);
    expect(adFindings(gone).map((f) => f.code)).toEqual(['ad-missing']);
  });
});
