/** Preflight as the main process runs it: asset files and fonts looked at, then the pure checks. */
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { runPreflight, type PreflightFinding } from '../../shared/preflight';
import { assetFacts } from './asset-facts';
import { openFont, packagedFontLoader, type FontFileLoader } from './font-files';
import { loadSpeller } from '../proofing/speller';

export interface PreflightRequest {
  edition: Edition;
  assets: AssetBytes;
  displayList: DisplayList;
  target: 'press' | 'proof';
  fontLoader?: FontFileLoader;
  /** Run the copy checks (default true; the export's own preflight leaves them out: they never block). */
  copyChecks?: boolean;
  /** The user's accepted words (preferences), for the spelling check. */
  userDictionary?: readonly string[];
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
    copyChecks: request.copyChecks ?? true,
    speller: request.copyChecks === false ? null : await loadSpeller(),
    userDictionary: request.userDictionary,
  });
}
