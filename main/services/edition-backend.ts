/**
 * The real EditionBackend: storage (main/storage), the sample edition
 * (main/sample), importers (main/import) laid out by the default page
 * template (shared/sample), PDF export and preflight (main/pdf).
 */
import { createEmptyEdition } from '../../shared/model/defaults';
import { PAGE_PRESET_IDS, type PagePresetId } from '../../shared/model/presets';
import { placeStories } from '../../shared/sample/place-stories';
import type { PreflightProblem } from '../../shared/services/api';
import { importFile } from '../import';
import { exportPdfFile, preflight } from '../pdf';
import { loadSampleEdition } from '../sample';
import { readFolio, writeFolio } from '../storage';
import type { EditionBackend } from './backend';

export const editionBackend: EditionBackend = {
  async read(path) {
    const { edition, assets } = await readFolio(path);
    return { edition, assets };
  },
  async write(path, edition, assets) {
    await writeFolio(path, edition, assets);
  },
  async fromTemplate(template) {
    if (template === 'sample') return loadSampleEdition();
    if (!(PAGE_PRESET_IDS as string[]).includes(template)) {
      throw new Error(`unknown template "${template}" (known: sample, ${PAGE_PRESET_IDS.join(', ')})`);
    }
    return { edition: createEmptyEdition({ preset: template as PagePresetId }), assets: new Map() };
  },
  async importCopy(path) {
    // Imported copy is laid out on a page with the default template, photos left as empty frames.
    const copy = await importFile(path);
    return {
      edition: placeStories({ banner: copy.banner, stories: copy.stories }).edition,
      assets: new Map(),
    };
  },
  async exportPdf(edition, assets, path) {
    const result = await exportPdfFile(edition, assets, path);
    return { pages: result.pages, bytes: result.bytes };
  },
  async preflight(edition, assets) {
    const problems = await preflight(edition, assets);
    return problems.map(({ severity, message, pageIndex, frameId }): PreflightProblem => ({
      severity,
      message,
      pageIndex,
      frameId,
    }));
  },
};
