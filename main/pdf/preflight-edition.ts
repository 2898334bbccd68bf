/** Preflight as the main process runs it: asset files and fonts looked at, then the pure checks. */
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { runPreflight, type PreflightFinding } from '../../shared/preflight';
import { assetFacts } from './asset-facts';
import { openFont, packagedFontLoader, type FontFileLoader } from './font-files';

export interface PreflightRequest {
  edition: Edition;
  assets: AssetBytes;
  displayList: DisplayList;
  target: 'press' | 'proof';
  fontLoader?: FontFileLoader;
}

export async function preflightEdition(request: PreflightRequest): Promise<PreflightFinding[]> {
  const load = request.fontLoader ?? packagedFontLoader;
  const missingFonts = Object.values(request.displayList.fonts)
    .filter((ref) => {
      try {
        return openFont(ref, load) === null;
      } catch {
        return true;
      }
    })
    .map((ref) => ref.key);
  return runPreflight({
    edition: request.edition,
    displayList: request.displayList,
    assets: await assetFacts(request.edition, request.assets),
    missingFonts,
    target: request.target,
  });
}
