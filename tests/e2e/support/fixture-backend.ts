/**
 * An EditionBackend for tests of the shell that must not depend on storage,
 * the sample or PDF export: editions live in memory, "files" in a map.
 */
import type { AssetBytes, Edition } from '../../../shared/model/types';
import type { EditionBackend } from '../../../main/services/backend';
import { fixtureEdition } from './fixture-edition';

export class FixtureBackend implements EditionBackend {
  readonly files = new Map<string, Edition>();
  readonly exported: { path: string; edition: Edition }[] = [];

  constructor(private readonly pageCount = 1) {}

  async read(path: string) {
    const edition = this.files.get(path);
    if (!edition) throw new Error(`${path}: no such file`);
    return { edition: structuredClone(edition), assets: new Map() as AssetBytes };
  }
  async write(path: string, edition: Edition) {
    this.files.set(path, structuredClone(edition));
  }
  async fromTemplate() {
    return { edition: fixtureEdition(this.pageCount), assets: new Map() as AssetBytes };
  }
  async importCopy(path: string) {
    throw new Error(`${path}: import is not part of the fixture backend`);
  }
  async exportPdf(edition: Edition, _assets: AssetBytes, path: string) {
    this.exported.push({ path, edition });
    return { pages: edition.pages.length, bytes: 0 };
  }
  async preflight() {
    return [];
  }
}
