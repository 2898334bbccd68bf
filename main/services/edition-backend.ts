/**
 * The real EditionBackend: storage (main/storage), the sample edition
 * (main/sample), importers (main/import) laid out by the default page
 * template (shared/sample), PDF export and preflight (main/pdf).
 */
import { createEmptyEdition } from '../../shared/model/defaults';
import { PAGE_PRESET_IDS, type PagePresetId } from '../../shared/model/presets';
import type { PreflightProblem } from '../../shared/services/api';
import { readFolio, writeFolio } from '../storage';
import type { EditionBackend } from './backend';

// PDF export, importers and the sample's photo painting pull in pdfkit, mammoth and sharp: load
// them when first used, so the window (and the browser host's URL) come up without waiting.
const pdf = () => import('../pdf');

export const editionBackend: EditionBackend = {
  async read(path) {
    const { edition, assets } = await readFolio(path);
    return { edition, assets };
  },
  async write(path, edition, assets) {
    await writeFolio(path, edition, assets);
  },
  async fromTemplate(template) {
    if (template === 'sample') return (await import('../sample')).loadSampleEdition();
    if (!(PAGE_PRESET_IDS as string[]).includes(template)) {
      throw new Error(`unknown template "${template}" (known: sample, ${PAGE_PRESET_IDS.join(', ')})`);
    }
    return { edition: createEmptyEdition({ preset: template as PagePresetId }), assets: new Map() };
  },
  async importCopy(path) {
    // Imported copy is laid out on a page with the default template; a Word file's pictures fill their
    // photo frames, the frames of captions without a picture stay empty.
    const { importFile, placeImportedFile } = await import('../import');
    const { edition, assets } = placeImportedFile(await importFile(path));
    return { edition, assets };
  },
  async exportPdf(edition, assets, path) {
    const result = await (await pdf()).exportPdfFile(edition, assets, path);
    return { pages: result.pages, bytes: result.bytes };
  },
  async exportProof(edition, assets, path) {
    const result = await (await pdf()).exportPdfFile(edition, assets, path, { preset: 'proof', notes: true });
    return { pages: result.pages, bytes: result.bytes };
  },
  async importComments(edition, pdfPath, { fallback, fileName, editionName }) {
    const { importPdfComments } = await import('../pdf/import-comments');
    const result = await importPdfComments(edition, pdfPath, {
      fallback,
      shownName: fileName,
      editionName,
    });
    return {
      ops: result.ops,
      onText: result.onText,
      onPoints: result.onPoints,
      replies: result.replies,
      existing: result.existing,
      skipped: result.skippedItems,
      changedSinceProof: result.changedSinceProof,
    };
  },
  async exportFlatplan(edition, path, language) {
    return (await import('../pdf/flatplan-pdf')).exportFlatplanFile(edition, path, language);
  },
  async exportSplit(edition, assets, folder, pattern, force) {
    const { composeForExport, exportSplit } = await pdf();
    const { manifest } = await exportSplit({
      edition,
      assets,
      displayList: await composeForExport(edition),
      outputDir: folder,
      pattern,
      options: { preset: 'press', force: force === true },
    });
    const bytes = manifest.pages.reduce((sum, p) => sum + p.bytes, manifest.whole.bytes);
    return { pages: manifest.pages.length, whole: manifest.whole.file, bytes };
  },
  async preflight(edition, assets, options) {
    const problems = await (await pdf()).preflight(edition, assets, 'press', options);
    return problems.map((problem): PreflightProblem => ({ ...problem }));
  },
};
