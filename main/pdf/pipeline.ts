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

/** Composes an edition with the bundled fonts. */
export async function composeForExport(edition: Edition): Promise<DisplayList> {
  return composeEdition(edition, await createNodeComposer());
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
  const displayList = await composeForExport(edition);
  const result = await exportPdf({ edition, assets, displayList, options, outputPath });
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
