/**
 * Edition → display list → PDF, for callers that hold an edition and its
 * asset bytes (the app's service layer, the CLI): composes with the same
 * composer and fonts as the canvas (main/fonts), then exports or preflights.
 */
import { composeEdition } from '../../shared/layout';
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import type { PreflightFinding } from '../../shared/preflight';
import { createNodeComposer } from '../fonts';
import { exportPdf, type ExportPdfResult } from './export-pdf';
import type { PdfExportOptions } from './options';
import { preflightEdition } from './preflight-edition';
import { ReviewComposition } from '../../shared/review/review-composition';
import { markupEdition } from '../../shared/review/markup';

/** Composes an edition with the bundled fonts. */
export async function composeForExport(edition: Edition): Promise<DisplayList> {
  return composeEdition(edition, await createNodeComposer());
}

/** What a proof paints: the edition shown, its display list, and the edition as saved. */
export interface ProofComposition {
  /** The edition the display list shows (the markup view's when notes are on). */
  edition: Edition;
  displayList: DisplayList;
  /** The edition as saved (notes, changes). */
  source: Edition;
}

/**
 * Composes for a proof. With notes, the markup view: deleted words put back
 * (so they can be struck through) and every page's review marks, from which
 * the annotations are written; without, the final text as for press.
 */
export async function composeForProof(
  edition: Edition,
  options: { notes: boolean },
): Promise<ProofComposition> {
  if (!options.notes) return { edition, displayList: await composeForExport(edition), source: edition };
  const composition = new ReviewComposition(await createNodeComposer());
  const displayList = composition.compose(edition, { view: 'markup', notes: true });
  return { edition: markupEdition(edition).edition, displayList, source: edition };
}

/**
 * The service layer's export: compose, preflight, write. Press by default;
 * a Press export with preflight errors is refused (PreflightRefusedError)
 * unless `options.force`.
 */
export async function exportPdfFile(
  edition: Edition,
  assets: AssetBytes,
  outputPath: string,
  options: PdfExportOptions = { preset: 'press' },
): Promise<ExportPdfResult & { pages: number; bytes: number }> {
  const proof = await composeForProof(edition, { notes: options.notes === true });
  const displayList = proof.displayList;
  const result = await exportPdf({
    edition: proof.edition,
    source: proof.source,
    assets,
    displayList,
    options,
    outputPath,
  });
  return { ...result, pages: displayList.pages.length, bytes: result.byteLength };
}

/** The service layer's preflight, in the shape of shared/services PreflightProblem. */
export async function preflight(
  edition: Edition,
  assets: AssetBytes,
  target: 'press' | 'proof' = 'press',
  options: { userDictionary?: readonly string[] } = {},
): Promise<
  (Pick<PreflightFinding, 'severity' | 'message' | 'frameId' | 'code' | 'text' | 'fix' | 'detail'> & {
    pageIndex: number | null;
    frameName: string | null;
  })[]
> {
  const displayList = await composeForExport(edition);
  const findings: PreflightFinding[] = await preflightEdition({
    edition,
    assets,
    displayList,
    target,
    userDictionary: options.userDictionary,
  });
  return findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.message,
    pageIndex: f.pageNumber === null ? null : f.pageNumber - 1,
    frameId: f.frameId,
    frameName: f.frameName,
    ...(f.text ? { text: f.text } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.detail ? { detail: f.detail } : {}),
  }));
}
