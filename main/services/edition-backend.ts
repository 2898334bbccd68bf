/**
 * The real EditionBackend: storage (main/storage), the sample edition
 * (main/sample), importers (main/import), PDF export and preflight
 * (main/pdf). Those modules are built in parallel with this one; until each
 * lands, its functions are looked up at run time and a missing one fails
 * with a message that says what is not there yet.
 */
import { createEmptyEdition } from '../../shared/model/defaults';
import { PAGE_PRESET_IDS, type PagePresetId } from '../../shared/model/presets';
import type { AssetBytes, Edition } from '../../shared/model/types';
import type { PreflightProblem } from '../../shared/services/api';
import { exportPdfFile, preflight } from '../pdf';
import type { EditionBackend, LoadedEdition } from './backend';

type AnyFunction = (...args: never[]) => unknown;

/** Loads `module` (relative to main/) and returns its export `name`, or throws a clear error. */
async function lookup<F extends AnyFunction>(module: string, name: string): Promise<F> {
  let loaded: Record<string, unknown>;
  // A plain variable keeps bundlers from globbing every file under main/ into the bundle.
  const specifier = new URL(`../${module}`, import.meta.url).href;
  try {
    loaded = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${module} is not available in this build (${(error as Error).message.split('\n')[0]})`);
  }
  const found = loaded[name];
  if (typeof found !== 'function') throw new Error(`${module} does not export ${name}() yet`);
  return found as F;
}

/** Accepts the shapes the loaders may return: `{ edition, assets }` or a bare edition. */
function asLoaded(value: unknown): LoadedEdition {
  const record = value as { edition?: Edition; assets?: AssetBytes | Record<string, Uint8Array> };
  if (record && record.edition) {
    const assets =
      record.assets instanceof Map ? record.assets : new Map(Object.entries(record.assets ?? {}));
    return { edition: record.edition, assets };
  }
  return { edition: value as Edition, assets: new Map() };
}

export const editionBackend: EditionBackend = {
  async read(path) {
    const readFolio = await lookup<(path: string) => Promise<unknown>>('storage/index.ts', 'readFolio');
    return asLoaded(await readFolio(path));
  },
  async write(path, edition, assets) {
    const writeFolio = await lookup<(path: string, edition: Edition, assets: AssetBytes) => Promise<void>>(
      'storage/index.ts',
      'writeFolio',
    );
    await writeFolio(path, edition, assets);
  },
  async fromTemplate(template) {
    if (template === 'sample') {
      const loadSampleEdition = await lookup<() => Promise<unknown>>('sample/index.ts', 'loadSampleEdition');
      return asLoaded(await loadSampleEdition());
    }
    if (!(PAGE_PRESET_IDS as string[]).includes(template)) {
      throw new Error(`unknown template "${template}" (known: sample, ${PAGE_PRESET_IDS.join(', ')})`);
    }
    return { edition: createEmptyEdition({ preset: template as PagePresetId }), assets: new Map() };
  },
  async importCopy(path) {
    // Copy becomes an edition by laying its stories out on a page, which the sample module does.
    const editionFromCopy = await lookup<(path: string) => Promise<unknown>>(
      'sample/index.ts',
      'editionFromCopy',
    );
    return asLoaded(await editionFromCopy(path));
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
