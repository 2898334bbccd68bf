/**
 * Preflight of the ads the desk booked: a booked ad that is not on its page
 * (never placed, its frame deleted or moved to another page), and a placed
 * ad whose frame is not the size it was booked at (the advertiser pays for
 * columns × cm). Both are errors: the page would print without the ad, or
 * with one the advertiser did not buy.
 */
import type { Edition } from '../model/types';
import { pageLabels, planOf } from '../model/plan';
import { findingText } from '../preflight/finding-text';
import type { PreflightFinding } from '../preflight/types';
import { AD_SIZE_TOLERANCE_PT, adRect, sizeInColumns } from './ad-geometry';

function adFinding(
  code: 'ad-missing' | 'ad-size',
  pageNumber: number,
  frameId: string | null,
  frameName: string | null,
  key: string,
  values: Record<string, string | number>,
): PreflightFinding {
  const place = { pageNumber, frameId, frameName };
  const detail = { key, values };
  return { severity: 'error', code, ...place, detail, message: findingText({ ...place, detail }, 'en') };
}

/** Findings for every ad booked on a page: missing from it, or placed at another size. */
export function adFindings(edition: Edition): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const labels = pageLabels(edition);
  for (const ad of planOf(edition).ads) {
    if (ad.pageId === null) continue;
    const index = edition.pages.findIndex((p) => p.id === ad.pageId);
    if (index < 0) continue;
    const page = edition.pages[index];
    const values = {
      advertiser: ad.advertiser,
      columns: ad.columns,
      height: ad.heightCm,
      page: labels[index],
    };
    const frame = ad.frameId === null ? undefined : page.frames.find((f) => f.id === ad.frameId);
    if (!frame || frame.kind !== 'image' || frame.assetId === null) {
      out.push(adFinding('ad-missing', index + 1, null, null, 'preflight.adMissing', values));
      continue;
    }
    const booked = adRect(page, ad);
    if (
      Math.abs(frame.width - booked.width) > AD_SIZE_TOLERANCE_PT ||
      Math.abs(frame.height - booked.height) > AD_SIZE_TOLERANCE_PT
    ) {
      const placed = sizeInColumns(page, frame);
      out.push(
        adFinding('ad-size', index + 1, frame.id, frame.name || null, 'preflight.adSize', {
          ...values,
          placedColumns: placed.columns,
          placedHeight: placed.heightCm,
        }),
      );
    }
  }
  return out;
}
