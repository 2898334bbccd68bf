/** PDF export: what the app's service layer and the CLI use. */
export {
  exportPdf,
  checkOutputPath,
  PreflightRefusedError,
  OutputPathError,
  UnexportableError,
  ProfileError,
  type ExportPdfRequest,
  type ExportPdfResult,
} from './export-pdf';
export { preflightEdition, type PreflightRequest } from './preflight-edition';
export { renderPdf, type RenderInput } from './render-pdf';
export { resolveOptions, type PdfExportOptions, type ExportPreset } from './options';
export { parsePageRange, PageRangeError } from './page-range';
export { ImageError } from './image-prepare';
export { MissingFontError } from './font-set';
export { packagedFontLoader, type FontFileLoader } from './font-files';
export {
  composeForExport,
  composeForProof,
  exportPdfFile,
  preflight,
  type ProofComposition,
} from './pipeline';
export {
  exportSplit,
  checkOutputDir,
  MANIFEST_FILE,
  type SplitExportRequest,
  type SplitExportResult,
  type SplitManifest,
} from './split-export';
export { ExportPatternError } from '../../shared/planning/export-names';
